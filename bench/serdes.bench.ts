// Decoding cost: a 12-partition topic of Avro records (~40 bytes each). Weir's search with a filter
// on a decoded field that matches nothing (so every record is decoded by the Avro serde and its JSON
// filtered) against the same search with no serde rule (raw bytes filtered), and kcat -C -e reading
// the topic, in the same run, alternating, three times each. `npm run bench -- serdes [--messages N]`
import { parseArgs } from 'node:util';
import { Producer } from '@platformatic/kafka';
import { createTopic, startKafkaCluster, startWeir } from '@weir/testkit';
import avro from 'avsc';
import { kcatScan } from './kcat.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { messages: { type: 'string', default: '200000' } },
});
const MESSAGES = Number(values.messages);
const PARTITIONS = 12;
const ROUNDS = 3;
const ORDER = {
  type: 'record',
  name: 'Order',
  namespace: 'bench',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'customer', type: 'string' },
    { name: 'region', type: { type: 'enum', name: 'Region', symbols: ['EU', 'US', 'APAC'] } },
    { name: 'amount', type: 'double' },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));

console.log(`Preparing Kafka 3.9 with ${MESSAGES} Avro records in ${PARTITIONS} partitions...`);
const kafka = await startKafkaCluster({ version: '3.9', heapMb: 1024 });
const bootstrap = kafka.bootstrapServers.plaintext;
const weir = await startWeir({ env: { WEIR_ADMIN_PASSWORD: 'bench-password' } }).catch(
  async (error: unknown) => {
    await kafka.stop();
    throw error;
  },
);
try {
  const type = avro.Type.forSchema(ORDER as avro.Schema);
  for (const topic of ['orders-avro', 'orders-raw'])
    await createTopic(kafka, topic, { partitions: PARTITIONS });
  // Idempotent: a retried send is written once, so the topics hold exactly the records sent.
  const producer = new Producer({ clientId: 'weir-bench', bootstrapBrokers: [bootstrap], idempotent: true });
  const BATCH = 2000;
  for (let start = 0; start < MESSAGES; start += BATCH) {
    const count = Math.min(BATCH, MESSAGES - start);
    const batch = Array.from({ length: count }, (_, i) => ({
      partition: (start + i) % PARTITIONS,
      value: type.toBuffer({
        id: start + i,
        customer: `customer-${(start + i) % 977}`,
        region: ['EU', 'US', 'APAC'][(start + i) % 3],
        amount: (start + i) * 1.25,
        note: (start + i) % 4 === 0 ? 'gift wrap, leave at the door' : null,
      }),
    }));
    // The same bytes in both topics: one read through the Avro serde, one raw.
    await producer.send({ messages: batch.map((m) => ({ ...m, topic: 'orders-avro' })) });
    await producer.send({ messages: batch.map((m) => ({ ...m, topic: 'orders-raw' })) });
  }
  await producer.close();

  const login = await fetch(`${weir.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password' }),
  });
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const headers = { cookie, origin: weir.url, 'content-type': 'application/json' };
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${weir.url}/api/v1${path}`, {
      method,
      headers,
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const { cluster } = (await call('POST', '/clusters', { name: 'bench', bootstrapServers: [bootstrap] })) as {
    cluster: { id: string };
  };
  await call('POST', '/schemas', {
    name: 'orders',
    format: 'avro',
    files: [{ path: 'order.avsc', content: JSON.stringify(ORDER) }],
  });
  await call('PUT', `/clusters/${cluster.id}/serde-rules`, {
    rules: [{ topics: 'orders-avro', value: { serde: 'avro', schema: 'orders' } }],
  });

  const weirScan = async (topic: string, filter: Record<string, unknown>) => {
    const started = performance.now();
    const response = await fetch(
      `${weir.url}/api/v1/clusters/${cluster.id}/topics/${topic}/messages/search`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ filters: [filter], maxScanned: MESSAGES * 2, maxMs: 120_000 }),
      },
    );
    const lines = (await response.text()).trim().split('\n');
    const end = JSON.parse(lines.at(-1) ?? '{}') as {
      type: string;
      reason: string;
      progress: { scanned: number };
    };
    if (end.type !== 'end' || end.reason !== 'end') throw new Error(`search did not finish: ${lines.at(-1)}`);
    return { count: end.progress.scanned, ms: performance.now() - started };
  };
  const decoded = () =>
    weirScan('orders-avro', { target: 'value', match: 'jsonPath', path: '$.customer', value: 'nobody' });
  const raw = () => weirScan('orders-raw', { target: 'value', match: 'contains', value: 'nobody' });

  // Warm the broker's page cache and every reader once before measuring. kcat's count of each topic
  // is what every reader must match (a producer retry may have written a batch twice).
  const expected = {
    decoded: (await kcatScan(bootstrap, 'orders-avro', 'records')).count,
    raw: (await kcatScan(bootstrap, 'orders-raw', 'records')).count,
    kcat: 0,
  };
  expected.kcat = expected.raw;
  await decoded();
  await raw();
  const runs = { decoded: [] as number[], raw: [] as number[], kcat: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const d = await decoded();
    const r = await raw();
    const k = await kcatScan(bootstrap, 'orders-raw', 'records');
    for (const [name, result] of [
      ['decoded', d],
      ['raw', r],
      ['kcat', k],
    ] as const) {
      if (result.count !== expected[name])
        throw new Error(`${name} read ${result.count} records; kcat reads ${expected[name]}`);
      runs[name].push(result.ms);
    }
    console.log(
      `round ${round + 1}: Avro-decoded ${seconds(d.ms)} s, raw ${seconds(r.ms)} s, kcat ${seconds(k.ms)} s`,
    );
  }
  const [d, r, k] = [median(runs.decoded), median(runs.raw), median(runs.kcat)];
  console.log(`\nMedian of ${ROUNDS}; kcat counts ${expected.decoded} and ${expected.raw} records:`);
  console.log(
    `  Weir search, Avro-decoded JSON path filter: ${seconds(d)} s (${rate(expected.decoded, d)} records/s)`,
  );
  console.log(
    `  Weir search, raw contains filter:          ${seconds(r)} s (${rate(expected.raw, r)} records/s)`,
  );
  console.log(
    `  kcat -C -e (no decoding):                  ${seconds(k)} s (${rate(expected.raw, k)} records/s)`,
  );
  console.log(
    `  decoded / raw: ${(d / r).toFixed(2)}x the time; decoded / kcat: ${(d / k).toFixed(2)}x the time`,
  );
} finally {
  await weir.stop();
  await kafka.stop();
}
