// `npm run demo`: a local 3-broker Kafka with sample topics, live producers and consumer groups
// (one caught up, one lagging, one stopped), and Weir with that cluster registered. Ctrl-C stops all.
import { Producer, stringSerializers } from '@platformatic/kafka';
import { commitOffsets, createTopic, startConsumer, startKafkaCluster, startWeir } from '@weir/testkit';

const ADMIN_PASSWORD = 'weir-demo-password';
const port = process.env.WEIR_PORT ?? '8080';

console.log('Starting a 3-broker Kafka 3.9 cluster (first run downloads its jars with Maven)...');
const kafka = await startKafkaCluster({ version: '3.9', brokers: 3 });
const stoppers: (() => Promise<unknown>)[] = [];
// A client closing against a broker that hung and came back can wait on its sockets for long: each
// part but Kafka gets a few seconds (Kafka's own stop ends with SIGKILL), and a second Ctrl-C quits.
const STOP_PART_MS = 10_000;
const withinDeadline = (stop: () => Promise<unknown>) =>
  Promise.race([stop().catch(() => undefined), new Promise((r) => setTimeout(r, STOP_PART_MS).unref())]);
const shutdown = async () => {
  console.log('\nStopping the demo... (Ctrl-C again to quit at once)');
  process.once('SIGINT', () => process.exit(130));
  for (const stop of stoppers.reverse()) await withinDeadline(stop);
  await kafka.stop().catch(() => undefined);
  process.exit(0);
};
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

try {
  const topics = [
    { name: 'orders', partitions: 6, replicas: 3 },
    { name: 'payments', partitions: 3, replicas: 2 },
    { name: 'clickstream', partitions: 12, replicas: 2 },
    { name: 'audit-log', partitions: 1, replicas: 3 },
  ];
  for (const topic of topics) await createTopic(kafka, topic.name, topic);

  const producer = new Producer({
    clientId: 'weir-demo-producer',
    bootstrapBrokers: kafka.bootstrapServers.plaintext.split(','),
    serializers: stringSerializers,
    idempotent: true,
  });
  let sequence = 0;
  const produce = async () => {
    const now = new Date().toISOString();
    const messages = Array.from({ length: 20 }, () => {
      sequence += 1;
      return [
        {
          topic: 'orders',
          key: `customer-${sequence % 97}`,
          value: JSON.stringify({ order: sequence, at: now, amount: sequence % 500 }),
        },
        {
          topic: 'clickstream',
          key: `session-${sequence % 31}`,
          value: JSON.stringify({ page: `/p/${sequence % 13}`, at: now }),
        },
      ];
    }).flat();
    if (sequence % 100 === 0)
      messages.push({
        topic: 'payments',
        key: `p-${sequence}`,
        value: JSON.stringify({ payment: sequence }),
      });
    await producer.send({ messages });
  };
  await produce();
  const producing = setInterval(
    () => void produce().catch((error: Error) => console.error('produce failed:', error.message)),
    1000,
  );
  stoppers.push(async () => {
    clearInterval(producing);
    await producer.close();
  });

  const billing = await startConsumer(kafka, 'billing', 'orders');
  const analytics = await startConsumer(kafka, 'analytics', 'clickstream', { delayMsPerRecord: 200 });
  stoppers.push(billing.stop, analytics.stop);
  await commitOffsets(
    kafka,
    'reporting',
    'orders',
    [0, 1, 2, 3, 4, 5].map((partition) => ({ partition, offset: 0 })),
  );

  const weir = await startWeir({
    env: { WEIR_PORT: port, WEIR_ADMIN_PASSWORD: ADMIN_PASSWORD, WEIR_DATA_DIR: './data-demo' },
    dataDir: './data-demo',
  });
  stoppers.push(weir.stop);
  const login = await fetch(`${weir.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  // Writes with the session cookie carry Weir's own origin, as the console's do (CSRF guard).
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const existing = (await (await fetch(`${weir.url}/api/v1/clusters`, { headers: { cookie } })).json()) as {
    clusters: { id: string; name: string }[];
  };
  for (const old of existing.clusters.filter((c) => c.name === 'demo')) {
    await fetch(`${weir.url}/api/v1/clusters/${old.id}`, {
      method: 'DELETE',
      headers: { cookie, origin: weir.url, 'content-type': 'application/json' },
      body: JSON.stringify({ confirmName: 'demo' }),
    });
  }
  const created = await fetch(`${weir.url}/api/v1/clusters`, {
    method: 'POST',
    headers: { cookie, origin: weir.url, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'demo',
      bootstrapServers: kafka.bootstrapServers.plaintext.split(','),
      tags: ['demo'],
      description: 'npm run demo',
    }),
  });
  if (created.status !== 201) throw new Error(`registering the demo cluster failed: ${await created.text()}`);

  console.log(`
Weir is running at ${weir.url}  (log in as admin / ${ADMIN_PASSWORD})
Kafka bootstrap: ${kafka.bootstrapServers.plaintext}
Broker pids: ${kafka
    .brokers()
    .map((b) => `${b.nodeId}=${b.pid}`)
    .join(' ')}  (kill -STOP <pid> hangs one, kill -CONT <pid> resumes it)
Topics: orders, payments, clickstream, audit-log; producers write every second.
Groups: billing (caught up), analytics (lagging), reporting (stopped, with lag).
CLI:    npm run weir -- login --url ${weir.url}   then   npm run weir -- topics list --cluster demo
Press Ctrl-C to stop everything.`);
} catch (error) {
  console.error((error as Error).message);
  await shutdown();
}
