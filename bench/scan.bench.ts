// Full scan: a 12-partition topic with 1,000,000 records of ~200 bytes. Weir's search with a filter
// that matches nothing (so it reads every record) against kcat -C -e reading the same topic, in the
// same run, alternating, three times each. `npm run bench -- scan [--messages N]`
import { parseArgs } from 'node:util';
import { Producer, stringSerializers } from '@platformatic/kafka';
import { createTopic, startKafkaCluster, startWeir } from '@weir/testkit';
import { kcatScan } from './kcat.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { messages: { type: 'string', default: '1000000' } },
});
const MESSAGES = Number(values.messages);
const PARTITIONS = 12;
const TOPIC = 'scan-bench';
const ROUNDS = 3;

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));

console.log(`Preparing Kafka 3.9 with ${MESSAGES} records of ~200 bytes in ${PARTITIONS} partitions...`);
const kafka = await startKafkaCluster({ version: '3.9', heapMb: 1024 });
const bootstrap = kafka.bootstrapServers.plaintext;
const weir = await startWeir({ env: { WEIR_ADMIN_PASSWORD: 'bench-password' } }).catch(
  async (error: unknown) => {
    await kafka.stop();
    throw error;
  },
);
try {
  await createTopic(kafka, TOPIC, { partitions: PARTITIONS });
  const producer = new Producer({
    clientId: 'weir-bench',
    bootstrapBrokers: [bootstrap],
    serializers: stringSerializers,
  });
  const filler = 'x'.repeat(170);
  const producedAt = performance.now();
  const BATCH = 2000;
  for (let start = 0; start < MESSAGES; start += BATCH * 4) {
    await Promise.all(
      [0, 1, 2, 3].map((lane) => {
        const from = start + lane * BATCH;
        const count = Math.max(0, Math.min(BATCH, MESSAGES - from));
        if (count === 0) return Promise.resolve();
        return producer.send({
          messages: Array.from({ length: count }, (_, i) => ({
            topic: TOPIC,
            partition: (from + i) % PARTITIONS,
            key: `key-${from + i}`,
            value: `{"n":${from + i},"pad":"${filler}"}`,
          })),
        });
      }),
    );
  }
  await producer.close();
  console.log(`Produced in ${seconds(performance.now() - producedAt)} s.`);

  const login = await fetch(`${weir.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password' }),
  });
  // Writes with the session cookie carry Weir's own origin, as the console's do (CSRF guard).
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const headers = { cookie, origin: weir.url, 'content-type': 'application/json' };
  const created = await fetch(`${weir.url}/api/v1/clusters`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'bench', bootstrapServers: [bootstrap] }),
  });
  const id = ((await created.json()) as { cluster: { id: string } }).cluster.id;

  const weirScan = async (): Promise<{ count: number; ms: number }> => {
    const started = performance.now();
    const response = await fetch(`${weir.url}/api/v1/clusters/${id}/topics/${TOPIC}/messages/search`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        filters: [{ target: 'value', match: 'contains', value: 'no-record-holds-this' }],
        maxScanned: MESSAGES * 2,
        maxMs: 120_000,
      }),
    });
    const lines = (await response.text()).trim().split('\n');
    const end = JSON.parse(lines.at(-1) ?? '{}') as {
      type: string;
      reason: string;
      progress: { scanned: number };
    };
    if (end.type !== 'end' || end.reason !== 'end') throw new Error(`search did not finish: ${lines.at(-1)}`);
    return { count: end.progress.scanned, ms: performance.now() - started };
  };

  // Warm the broker's page cache and both readers once before measuring.
  await kcatScan(bootstrap, TOPIC, 'values');
  await weirScan();
  const weirRuns: number[] = [];
  const kcatRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const k = await kcatScan(bootstrap, TOPIC, 'values');
    const w = await weirScan();
    if (k.count !== MESSAGES || w.count !== MESSAGES)
      throw new Error(`read ${k.count} (kcat) and ${w.count} (Weir) records, expected ${MESSAGES}`);
    kcatRuns.push(k.ms);
    weirRuns.push(w.ms);
    console.log(`round ${round + 1}: kcat ${seconds(k.ms)} s, Weir ${seconds(w.ms)} s`);
  }
  const weirMs = median(weirRuns);
  const kcatMs = median(kcatRuns);
  console.log(`
Scan benchmark: Kafka 3.9, 1 broker, ${MESSAGES} records (~200 B) in ${PARTITIONS} partitions; Node ${process.version}

| reader | time (median of ${ROUNDS}) | records/s |
|---|---:|---:|
| Weir search, value filter matching nothing | ${seconds(weirMs)} s | ${rate(MESSAGES, weirMs)} |
| kcat -C -e (same topic, same run) | ${seconds(kcatMs)} s | ${rate(MESSAGES, kcatMs)} |

Weir's scan rate / kcat's: ${(kcatMs / weirMs).toFixed(2)} (target: at least 0.80)
`);
} finally {
  await weir.stop();
  await kafka.stop();
}
