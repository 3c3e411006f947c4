// `npm run demo`: a local 3-broker Kafka with sample topics, live producers and consumer groups
// (one caught up, one lagging, one stopped), and Weir with that cluster registered. Ctrl-C stops all.
import { Producer, stringSerializers } from '@platformatic/kafka';
import {
  commitOffsets,
  createTopic,
  type RunningWeir,
  startConsumer,
  startKafkaCluster,
  startWeir,
} from '@weir/testkit';

const ADMIN_PASSWORD = 'weir-demo-password';
const port = process.env.WEIR_PORT ?? '8080';

console.log('Starting a 3-broker Kafka 3.9 cluster (first run downloads its jars with Maven)...');
const kafka = await startKafkaCluster({ version: '3.9', brokers: 3 });
// In-process clients (producer, consumers) and Weir, stopped before the brokers; see `shutdown`.
const clients: (() => Promise<unknown>)[] = [];
let weir: RunningWeir | undefined;
// Each part gets a few seconds: a client closing against a broker that hung can wait on its sockets
// for long, and Weir's graceful stop is bounded by SIGKILL. Kafka's own stop ends with SIGKILL too.
const WEIR_STOP_MS = 5_000;
const CLIENT_STOP_MS = 2_000;
const within = (stop: () => Promise<unknown>, ms: number) =>
  Promise.race([
    stop().then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
  ]);
let stopping = false;
/** Ctrl-C: Weir stops first, then every broker the demo started; a second Ctrl-C quits at once. */
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo... (Ctrl-C again to quit at once)');
  process.once('SIGINT', () => process.exit(130));
  const running = weir;
  const weirStopped = running
    ? within(running.stop, WEIR_STOP_MS).then((stopped) => {
        if (!stopped) process.kill(running.pid, 'SIGKILL');
      })
    : Promise.resolve();
  const began = Date.now();
  await Promise.all([weirStopped, ...clients.map((close) => within(close, CLIENT_STOP_MS))]);
  const weirMs = Date.now() - began;
  await kafka.stop().catch(() => undefined);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `Stopped Weir and the brokers (${seconds(weirMs)}, then ${seconds(Date.now() - began - weirMs)}).`,
  );
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
    // A send in flight when Ctrl-C stops the brokers fails: that is the stop, not news.
    () => void produce().catch((error: Error) => stopping || console.error('produce failed:', error.message)),
    1000,
  );
  clients.push(async () => {
    clearInterval(producing);
    await producer.close();
  });

  const billing = await startConsumer(kafka, 'billing', 'orders');
  const analytics = await startConsumer(kafka, 'analytics', 'clickstream', { delayMsPerRecord: 200 });
  clients.push(billing.stop, analytics.stop);
  await commitOffsets(
    kafka,
    'reporting',
    'orders',
    [0, 1, 2, 3, 4, 5].map((partition) => ({ partition, offset: 0 })),
  );

  weir = await startWeir({
    env: { WEIR_PORT: port, WEIR_ADMIN_PASSWORD: ADMIN_PASSWORD, WEIR_DATA_DIR: './data-demo' },
    dataDir: './data-demo',
  });
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
Weir is running at ${weir.url}  (log in as admin / ${ADMIN_PASSWORD}; pid ${weir.pid})
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
