import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Producer, stringSerializers } from '@platformatic/kafka';
import {
  createTopic,
  type KafkaCluster,
  produceRecords,
  runKafkaTool,
  startKafkaCluster,
} from '@weir/testkit';
import { createTestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';

let kafka: KafkaCluster;
let app: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let clusterId: string;
/** Stores a restarted app took over; removed at the end. */
const leftoverDirs: string[] = [];
const api = apiClient(
  () => app,
  () => cookie,
);
const bootstrap = () => kafka.bootstrapServers.plaintext;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records a read_committed consumer gets, counted by kcat (librdkafka) reading to the end: the oracle. */
function countWithKcat(topic: string): number {
  const output = execFileSync(
    'kcat',
    ['-C', '-b', bootstrap(), '-t', topic, '-e', '-q', '-f', '%o\\n', '-X', 'isolation.level=read_committed'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return output.split('\n').filter(Boolean).length;
}

/** Keyed records through kcat's producer (`key:value` lines). */
function produceKeyed(topic: string, lines: string[]): void {
  execFileSync('kcat', ['-P', '-b', bootstrap(), '-t', topic, '-K:'], {
    input: `${lines.join('\n')}\n`,
    timeout: 60_000,
  });
}

/** One transaction of `count` records, committed or aborted, through a real transactional producer. */
async function produceTransaction(topic: string, count: number, outcome: 'commit' | 'abort') {
  const producer = new Producer({
    clientId: 'weir-test-txn',
    bootstrapBrokers: [bootstrap()],
    serializers: stringSerializers,
    idempotent: true,
    transactionalId: `weir-test-${outcome}-${count}`,
  });
  try {
    const transaction = await producer.beginTransaction();
    await transaction.send({
      messages: Array.from({ length: count }, (_, i) => ({ topic, key: `t${i}`, value: `${outcome}-${i}` })),
    });
    await (outcome === 'commit' ? transaction.commit() : transaction.abort());
  } finally {
    await producer.close();
  }
}

/** Log end minus log start, summed over partitions, as kafka-get-offsets prints them. */
async function offsetSpanWithKafka(topic: string): Promise<number> {
  const offsets = async (time: string) =>
    (
      await runKafkaTool(kafka.version, 'kafka-get-offsets', [
        '--bootstrap-server',
        bootstrap(),
        '--topic',
        topic,
        '--time',
        time,
      ])
    )
      .trim()
      .split('\n')
      .reduce((sum, line) => sum + Number(line.split(':')[2]), 0);
  return (await offsets('-1')) - (await offsets('-2'));
}

async function countWithWeir(topic: string) {
  const started = await api('POST', `/clusters/${clusterId}/topics/${topic}/message-count`);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  assert.equal(started.body.kind, 'message-count');
  const settled = await app.jobs.settled(started.body.id, 120_000);
  assert.equal(settled.state, 'succeeded', JSON.stringify(settled));
  const latest = await api('GET', `/clusters/${clusterId}/topics/${topic}/message-count`);
  assert.equal(latest.status, 200);
  assert.equal(latest.body.job.id, started.body.id);
  return latest.body.job as AnyBody;
}

async function estimateShown(topic: string) {
  const page = await api('GET', `/clusters/${clusterId}/topics?search=${topic}&refresh=true`);
  const summary = page.body.items.find((t: AnyBody) => t.name === topic);
  return { messages: summary.messages.value as number, estimated: summary.messagesEstimated as boolean };
}

before(async () => {
  kafka = await startKafkaCluster({ version: '3.9' });
  app = await createTestApp();
  cookie = await app.login();
  const added = await api('POST', '/clusters', { name: 'count', bootstrapServers: [bootstrap()] });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterId = added.body.cluster.id;
});
after(async () => {
  await app?.close();
  await kafka?.stop();
  for (const dir of leftoverDirs) rmSync(dir, { recursive: true, force: true });
});

test('a compacted topic: the estimate counts offsets the cleaner removed; the count job matches kcat', async () => {
  const created = await api('POST', `/clusters/${clusterId}/topics`, {
    name: 'compacted',
    partitions: 2,
    replicationFactor: 1,
    configs: {
      'cleanup.policy': 'compact',
      'segment.ms': '100',
      'min.cleanable.dirty.ratio': '0.01',
      'delete.retention.ms': '100',
    },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  // 3,000 records over 235 keys, in chunks far enough apart that segments roll between them.
  for (let chunk = 0; chunk < 6; chunk++) {
    produceKeyed(
      'compacted',
      Array.from({ length: 500 }, (_, i) => `k${(chunk * 500 + i) % 235}:v${chunk * 500 + i}`),
    );
    await sleep(300);
  }
  produceKeyed('compacted', ['k0:last']);
  let oracle = countWithKcat('compacted');
  for (let i = 0; i < 120 && oracle > 1000; i++) {
    await sleep(1000);
    oracle = countWithKcat('compacted');
  }
  assert.ok(oracle < 1000, `the cleaner compacted the topic (kcat reads ${oracle} records)`);
  // Wait for the cleaner to finish: the same count twice, seconds apart.
  for (let previous = -1; previous !== oracle; ) {
    previous = oracle;
    await sleep(3000);
    oracle = countWithKcat('compacted');
  }

  const estimate = await estimateShown('compacted');
  assert.equal(estimate.estimated, true);
  assert.equal(estimate.messages, await offsetSpanWithKafka('compacted'));
  assert.equal(
    estimate.messages,
    3001,
    'nothing was deleted from the log start, so end − start is every offset',
  );

  const job = await countWithWeir('compacted');
  assert.equal(job.progress.records, oracle, 'exact count = what kcat reads');
  assert.equal(countWithKcat('compacted'), oracle, 'the log did not change while counting');
  assert.equal(job.progress.complete, true);
  assert.deepEqual(
    job.progress.partitions.map((p: AnyBody) => [p.partition, p.position === p.end, p.markers, p.aborted]),
    [
      [0, true, 0, 0],
      [1, true, 0, 0],
    ],
  );
  const types = job.history.map((e: AnyBody) => e.type);
  assert.deepEqual(types, ['started', 'step', 'step', 'step', 'step', 'finished']);
  assert.equal(job.history.at(-2).detail, `compacted holds ${oracle} record(s).`);
  assert.ok(Date.parse(job.finishedAt) >= Date.parse(job.createdAt));
});

test('a transactional topic: markers and aborted records are offsets, not messages; the count matches kcat read_committed', async () => {
  const created = await api('POST', `/clusters/${clusterId}/topics`, {
    name: 'transactional',
    partitions: 1,
    replicationFactor: 1,
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  await produceTransaction('transactional', 3, 'commit');
  await produceTransaction('transactional', 4, 'abort');
  await produceTransaction('transactional', 2, 'commit');

  const oracle = countWithKcat('transactional');
  assert.equal(oracle, 5);
  const estimate = await estimateShown('transactional');
  assert.equal(estimate.estimated, true);
  // 3 + 4 + 2 records and 3 markers.
  assert.equal(estimate.messages, 12);
  assert.equal(estimate.messages, await offsetSpanWithKafka('transactional'));

  const job = await countWithWeir('transactional');
  assert.equal(job.progress.records, oracle);
  const [partition] = job.progress.partitions;
  assert.deepEqual(
    {
      records: partition.records,
      markers: partition.markers,
      aborted: partition.aborted,
      open: partition.open,
    },
    { records: 5, markers: 3, aborted: 4, open: {} },
  );
  assert.match(
    job.history.at(-3).detail,
    /^transactional-0: 5 record\(s\) in offsets 0–12 \(3 transaction marker\(s\), 4 aborted record\(s\)\)\.$/,
  );
});

test('counting a topic that does not exist is a 404 and starts nothing', async () => {
  const missing = await api('POST', `/clusters/${clusterId}/topics/nope/message-count`);
  assert.equal(missing.status, 404);
  assert.match(missing.body.detail, /Topic "nope" does not exist/);
  const none = await api('GET', `/clusters/${clusterId}/topics/nope/message-count`);
  assert.deepEqual(none.body, { job: null });
});

test('a count stopped by a Weir restart resumes where it was and still matches kcat', async () => {
  await createTopic(kafka, 'large', { partitions: 1 });
  // ~30 MB: the count needs many 2 MB steps, so it is still running when Weir stops.
  await produceRecords(kafka, 'large', 15_000, { valueBytes: 2000 });
  const started = await api('POST', `/clusters/${clusterId}/topics/large/message-count`);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const { dataDir, secretKey } = app;
  await app.shutDown();
  app = await createTestApp({ restartFrom: { dataDir, secretKey } });
  leftoverDirs.push(dataDir);
  cookie = await app.login();
  const done = await app.jobs.settled(started.body.id, 180_000);
  assert.equal(done.state, 'succeeded', JSON.stringify(done));
  const progress = done.progress as AnyBody;
  assert.equal(progress.records, countWithKcat('large'));
  assert.equal(progress.records, 15_000);
  const types = done.history.map((e) => e.type);
  assert.equal(types.filter((t) => t === 'resumed').length, 1, JSON.stringify(done.history));
  assert.match(
    done.history[types.indexOf('resumed')]!.detail,
    /^Resumed after a restart of Weir at \d of 1 partition\(s\) counted/,
  );
  assert.deepEqual(types.slice(-3), ['step', 'step', 'finished']);
});
