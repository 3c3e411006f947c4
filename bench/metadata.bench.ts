// Scale: a single-broker Kafka 3.9 with 10,000 topics and 2,000 consumer groups. Weir's full snapshot,
// topic-page and group-list latency and its memory, beside Kafka's own kafka-topics --describe and
// kafka-consumer-groups --describe --all-groups timed in the same run.
// `npm run bench -- metadata [--topics N] [--groups N]`
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Admin } from '@platformatic/kafka';
import { runKafkaTool, startKafkaCluster, startWeir } from '@weir/testkit';
import { median, percentile, rssMb } from './stats.ts';

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    topics: { type: 'string', default: '10000' },
    groups: { type: 'string', default: '2000' },
    // e.g. --node-options=--max-semi-space-size=4, to see how V8 settings move the server's memory.
    'node-options': { type: 'string' },
  },
});
const TOPICS = Number(values.topics);
const GROUPS = Number(values.groups);
const topicName = (i: number) => `topic-${String(i).padStart(5, '0')}`;

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

console.log(`Preparing Kafka 3.9 with ${TOPICS} topics and ${GROUPS} groups...`);
const kafka = await startKafkaCluster({ version: '3.9', heapMb: 1536, startTimeoutMs: 180_000 });
const bootstrap = kafka.bootstrapServers.plaintext;
const weir = await startWeir({
  env: {
    WEIR_ADMIN_PASSWORD: 'bench-password',
    ...(values['node-options'] ? { NODE_OPTIONS: values['node-options'] } : {}),
  },
}).catch(async (error: unknown) => {
  await kafka.stop();
  throw error;
});
try {
  const admin = new Admin({
    clientId: 'weir-bench',
    bootstrapBrokers: [bootstrap],
    timeout: 120_000,
    requestTimeout: 120_000,
  });
  const [, setupTopicsMs] = await timed(async () => {
    for (let start = 0; start < TOPICS; start += 500) {
      const names = Array.from({ length: Math.min(500, TOPICS - start) }, (_, i) => topicName(start + i));
      await admin.createTopics({ topics: names, partitions: 1, replicas: 1 });
    }
  });
  // The first group creates __consumer_offsets; on a broker busy with new topics that takes a while.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.alterConsumerGroupOffsets({
        groupId: 'group-0000',
        topics: [{ name: topicName(0), partitionOffsets: [{ partition: 0, offset: 0n }] }],
      });
      break;
    } catch (error) {
      if (attempt === 60) throw error;
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 1000));
    }
  }
  const [, setupGroupsMs] = await timed(async () => {
    for (let start = 0; start < GROUPS; start += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, GROUPS - start) }, (_, i) =>
          admin.alterConsumerGroupOffsets({
            groupId: `group-${String(start + i).padStart(4, '0')}`,
            topics: [
              { name: topicName((start + i) % TOPICS), partitionOffsets: [{ partition: 0, offset: 0n }] },
            ],
          }),
        ),
      );
    }
  });
  await admin.close();
  console.log(
    `Setup: ${TOPICS} topics in ${(setupTopicsMs / 1000).toFixed(1)} s, ${GROUPS} groups in ${(setupGroupsMs / 1000).toFixed(1)} s`,
  );

  const login = await fetch(`${weir.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password' }),
  });
  // Writes with the session cookie carry Weir's own origin, as the console's do (CSRF guard).
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${weir.url}/api/v1${path}`, {
      ...init,
      headers: { cookie, origin: weir.url, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const created = await call('/clusters', {
    method: 'POST',
    body: JSON.stringify({ name: 'bench', bootstrapServers: [bootstrap] }),
  });
  const id = (created.cluster as { id: string }).id;

  const snapshotTimes: number[] = [];
  for (let i = 0; i < 3; i += 1)
    snapshotTimes.push((await timed(() => call(`/clusters/${id}/overview?refresh=true`)))[1]);
  const overview = (await call(`/clusters/${id}/overview`)).overview as {
    topics: number;
    partitions: number;
    groupsByState: Record<string, number>;
  };

  const pageTimes: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const search = `topic-0${i % 10}`;
    pageTimes.push(
      (await timed(() => call(`/clusters/${id}/topics?search=${search}&pageSize=50&page=${1 + (i % 3)}`)))[1],
    );
  }
  const groupTimes: number[] = [];
  let groupCount = 0;
  for (let i = 0; i < 20; i += 1) {
    const [groups, ms] = await timed(() => call(`/clusters/${id}/groups`));
    groupTimes.push(ms);
    groupCount = (groups.groups as unknown[]).length;
  }
  const weirRss = rssMb(weir.pid, (path) => readFileSync(path, 'utf8'));

  console.log("Running Kafka's own tools on the same cluster...");
  const [topicsOut, kafkaTopicsMs] = await timed(() =>
    runKafkaTool('3.9', 'kafka-topics', ['--bootstrap-server', bootstrap, '--describe']),
  );
  const [groupsOut, kafkaGroupsMs] = await timed(() =>
    runKafkaTool('3.9', 'kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap,
      '--describe',
      '--all-groups',
    ]),
  );
  const kafkaTopicLines = topicsOut.split('\n').filter((l) => l.startsWith('Topic:')).length;
  const kafkaGroupRows = groupsOut.split('\n').filter((l) => l.startsWith('group-')).length;

  const snapshot = median(snapshotTimes);
  console.log(`
Scale benchmark: Kafka 3.9, 1 broker, ${overview.topics} topics (${overview.partitions} partitions), ${groupCount} groups; Node ${process.version}

| measurement | Weir | Kafka tool (same run) | Weir / Kafka |
|---|---:|---:|---:|
| full snapshot: every topic, partition, offset, log dir, group and lag (median of 3) | ${(snapshot / 1000).toFixed(2)} s | kafka-topics --describe: ${(kafkaTopicsMs / 1000).toFixed(2)} s (${kafkaTopicLines} topics) | ${(snapshot / kafkaTopicsMs).toFixed(2)}x |
| the same snapshot against both tools together | ${(snapshot / 1000).toFixed(2)} s | kafka-topics + kafka-consumer-groups --describe --all-groups: ${((kafkaTopicsMs + kafkaGroupsMs) / 1000).toFixed(2)} s (${kafkaGroupRows} group rows) | ${(snapshot / (kafkaTopicsMs + kafkaGroupsMs)).toFixed(2)}x |
| group list with lag, all groups, served from the snapshot (median of 20) | ${median(groupTimes).toFixed(0)} ms | — | — |
| topic page of 50 with a search term, p50 / p95 (200 requests) | ${percentile(pageTimes, 50).toFixed(1)} / ${percentile(pageTimes, 95).toFixed(1)} ms | — | — |
| Weir server RSS after the run | ${weirRss.toFixed(0)} MB | — | — |

Targets: snapshot < 10 s and faster than the Kafka tools (${snapshot < 10_000 && snapshot < kafkaTopicsMs ? 'met' : 'MISSED'}); page p95 < 50 ms (${percentile(pageTimes, 95) < 50 ? 'met' : 'MISSED'}); RSS < 300 MB (${weirRss < 300 ? 'met' : 'MISSED'}).`);
} finally {
  await weir.stop();
  await kafka.stop();
}
