import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Admin, Consumer, FindCoordinatorKeyTypes, stringDeserializers } from '@platformatic/kafka';
import {
  commitOffsets,
  createTopic,
  type KafkaCluster,
  produceRecords,
  runKafkaTool,
  startKafkaCluster,
} from '@weir/testkit';
import { createTestApp, type TestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';
import { describeGroupWithKafka } from './kafka-oracle.ts';

/*
 * A 3-broker Kafka 3.9 with broker 3 hung (SIGSTOP) and resumed, then broker 1 (the first bootstrap
 * address) hung and resumed, then broker 3 stopped. Topics are placed so some
 * partitions live only on broker 3; groups are named so their coordinators sit on each broker (Kafka
 * answers FindCoordinator). Kafka's tools are the oracle for every known value.
 *
 * `broker.session.timeout.ms` is raised so the hung broker stays registered, as it does in the first
 * seconds of a real hang (by default the controller fences it after 9 s and its partitions go
 * offline, which is the state the stopped-broker test covers).
 */

let app: TestApp;
let cookie: string;
let kafka: KafkaCluster;
let clusterId: string;
let hungPid = 0;
const api = apiClient(
  () => app,
  () => cookie,
);
const get = async (url: string) =>
  (await api('GET', `/clusters/${clusterId}${url}`)) as { status: number; body: AnyBody };

// Partitions only on broker 3: spread p2, h-seven p2/p5/p6, h-twelve p0/p1.
const ON_BROKER = (brokers: number[]) => brokers.map((b, partition) => ({ partition, brokers: [b] }));
const H_SEVEN = [1, 2, 3, 1, 2, 3, 3];
const HEALTHY_H_SEVEN = [0, 1, 3, 4];
const SPREAD_LAGS = [12, 8, 30];
/**
 * Every Kafka call has its own deadline (10 s request + 5 s connect by default); a snapshot makes at
 * most three rounds of them one after another (Metadata, then the per-broker reads, then
 * FindCoordinator and the coordinators). An answer later than that means something waited forever.
 */
const PAGE_DEADLINE_MS = 3 * 2 * 15_000;

const names: { spread: string; onCoordinator: Map<number, string> } = {
  spread: '',
  onCoordinator: new Map(),
};
let spreadOracle: Awaited<ReturnType<typeof describeGroupWithKafka>>;

async function coordinators(ids: string[]): Promise<Map<string, number>> {
  const admin = new Admin({
    clientId: 'faults-test',
    bootstrapBrokers: kafka.bootstrapServers.plaintext.split(','),
  });
  try {
    const found = await admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: ids });
    return new Map(found.map((c) => [c.key, c.nodeId]));
  } finally {
    await admin.close();
  }
}

/** End offsets as `kafka-get-offsets` prints them (`topic:partition:offset`), asked of the given brokers. */
async function endOffsetsWithKafka(bootstrap: string, topic: string, partitions: number[]) {
  const output = await runKafkaTool('3.9', 'kafka-get-offsets', [
    '--bootstrap-server',
    bootstrap,
    '--topic',
    topic,
    '--partitions',
    partitions.join(','),
  ]);
  const ends = new Map(
    output
      .split('\n')
      .map((line) => /^(.+):(\d+):(\d+)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [Number(m[2]), Number(m[3])]),
  );
  assert.deepEqual([...ends.keys()].sort(), [...partitions].sort(), output);
  return ends;
}

/**
 * Waits until every thread of the process is stopped (state T in /proc): SIGSTOP is queued by
 * kill(2) and takes effect when each thread is next scheduled, so a busy JVM can still answer a
 * request sent a moment after the signal.
 */
async function waitUntilStopped(pid: number): Promise<void> {
  const state = (task: string) =>
    /\)\s+(\S)/.exec(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8'))?.[1] ?? '?';
  for (let i = 0; i < 200; i += 1) {
    if (readdirSync(`/proc/${pid}/task`).every((task) => state(task) === 'T' || state(task) === 't')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`process ${pid} did not stop`);
}

/** Re-reads the overview once a second, for at most a minute, until `done` holds. */
async function untilOverview(done: (body: AnyBody) => boolean): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if (done((await get('/overview?refresh=true')).body)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const timed = async (url: string) => {
  const started = Date.now();
  const answer = await get(url);
  const ms = Date.now() - started;
  assert.ok(ms < PAGE_DEADLINE_MS, `${url} took ${ms} ms`);
  return answer;
};

before(async () => {
  app = await createTestApp();
  cookie = await app.login();
  kafka = await startKafkaCluster({
    version: '3.9',
    brokers: 3,
    brokerProperties: { 'broker.session.timeout.ms': 600_000 },
  });
  await createTopic(kafka, 'spread', { partitions: 3, assignments: ON_BROKER([1, 2, 3]) });
  await createTopic(kafka, 'h-seven', { partitions: 7, assignments: ON_BROKER(H_SEVEN) });
  await createTopic(kafka, 'h-twelve', { partitions: 2, assignments: ON_BROKER([3, 3]) });
  await createTopic(kafka, 'kept.topic', { partitions: 2, assignments: ON_BROKER([1, 2]) });
  await produceRecords(kafka, 'spread', 300);
  await produceRecords(kafka, 'h-seven', 1000);
  await produceRecords(kafka, 'h-twelve', 500);
  await produceRecords(kafka, 'kept.topic', 40);
  // The first commit creates __consumer_offsets; then Kafka says which broker coordinates which name.
  await commitOffsets(kafka, 'warm-up', 'kept.topic', [{ partition: 0, offset: 0 }]);
  const candidates = Array.from({ length: 40 }, (_, i) => (i === 0 ? 'spread-g' : `spread-g.${i}`));
  const coordinatorGroups = Array.from({ length: 40 }, (_, i) => `coordinated-${i}`);
  const found = await coordinators([...candidates, ...coordinatorGroups]);
  names.spread = candidates.find((id) => found.get(id) === 1 || found.get(id) === 2)!;
  for (const id of coordinatorGroups) {
    const broker = found.get(id)!;
    if (!names.onCoordinator.has(broker)) names.onCoordinator.set(broker, id);
  }
  assert.ok(names.spread, 'no candidate name for spread-g has a coordinator on broker 1 or 2');
  assert.deepEqual([...names.onCoordinator.keys()].sort(), [1, 2, 3], 'a group on each coordinator');

  const ends = await endOffsetsWithKafka(kafka.bootstrapServers.plaintext, 'spread', [0, 1, 2]);
  await commitOffsets(
    kafka,
    names.spread,
    'spread',
    SPREAD_LAGS.map((lag, partition) => ({ partition, offset: ends.get(partition)! - lag })),
  );
  spreadOracle = await describeGroupWithKafka('3.9', kafka.bootstrapServers.plaintext, names.spread);
  for (const id of names.onCoordinator.values())
    await commitOffsets(kafka, id, 'h-seven', [{ partition: 0, offset: 1 }]);

  const created = await api('POST', '/clusters', {
    name: 'faults',
    bootstrapServers: kafka.bootstrapServers.plaintext.split(','),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  clusterId = created.body.cluster.id;
});

after(async () => {
  if (hungPid) process.kill(hungPid, 'SIGCONT');
  await app?.close();
  await kafka?.stop();
});

describe('healthy cluster', () => {
  test('oracle: spread-g lags 12 + 8 + 30 on three brokers, a complete total', async () => {
    assert.deepEqual(
      spreadOracle.map((r) => r.lag),
      SPREAD_LAGS,
    );
    const group = (await get(`/groups/${encodeURIComponent(names.spread)}?refresh=true`)).body;
    assert.deepEqual(group.group.totalLag, {
      value: 50,
      complete: true,
      parts: 3,
      unknownParts: 0,
      unit: 'partition',
      reason: null,
    });
  });

  test('a live member that never commits relates its group to the topic, lag unknown as Kafka shows "-"', async () => {
    const consumer = new Consumer({
      clientId: 'never-commits',
      groupId: 'never-commits',
      bootstrapBrokers: kafka.bootstrapServers.plaintext.split(','),
      deserializers: stringDeserializers,
      autocommit: false,
    });
    const stream = await consumer.consume({ topics: ['kept.topic'], mode: 'earliest' } as never);
    let read = 0;
    const reading = (async () => {
      for await (const _ of stream) read += 1;
    })().catch(() => undefined);
    try {
      let group: AnyBody;
      for (let i = 0; i < 120; i += 1) {
        group = (await get('/groups/never-commits?refresh=true')).body;
        if (group.group?.state === 'Stable' && group.group.members[0]?.assignment.length === 2 && read >= 40)
          break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const oracle = await describeGroupWithKafka('3.9', kafka.bootstrapServers.plaintext, 'never-commits');
      assert.deepEqual(
        oracle.map((r) => [r.topic, r.partition, r.committedOffset, r.lag]),
        [
          ['kept.topic', 0, null, null],
          ['kept.topic', 1, null, null],
        ],
      );
      assert.deepEqual(group.group.topics, ['kept.topic']);
      assert.equal(group.group.partitions, 2);
      assert.equal(group.group.totalLag.value, null);
      assert.equal(group.group.totalLag.complete, false);
      assert.equal(group.group.totalLag.unknownParts, 2);
      assert.match(group.group.totalLag.reason, /no committed offset/);
      assert.deepEqual(
        group.partitions.map((p: AnyBody) => [
          p.topic,
          p.partition,
          p.committedOffset,
          p.lag,
          p.memberId !== null,
        ]),
        [
          ['kept.topic', 0, null, null, true],
          ['kept.topic', 1, null, null, true],
        ],
      );
      const topic = (await get('/topics/kept.topic')).body;
      const related = topic.consumerGroups.find((g: AnyBody) => g.groupId === 'never-commits');
      assert.equal(related?.lag.value, null);
      assert.equal(related?.lag.unknownParts, 2);
    } finally {
      await stream.close().catch(() => undefined);
      await consumer.close(true).catch(() => undefined);
      await reading;
    }
  });

  test("internal is what Kafka's Metadata says, as kafka-topics --exclude-internal; system topics are labelled", async () => {
    await createTopic(kafka, '__mine', { partitions: 1, assignments: ON_BROKER([1]) });
    await createTopic(kafka, 'connect-offsets', { partitions: 1, assignments: ON_BROKER([2]) });
    const listed = await runKafkaTool('3.9', 'kafka-topics', [
      '--bootstrap-server',
      kafka.bootstrapServers.plaintext,
      '--list',
      '--exclude-internal',
    ]);
    const notInternal = listed.split('\n').map((line) => line.trim());
    assert.ok(notInternal.includes('__mine') && !notInternal.includes('__consumer_offsets'));
    const shown = (await get('/topics?refresh=true&pageSize=500')).body.items;
    assert.deepEqual(shown.map((t: AnyBody) => t.name).sort(), notInternal.filter(Boolean).sort());
    const byName = new Map(shown.map((t: AnyBody) => [t.name, t]));
    assert.deepEqual(
      ['__mine', 'connect-offsets'].map((n) => [
        (byName.get(n) as AnyBody).internal,
        (byName.get(n) as AnyBody).system,
      ]),
      [
        [false, null],
        [false, 'connect'],
      ],
    );
    const all = (await get('/topics?internal=true&search=__consumer')).body.items;
    assert.deepEqual(
      all.map((t: AnyBody) => [t.name, t.internal, t.system]),
      [['__consumer_offsets', true, 'kafka']],
    );
  });

  test('refresh re-reads the cluster on group, topic and broker pages', async () => {
    await commitOffsets(kafka, 'reset-me', 'kept.topic', [
      { partition: 0, offset: 5 },
      { partition: 1, offset: 5 },
    ]);
    const before = (await get('/groups/reset-me?refresh=true')).body;
    assert.deepEqual(
      before.partitions.map((p: AnyBody) => p.committedOffset),
      [5, 5],
    );
    await runKafkaTool('3.9', 'kafka-consumer-groups', [
      '--bootstrap-server',
      kafka.bootstrapServers.plaintext,
      '--group',
      'reset-me',
      '--topic',
      'kept.topic',
      '--reset-offsets',
      '--to-offset',
      '2',
      '--execute',
    ]);
    const after = (await get('/groups/reset-me?refresh=true')).body;
    const oracle = await describeGroupWithKafka('3.9', kafka.bootstrapServers.plaintext, 'reset-me');
    assert.deepEqual(
      after.partitions.map((p: AnyBody) => [p.partition, p.committedOffset, p.endOffset, p.lag]),
      oracle.map((r) => [r.partition, r.committedOffset, r.endOffset, r.lag]),
    );
    assert.deepEqual(
      oracle.map((r) => r.committedOffset),
      [2, 2],
    );

    // A group born after the snapshot is found, and one Kafka does not know is a 404 that says who said so.
    await get('/overview?refresh=true');
    await commitOffsets(kafka, 'born-now', 'kept.topic', [{ partition: 1, offset: 3 }]);
    const born = await get('/groups/born-now?refresh=true');
    assert.equal(born.status, 200);
    assert.deepEqual(
      born.body.partitions.map((p: AnyBody) => [p.partition, p.committedOffset]),
      [[1, 3]],
    );
    const missing = await get('/groups/never-was-a-group');
    assert.equal(missing.status, 404);
    assert.match(missing.body.detail, /does not exist: its coordinator, broker \d, knows no such group/);

    const topicBefore = (await get('/topics/kept.topic?refresh=true')).body;
    await produceRecords(kafka, 'kept.topic', 10);
    const topicAfter = (await get('/topics/kept.topic?refresh=true')).body;
    assert.equal(topicAfter.topic.messages.value, topicBefore.topic.messages.value + 10);
    const broker = await get('/brokers/1?refresh=true');
    assert.equal(broker.status, 200);
    assert.ok(Date.parse(broker.body.freshness.takenAt) >= Date.parse(topicAfter.freshness.takenAt));
  });
});

describe('broker 3 hung (SIGSTOP)', () => {
  let topics: AnyBody;
  let knownHSeven: number;
  // When broker 3 is also the active controller, DescribeQuorum hangs too (brokers forward it).
  let controllerBefore: number | null = null;

  before(async () => {
    // Oracle first, while every broker answers: the end offsets of h-seven's partitions on brokers 1 and 2.
    const ends = await endOffsetsWithKafka(kafka.bootstrapServers.plaintext, 'h-seven', HEALTHY_H_SEVEN);
    knownHSeven = [...ends.values()].reduce((sum, end) => sum + end, 0);
    controllerBefore = (await get('/overview?refresh=true')).body.overview.controllerId;
    hungPid = kafka.brokers().find((b) => b.nodeId === 3)!.pid!;
    process.kill(hungPid, 'SIGSTOP');
    await waitUntilStopped(hungPid);
    topics = (await timed('/topics?refresh=true&search=h-')).body;
  });
  after(() => {
    if (hungPid) process.kill(hungPid, 'SIGCONT');
    hungPid = 0;
  });

  test('topic totals are partial over the partitions broker 3 holds, unknown where it holds them all', async (t) => {
    t.diagnostic(`active controller before the hang: broker ${controllerBefore}`);
    const healthy = await endOffsetsWithKafka(
      kafka
        .brokers()
        .filter((b) => b.nodeId !== 3)
        .map((b) => b.plaintext)
        .join(','),
      'h-seven',
      HEALTHY_H_SEVEN,
    );
    assert.equal(
      [...healthy.values()].reduce((sum, end) => sum + end, 0),
      knownHSeven,
    );
    const seven = topics.items.find((t: AnyBody) => t.name === 'h-seven');
    assert.equal(seven.messages.value, knownHSeven, JSON.stringify(topics.freshness));
    assert.ok(knownHSeven < 1000);
    assert.deepEqual(
      [seven.messages.complete, seven.messages.parts, seven.messages.unknownParts],
      [false, 7, 3],
    );
    assert.match(seven.messages.reason, /broker 3 \(127\.0\.0\.1:\d+\)/);
    assert.deepEqual([seven.sizeBytes.complete, seven.sizeBytes.unknownParts], [false, 3]);
    assert.ok(seven.sizeBytes.value > 0);

    const twelve = topics.items.find((t: AnyBody) => t.name === 'h-twelve');
    assert.deepEqual(
      [twelve.messages.value, twelve.messages.complete, twelve.messages.unknownParts],
      [null, false, 2],
    );
    assert.equal(twelve.sizeBytes.value, null);
    assert.match(twelve.messages.reason, /broker 3/);
  });

  test('the snapshot says it is partial, and every error names broker 3 alone', async () => {
    const { freshness } = topics;
    assert.equal(freshness.partial, true);
    for (const key of ['offsets@broker3', 'logDirs@broker3', 'groups@broker3'])
      assert.match(freshness.partErrors[key] ?? '', /broker 3 \(127\.0\.0\.1:\d+\)/, key);
    const healthy = kafka.brokers().filter((b) => b.nodeId !== 3);
    for (const [key, message] of Object.entries(freshness.partErrors)) {
      assert.doesNotMatch(key, /broker[12]$/);
      for (const b of healthy)
        assert.ok(!String(message).includes(b.plaintext), `${key} blames ${b.plaintext}`);
    }
  });

  test('the group list is partial naming broker 3; groups on healthy coordinators keep their lag', async () => {
    const list = (await timed('/groups')).body;
    assert.deepEqual([list.listing.complete, list.listing.parts, list.listing.unknownParts], [false, 3, 1]);
    assert.match(list.listing.reason, /broker 3/);
    // A hung broker did not answer; nothing about its address or security protocol is wrong.
    assert.match(list.listing.reason, /did not answer ListGroups/);
    assert.doesNotMatch(list.listing.reason, /security protocol|check the bootstrap address/);
    const ids = list.groups.map((g: AnyBody) => g.groupId);
    assert.ok(ids.includes(names.spread));
    assert.ok(ids.includes(names.onCoordinator.get(1)) && ids.includes(names.onCoordinator.get(2)));
    // Listed only by its coordinator, which does not answer.
    assert.ok(!ids.includes(names.onCoordinator.get(3)));

    const spread = list.groups.find((g: AnyBody) => g.groupId === names.spread);
    const knownLag = spreadOracle.filter((r) => r.partition !== 2).reduce((sum, r) => sum + (r.lag ?? 0), 0);
    assert.equal(knownLag, 20);
    assert.deepEqual(
      [spread.totalLag.value, spread.totalLag.complete, spread.totalLag.parts, spread.totalLag.unknownParts],
      [knownLag, false, 3, 1],
    );
    assert.match(spread.totalLag.reason, /broker 3/);

    const overview = (await timed('/overview')).body.overview;
    assert.ok(overview.groupsByState !== null);
    assert.equal(overview.groups.complete, false);
    assert.equal(overview.groups.value, list.groups.length);
  });

  test('a group on a healthy coordinator is described; one on broker 3 is unavailable, never "does not exist"', async () => {
    const onTwo = await timed(`/groups/${names.onCoordinator.get(2)}`);
    assert.equal(onTwo.status, 200, JSON.stringify(onTwo.body));
    assert.equal(onTwo.body.group.state, 'Empty');
    assert.equal(onTwo.body.group.describeError, null);
    assert.deepEqual(
      onTwo.body.partitions.map((p: AnyBody) => [p.topic, p.partition, p.committedOffset]),
      [['h-seven', 0, 1]],
    );
    assert.equal(onTwo.body.group.totalLag.complete, true);

    const onThree = await timed(`/groups/${names.onCoordinator.get(3)}`);
    assert.equal(onThree.status, 503, JSON.stringify(onThree.body));
    assert.match(onThree.body.detail, /broker 3 \(127\.0\.0\.1:\d+\)/);
    assert.doesNotMatch(onThree.body.detail, /does not exist/);
  });

  test("brokers 1 and 2 keep their sizes; broker 3's are unknown with the reason", async () => {
    const brokers = (await timed('/brokers')).body.brokers;
    const byId = new Map(brokers.map((b: AnyBody) => [b.nodeId, b]));
    for (const id of [1, 2]) assert.equal((byId.get(id) as AnyBody).sizeBytes.complete, true);
    const three = byId.get(3) as AnyBody;
    assert.equal(three.sizeBytes.value, null);
    assert.equal(three.logDirs, null);
    assert.match(three.logDirsError, /broker 3/);

    // Its own page shows what the snapshot knows; only the configs, which it alone answers, are missing.
    const page = await timed('/brokers/3');
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.broker.nodeId, 3);
    assert.equal(page.body.configs, null);
    assert.match(page.body.configsError, /broker 3|127\.0\.0\.1:\d+/);
    const two = await timed('/brokers/2');
    assert.ok(two.body.configs.length > 0);
    assert.equal(two.body.configsError, null);
  });
});

describe('broker 1 hung (SIGSTOP), the first bootstrap address', () => {
  let topics: AnyBody;
  // h-seven's partitions on brokers 2 and 3.
  const NOT_ON_ONE = H_SEVEN.flatMap((broker, partition) => (broker === 1 ? [] : [partition]));
  let knownHSeven: number;

  before(async () => {
    // Broker 3 answers again first, so only broker 1's parts are unknown.
    await untilOverview((body) => !body.freshness.partial);
    const one = kafka.brokers().find((b) => b.nodeId === 1)!;
    assert.equal(
      kafka.bootstrapServers.plaintext.split(',')[0],
      one.plaintext,
      'broker 1 is bootstrapped first',
    );
    const ends = await endOffsetsWithKafka(kafka.bootstrapServers.plaintext, 'h-seven', NOT_ON_ONE);
    knownHSeven = [...ends.values()].reduce((sum, end) => sum + end, 0);
    hungPid = one.pid!;
    process.kill(hungPid, 'SIGSTOP');
    await waitUntilStopped(hungPid);
    topics = (await timed('/topics?refresh=true&search=h-')).body;
  });
  after(() => {
    if (hungPid) process.kill(hungPid, 'SIGCONT');
    hungPid = 0;
  });

  test('the snapshot is read afresh through the other brokers, partial where broker 1 holds data', () => {
    const { freshness } = topics;
    assert.equal(freshness.stale, false, JSON.stringify(freshness));
    assert.equal(freshness.refreshError, null);
    assert.equal(freshness.partial, true);
    assert.match(freshness.partErrors['offsets@broker1'] ?? '', /broker 1 \(127\.0\.0\.1:\d+\)/);
    for (const key of Object.keys(freshness.partErrors)) assert.doesNotMatch(key, /broker[23]$/);

    const twelve = topics.items.find((t: AnyBody) => t.name === 'h-twelve');
    assert.deepEqual([twelve.messages.value, twelve.messages.complete], [500, true]);
    const seven = topics.items.find((t: AnyBody) => t.name === 'h-seven');
    assert.deepEqual(
      [seven.messages.value, seven.messages.complete, seven.messages.unknownParts],
      [knownHSeven, false, H_SEVEN.length - NOT_ON_ONE.length],
    );
    assert.match(seven.messages.reason, /broker 1/);
  });

  test('groups on coordinators 2 and 3 are described; the listing is partial naming broker 1', async () => {
    const list = (await timed('/groups?refresh=true')).body;
    assert.deepEqual([list.listing.complete, list.listing.unknownParts], [false, 1]);
    assert.match(list.listing.reason, /broker 1/);
    for (const broker of [2, 3]) {
      const group = await timed(`/groups/${names.onCoordinator.get(broker)}`);
      assert.equal(group.status, 200, JSON.stringify(group.body));
      assert.equal(group.body.group.state, 'Empty');
    }
  });
});

describe('broker 3 stopped', () => {
  before(async () => {
    // Resumed first: it must answer again before it can shut down cleanly.
    await untilOverview((body) => !body.freshness.partial);
    await kafka.stopBroker(3);
    await untilOverview((body) => body.overview.brokers.alive === 2);
  });

  test('spread-g is partial 12 + 8 with one partition unknown; a topic only on broker 3 is unknown, not 0', async () => {
    const group = (await timed(`/groups/${encodeURIComponent(names.spread)}?refresh=true`)).body;
    assert.deepEqual(
      group.group.totalLag.value,
      spreadOracle.filter((r) => r.partition !== 2).reduce((sum, r) => sum + (r.lag ?? 0), 0),
    );
    assert.deepEqual([group.group.totalLag.complete, group.group.totalLag.unknownParts], [false, 1]);
    const unknown = group.partitions.find((p: AnyBody) => p.partition === 2);
    assert.equal(unknown.lag, null);
    assert.equal(unknown.committedOffset, spreadOracle[2]!.committedOffset);
    assert.match(unknown.lagUnknownReason, /no leader|broker 3/);

    const topics = (await timed('/topics?search=h-')).body.items;
    const twelve = topics.find((t: AnyBody) => t.name === 'h-twelve');
    assert.deepEqual([twelve.messages.value, twelve.messages.unknownParts], [null, 2]);
    assert.deepEqual([twelve.sizeBytes.value, twelve.sizeBytes.unknownParts], [null, 2]);
    const seven = topics.find((t: AnyBody) => t.name === 'h-seven');
    assert.deepEqual([seven.messages.complete, seven.messages.unknownParts], [false, 3]);
    const detail = (await get('/topics/h-twelve')).body;
    assert.ok(detail.partitions.every((p: AnyBody) => p.endOffset === null && p.offsetsUnknownReason));
  });
});
