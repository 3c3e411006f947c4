import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { KEY_PARTITIONERS, type KeyPartitioner } from '@weir/api';
import { hashedPartition } from '@weir/kafka';
import { createTopic, type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import { createTestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';

type Json = AnyBody;

let app: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let kafka: KafkaCluster;
let clusterPath: string;

const api = apiClient(
  () => app,
  () => cookie,
);
const PARTITIONS = 6;
const KEYS = Array.from({ length: 30 }, (_, i) => `user-${i}`);
const topicOf = (partitioner: KeyPartitioner) => `keys-${partitioner.replace('_', '-')}`;
const bootstrap = () => kafka.bootstrapServers.plaintext;
const matches = (body: Json[]) => body.filter((e) => e.type === 'match').map((e) => e.message);
const startOf = (body: Json[]) => body.find((e) => e.type === 'start') as Json;
const endOf = (body: Json[]) => body.find((e) => e.type === 'end') as Json;

/** Keyed records through kcat (librdkafka) with the given partitioner: the oracle of where each key goes. */
function produceWithKcat(topic: string, partitioner: KeyPartitioner): void {
  execFileSync('kcat', ['-P', '-b', bootstrap(), '-t', topic, '-K:', '-X', `partitioner=${partitioner}`], {
    input: `${KEYS.map((key) => `${key}:value of ${key}`).join('\n')}\n`,
    timeout: 60_000,
  });
}

/** The partition kcat's consumer reads each key from. */
function partitionsWithKcat(topic: string): Map<string, number> {
  const output = execFileSync('kcat', ['-C', '-b', bootstrap(), '-t', topic, '-e', '-q', '-f', '%p|%k\\n'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const placed = new Map<string, number>();
  for (const line of output.split('\n').filter(Boolean)) {
    const [partition, key] = line.split('|');
    placed.set(key as string, Number(partition));
  }
  return placed;
}

const search = (topic: string, body: unknown) =>
  api('POST', `${clusterPath}/topics/${topic}/messages/search`, body);

before(async () => {
  app = await createTestApp();
  cookie = await app.login();
  kafka = await startKafkaCluster({ version: '4.1', brokers: 1 });
  const added = await api('POST', '/clusters', {
    name: 'partitioners',
    bootstrapServers: bootstrap().split(','),
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterPath = `/clusters/${added.body.cluster.id}`;
  for (const partitioner of KEY_PARTITIONERS) {
    await createTopic(kafka, topicOf(partitioner), { partitions: PARTITIONS });
    produceWithKcat(topicOf(partitioner), partitioner);
  }
});
after(async () => {
  await kafka?.stop();
  await app?.close();
});

describe('key lookup with the producer’s partitioner, kcat (librdkafka) as the oracle', () => {
  for (const partitioner of KEY_PARTITIONERS) {
    test(`${partitioner}: every key is where kcat put it, and the search finds it in that partition alone`, async () => {
      const placed = partitionsWithKcat(topicOf(partitioner));
      assert.equal(placed.size, KEYS.length);
      for (const key of KEYS)
        assert.equal(hashedPartition(Buffer.from(key), PARTITIONS, partitioner), placed.get(key), key);

      const key = 'user-7';
      const answer = await search(topicOf(partitioner), {
        key: { value: key, encoding: 'text', partitioner },
      });
      assert.equal(answer.status, 200, answer.raw);
      const expected = { partitioner, partition: placed.get(key), scope: 'hashed' };
      assert.deepEqual(startOf(answer.body).keyLookup, expected);
      assert.deepEqual(
        matches(answer.body).map((m: Json) => [m.partition, m.key.text, m.value.text]),
        [[placed.get(key), key, `value of ${key}`]],
      );
      const end = endOf(answer.body);
      assert.deepEqual(end.keyLookup, { ...expected, searchAllPartitions: false });
      assert.deepEqual(
        end.covered.partitions.map((p: Json) => p.partition),
        [placed.get(key)],
      );
    });
  }

  test('a key missing from the murmur2 partition is offered, then found by, the search of all partitions', async () => {
    const topic = topicOf('fnv1a');
    const placed = partitionsWithKcat(topic);
    const key = KEYS.find(
      (k) => hashedPartition(Buffer.from(k), PARTITIONS, 'murmur2') !== placed.get(k),
    ) as string;
    assert.ok(key, 'some key lands elsewhere under fnv1a than under murmur2');

    const hashed = await search(topic, { key: { value: key, encoding: 'text' } });
    const murmurPartition = hashedPartition(Buffer.from(key), PARTITIONS, 'murmur2');
    assert.equal(matches(hashed.body).length, 0);
    const end = endOf(hashed.body);
    assert.equal(end.reason, 'end');
    assert.deepEqual(end.keyLookup, {
      partitioner: 'murmur2',
      partition: murmurPartition,
      scope: 'hashed',
      searchAllPartitions: true,
    });

    const all = await search(topic, { key: { value: key, encoding: 'text', scope: 'all' } });
    assert.deepEqual(
      matches(all.body).map((m: Json) => [m.partition, m.key.text]),
      [[placed.get(key), key]],
    );
    const allEnd = endOf(all.body);
    assert.equal(allEnd.keyLookup.scope, 'all');
    assert.equal(allEnd.keyLookup.searchAllPartitions, false);
    assert.equal(allEnd.covered.partitions.length, PARTITIONS);
    assert.equal(allEnd.covered.scanned, KEYS.length);
  });
});

describe('the end event says what the search covered', () => {
  test('newest N per partition: the start, each partition’s count and the records the topic holds', async () => {
    const topic = topicOf('murmur2');
    const placed = partitionsWithKcat(topic);
    const perPartition = (p: number) => [...placed.values()].filter((q) => q === p).length;
    const answer = await search(topic, { start: { type: 'newest', count: 2 } });
    const { covered } = endOf(answer.body);
    assert.deepEqual(covered.start, { type: 'newest', count: 2 });
    assert.equal(covered.total, KEYS.length);
    assert.equal(covered.estimated, false);
    for (const p of covered.partitions) {
      assert.equal(p.logStart, 0);
      assert.equal(p.to, perPartition(p.partition));
      assert.equal(p.scanned, Math.min(2, perPartition(p.partition)));
    }
    const expectedScanned = Array.from({ length: PARTITIONS }, (_, p) => Math.min(2, perPartition(p))).reduce(
      (a, b) => a + b,
    );
    assert.equal(covered.scanned, expectedScanned);
    assert.equal(covered.inRange, expectedScanned);
    assert.equal(matches(answer.body).length, expectedScanned);
  });

  test('on a compacted topic the totals are offsets, so the end marks them as estimates', async () => {
    const created = await api('POST', `${clusterPath}/topics`, {
      name: 'compacted-keys',
      partitions: 1,
      replicationFactor: 1,
      configs: { 'cleanup.policy': 'compact' },
    });
    assert.equal(created.status, 200, created.raw);
    produceWithKcat('compacted-keys', 'murmur2');
    const { covered } = endOf((await search('compacted-keys', {})).body);
    assert.equal(covered.scanned, KEYS.length);
    assert.equal(covered.total, KEYS.length);
    assert.equal(covered.estimated, true);
  });

  test('a resumed search says it continued, and still counts the records the topic holds', async () => {
    const topic = topicOf('murmur2');
    const first = await search(topic, { maxMatches: 5 });
    const stopped = endOf(first.body);
    assert.equal(stopped.reason, 'limit');
    assert.deepEqual(stopped.covered.start, { type: 'oldest' });
    const resumed = await search(topic, {
      cursor: { partitions: stopped.progress.partitions.filter((p: Json) => !p.done) },
    });
    const { covered } = endOf(resumed.body);
    assert.deepEqual(covered.start, { type: 'cursor' });
    assert.equal(stopped.covered.scanned + covered.scanned, KEYS.length);
  });
});
