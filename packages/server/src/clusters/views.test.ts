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
    minInsyncReplicas: 2,
    topicMinInsyncReplicas: null,
    aclCount: null,

    partErrors: {},
    ...overrides,
  };
}

test('topics: sizes skip future replicas, messages are end minus start, URP and offline counted', () => {
  const [orders] = summarizeTopics(aSnapshot());
  assert.deepEqual(orders, {
    name: 'orders',
    internal: false,
    partitions: 3,
    replicationFactor: 2,
    sizeBytes: 500,
    messages: 150,
    messagesEstimated: true,
    underReplicated: 2,
    offline: 1,
  });
  const withoutParts = summarizeTopics(aSnapshot({ offsets: null, logDirs: null }))[0]!;
  assert.equal(withoutParts.messages, null);
  assert.equal(withoutParts.sizeBytes, null);
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

test('lag: end minus committed, never negative, unknown for an offline partition', () => {
  assert.deepEqual(lagOf(aSnapshot(), 'billing'), [
    { topic: 'orders', partition: 0, committedOffset: 100, endOffset: 110, lag: 10 },
    { topic: 'orders', partition: 1, committedOffset: 60, endOffset: 50, lag: 0 },
    { topic: 'orders', partition: 2, committedOffset: 5, endOffset: null, lag: null },
  ]);
  const [billing, old] = summarizeGroups(aSnapshot());
  assert.equal(billing?.totalLag, 10);
  assert.deepEqual(billing?.topics, ['orders']);
  assert.equal(old?.totalLag, 0);
  assert.equal(summarizeGroups(aSnapshot({ committed: null }))[0]?.totalLag, null);
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
});
