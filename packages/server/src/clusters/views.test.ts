import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PartitionMetadata, TopicMetadata } from '@weir/kafka';
import { summarizeBrokers } from './brokers.view.ts';
import type { ClusterSnapshot } from './cluster-snapshot.ts';
import { lagOf, summarizeGroups } from './groups.view.ts';
import { overviewOf } from './overview.view.ts';
import { pageTopics, summarizeTopics } from './topics.view.ts';

const partition = (overrides: Partial<PartitionMetadata> & { partition: number }): PartitionMetadata => ({
  leader: 1,
  leaderEpoch: 0,
  replicas: [1, 2],
  isr: [1, 2],
  offlineReplicas: [],
  errorCode: 0,
  ...overrides,
});

const topic = (name: string, partitions: PartitionMetadata[], internal = false): TopicMetadata => ({
  name,
  topicId: `id-${name}`,
  internal,
  partitions,
});

function aSnapshot(overrides: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    takenAt: 1000,
    durationMs: 5,
    mode: 'kraft',
    version: {
      label: '3.9',
      minimum: '3.9',
      maximum: '3.9',
      exact: true,
      certainty: 'exact',
      evidence: ['ApiVersions: 3.9'],
    },
    metadata: {
      clusterId: 'c1',
      controllerId: 2,
      brokers: [
        { nodeId: 1, host: 'a', port: 9092, rack: 'r1' },
        { nodeId: 2, host: 'b', port: 9092, rack: 'r2' },
      ],
      topics: [
        topic('orders', [
          partition({ partition: 0 }),
          partition({ partition: 1, leader: 2, isr: [2] }),
          partition({ partition: 2, leader: -1, isr: [], offlineReplicas: [1, 2], errorCode: 5 }),
        ]),
        topic('__consumer_offsets', [partition({ partition: 0 })], true),
        topic('Audit', [partition({ partition: 0, replicas: [2], isr: [2], leader: 2 })]),
      ],
    },
    quorum: { leaderId: 1, leaderEpoch: 3, highWatermark: 10, voters: [], observers: [] },
    offsets: new Map([
      ['orders:0', { start: 10, end: 110 }],
      ['orders:1', { start: 0, end: 50 }],
      ['Audit:0', { start: 0, end: 7 }],
      ['__consumer_offsets:0', { start: 0, end: 3 }],
    ]),
    logDirs: [
      {
        brokerId: 1,
        logDirs: [
          {
            path: '/d1',
            totalBytes: 1000,
            usableBytes: 400,
            errorCode: 0,
            replicas: [
              { topic: 'orders', partition: 0, sizeBytes: 300, offsetLag: 0, future: false },
              { topic: 'orders', partition: 0, sizeBytes: 999, offsetLag: 0, future: true },
            ],
          },
        ],
      },
      {
        brokerId: 2,
        logDirs: [
          {
            path: '/d2',
            totalBytes: null,
            usableBytes: null,
            errorCode: 0,
            replicas: [{ topic: 'orders', partition: 0, sizeBytes: 200, offsetLag: 0, future: false }],
          },
        ],
      },
    ],
    groups: [
      { groupId: 'billing', state: 'Stable', protocolType: 'consumer', groupType: 'classic' },
      { groupId: 'old', state: 'Empty', protocolType: 'consumer', groupType: 'classic' },
    ],
    committed: new Map([
      [
        'billing',
        [
          { topic: 'orders', partition: 0, offset: 100, metadata: null },
          { topic: 'orders', partition: 1, offset: 60, metadata: null },
          { topic: 'orders', partition: 2, offset: 5, metadata: null },
        ],
      ],
    ]),
    offsetErrors: new Map([['orders:2', 'the partition has no leader (offline)']]),
    logDirFailures: [],
    groupListing: { brokers: 2, failedBrokers: [] },
    descriptions: new Map(),
    groupErrors: new Map(),
    minInsyncReplicas: 2,
    topicMinInsyncReplicas: null,
    aclCount: null,

    partErrors: {},
    ...overrides,
  };
}

const total = (
  value: number | null,
  parts: number,
  unknownParts: number,
  unit: string,
  reason: string | null,
) => ({
  value,
  complete: unknownParts === 0 && value !== null,
  parts,
  unknownParts,
  unit,
  reason,
});

test('topics: sizes skip future replicas, messages are end minus start; unknown parts make totals partial', () => {
  const [orders] = summarizeTopics(aSnapshot());
  assert.deepEqual(orders, {
    name: 'orders',
    internal: false,
    system: null,
    partitions: 3,
    replicationFactor: 2,
    // orders:0 on brokers 1 and 2 is known; the other four replicas are in no log dir.
    sizeBytes: total(
      500,
      6,
      4,
      'replica',
      'broker 1 reported no log dir holding this replica; broker 2 reported no log dir holding this replica',
    ),
    // 100 + 50 known; orders:2 has no leader, so its count is unknown and the sum is a lower bound.
    messages: total(150, 3, 1, 'partition', 'the partition has no leader (offline)'),
    messagesEstimated: true,
    underReplicated: 2,
    offline: 1,
  });
  const withoutParts = summarizeTopics(
    aSnapshot({ offsets: null, logDirs: null, partErrors: { offsets: 'boom' } }),
  )[0]!;
  assert.deepEqual(withoutParts.messages, total(null, 0, 0, 'partition', 'boom'));
  assert.equal(withoutParts.sizeBytes.value, null);
  assert.equal(withoutParts.sizeBytes.complete, false);
});

test('topics: a broker that did not answer makes only its replicas unknown, named with its error', () => {
  const snapshot = aSnapshot({
    logDirs: aSnapshot().logDirs!.filter((b) => b.brokerId === 1),
    logDirFailures: [
      { nodeId: 2, error: 'broker 2 (b:9092) did not answer DescribeLogDirs within 10000 ms' },
    ],
    offsets: new Map([['Audit:0', { start: 0, end: 7 }]]),
    offsetErrors: new Map([
      ['orders:0', 'broker 1 timed out'],
      ['orders:1', 'broker 2 timed out'],
      ['orders:2', 'offline'],
    ]),
  });
  const [orders, , audit] = summarizeTopics(snapshot);
  assert.equal(orders?.sizeBytes.value, 300);
  assert.equal(orders?.sizeBytes.unknownParts, 5);
  assert.match(orders?.sizeBytes.reason ?? '', /broker 2 \(b:9092\) did not answer DescribeLogDirs/);
  // Every partition unknown: the count is unknown, never 0.
  assert.deepEqual(
    orders?.messages,
    total(null, 3, 3, 'partition', 'broker 1 timed out; broker 2 timed out; offline'),
  );
  assert.deepEqual(audit?.messages, total(7, 1, 0, 'partition', null));
});

test("topics: internal is Kafka's flag; well-known system topics carry their owner", () => {
  const names = [
    '__consumer_offsets',
    '__mine',
    'connect-offsets',
    'mm2-offsets.east.internal',
    'east.checkpoints.internal',
    'heartbeats',
    '_schemas',
    'orders',
  ];
  const snapshot = aSnapshot();
  snapshot.metadata.topics = names.map((n) =>
    topic(n, [partition({ partition: 0 })], n === '__consumer_offsets'),
  );
  const byName = new Map(summarizeTopics(snapshot).map((t) => [t.name, t]));
  assert.deepEqual(
    names.map((n) => [n, byName.get(n)?.internal, byName.get(n)?.system]),
    [
      ['__consumer_offsets', true, 'kafka'],
      ['__mine', false, null],
      ['connect-offsets', false, 'connect'],
      ['mm2-offsets.east.internal', false, 'mirrormaker2'],
      ['east.checkpoints.internal', false, 'mirrormaker2'],
      ['heartbeats', false, 'mirrormaker2'],
      ['_schemas', false, 'schema-registry'],
      ['orders', false, null],
    ],
  );
});

test('topic pages: internal hidden, case-insensitive search, sort with name as tie-break, paging', () => {
  const topics = summarizeTopics(aSnapshot());
  const base = {
    includeInternal: false,
    sort: 'name' as const,
    order: 'asc' as const,
    page: 1,
    pageSize: 50,
  };
  assert.deepEqual(
    pageTopics(topics, base).items.map((t) => t.name),
    ['Audit', 'orders'],
  );
  assert.deepEqual(
    pageTopics(topics, { ...base, includeInternal: true, search: 'CONSUMER' }).items.map((t) => t.name),
    ['__consumer_offsets'],
  );
  const byMessages = pageTopics(topics, { ...base, sort: 'messages', order: 'desc', pageSize: 1, page: 2 });
  assert.equal(byMessages.total, 2);
  assert.deepEqual(
    byMessages.items.map((t) => t.name),
    ['Audit'],
  );
});

test('topic pages: unknown totals sort last in both directions, partial ones by their known part', () => {
  const snapshot = aSnapshot({
    offsets: new Map([
      ['orders:0', { start: 0, end: 5 }],
      ['__consumer_offsets:0', { start: 0, end: 3 }],
    ]),
    offsetErrors: new Map([
      ['orders:1', 'x'],
      ['orders:2', 'y'],
      ['Audit:0', 'broker 2 timed out'],
    ]),
  });
  const topics = summarizeTopics(snapshot);
  const order = (direction: 'asc' | 'desc') =>
    pageTopics(topics, {
      includeInternal: true,
      sort: 'messages',
      order: direction,
      page: 1,
      pageSize: 50,
    }).items.map((t) => t.name);
  assert.deepEqual(order('asc'), ['__consumer_offsets', 'orders', 'Audit']);
  assert.deepEqual(order('desc'), ['orders', '__consumer_offsets', 'Audit']);
});

test('lag: end minus committed, never negative, unknown for an offline partition, totals partial', () => {
  assert.deepEqual(lagOf(aSnapshot(), 'billing'), [
    { topic: 'orders', partition: 0, committedOffset: 100, endOffset: 110, lag: 10, lagUnknownReason: null },
    { topic: 'orders', partition: 1, committedOffset: 60, endOffset: 50, lag: 0, lagUnknownReason: null },
    {
      topic: 'orders',
      partition: 2,
      committedOffset: 5,
      endOffset: null,
      lag: null,
      lagUnknownReason: 'end offset unknown: the partition has no leader (offline)',
    },
  ]);
  const [billing, old] = summarizeGroups(aSnapshot());
  assert.deepEqual(
    billing?.totalLag,
    total(10, 3, 1, 'partition', 'end offset unknown: the partition has no leader (offline)'),
  );
  assert.deepEqual(billing?.topics, ['orders']);
  assert.deepEqual(old?.totalLag, total(0, 0, 0, 'partition', null));
  assert.equal(summarizeGroups(aSnapshot({ committed: null }))[0]?.totalLag.value, null);
});

test('lag: a member assigned partitions it never committed relates the group to the topic, lag unknown', () => {
  const snapshot = aSnapshot({
    descriptions: new Map([
      [
        'old',
        {
          groupId: 'old',
          state: 'Stable',
          protocolType: 'consumer',
          protocol: 'range',
          members: [
            {
              memberId: 'm1',
              groupInstanceId: null,
              clientId: 'c',
              host: 'h',
              assignment: [
                { topic: 'Audit', partition: 0 },
                { topic: 'orders', partition: 1 },
              ],
            },
          ],
        },
      ],
    ]),
    committed: new Map([['old', [{ topic: 'orders', partition: 1, offset: 20, metadata: null }]]]),
  });
  const old = summarizeGroups(snapshot).find((g) => g.groupId === 'old')!;
  assert.equal(old.state, 'Stable');
  assert.deepEqual(old.topics, ['Audit', 'orders']);
  assert.equal(old.partitions, 2);
  assert.deepEqual(
    old.totalLag,
    total(30, 2, 1, 'partition', 'no committed offset on this partition (Kafka\'s tool shows "-")'),
  );
  assert.equal(lagOf(snapshot, 'old')[0]?.committedOffset, null);
});

test('groups: a group whose coordinator failed has an unknown lag naming why, others are unaffected', () => {
  const snapshot = aSnapshot({
    committed: new Map(),
    groupErrors: new Map([['billing', 'broker 3 (c:9092) did not answer OffsetFetch within 10000 ms']]),
  });
  const [billing, old] = summarizeGroups(snapshot);
  assert.equal(billing?.totalLag.value, null);
  assert.match(billing?.totalLag.reason ?? '', /broker 3/);
  assert.equal(billing?.error, 'broker 3 (c:9092) did not answer OffsetFetch within 10000 ms');
  assert.deepEqual(old?.totalLag, total(0, 0, 0, 'partition', null));
});

test('overview: a broker that did not answer ListGroups makes the group count partial, naming it', () => {
  const overview = overviewOf(
    aSnapshot({ groupListing: { brokers: 2, failedBrokers: [{ nodeId: 2, error: 'broker 2 timed out' }] } }),
  );
  assert.deepEqual(overview.groups, total(2, 2, 1, 'broker', 'broker 2 timed out'));
  assert.deepEqual(overview.groupsByState, { Stable: 1, Empty: 1 });
  assert.deepEqual(overviewOf(aSnapshot()).groups, total(2, 2, 0, 'broker', null));
});

test('overview: controller is the quorum leader in KRaft and the Metadata controller with ZooKeeper', () => {
  const overview = overviewOf(aSnapshot());
  assert.equal(overview.controllerId, 1);
  assert.equal(overviewOf(aSnapshot({ mode: 'zookeeper', quorum: null })).controllerId, 2);
  assert.equal(overview.partitions, 5);
  assert.equal(overview.replicas, 9);
  assert.equal(overview.underReplicatedPartitions, 2);
  assert.equal(overview.underMinIsrPartitions, 3);
  assert.equal(overview.offlinePartitions, 1);
  assert.equal(overview.leaderlessPartitions, 1);
  assert.deepEqual(overview.groupsByState, { Stable: 1, Empty: 1 });
  assert.equal(overviewOf(aSnapshot({ minInsyncReplicas: null })).underMinIsrPartitions, null);
  // A topic's own min.insync.replicas wins over the broker default.
  const auditAllowsOne = aSnapshot({ topicMinInsyncReplicas: new Map([['Audit', 1]]) });
  assert.equal(overviewOf(auditAllowsOne).underMinIsrPartitions, 2);
  const onlyOverrides = aSnapshot({
    minInsyncReplicas: null,
    topicMinInsyncReplicas: new Map([['orders', 1]]),
  });
  assert.equal(overviewOf(onlyOverrides).underMinIsrPartitions, 1);
});

test('brokers: leader and replica counts, skew against an even share, log-dir usage', () => {
  const [one, two] = summarizeBrokers(aSnapshot(), 1);
  assert.equal(one?.controller, true);
  assert.equal(one?.leaders, 2);
  assert.equal(two?.leaders, 2);
  assert.equal(one?.leaderSkewPercent, 0);
  assert.equal(one?.replicas, 4);
  assert.equal(two?.replicas, 5);
  assert.deepEqual(one?.logDirs, [{ path: '/d1', totalBytes: 1000, usableBytes: 400, sizeBytes: 1299 }]);
  assert.deepEqual(one?.sizeBytes, total(1299, 1, 0, 'logDir', null));
  const twoDown = summarizeBrokers(
    aSnapshot({
      logDirs: aSnapshot().logDirs!.filter((b) => b.brokerId === 1),
      logDirFailures: [{ nodeId: 2, error: 'broker 2 timed out' }],
    }),
    1,
  )[1]!;
  assert.equal(twoDown.logDirs, null);
  assert.equal(twoDown.logDirsError, 'broker 2 timed out');
  assert.deepEqual(twoDown.sizeBytes, total(null, 0, 0, 'logDir', 'broker 2 timed out'));
});
