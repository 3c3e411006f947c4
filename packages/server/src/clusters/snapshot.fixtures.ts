import type { PartitionMetadata, TopicMetadata } from '@weir/kafka';
import type { ClusterSnapshot } from './cluster-snapshot.ts';

// Snapshots and totals the view tests build on: a small two-broker cluster with its topics and groups.
export const partition = (
  overrides: Partial<PartitionMetadata> & { partition: number },
): PartitionMetadata => ({
  leader: 1,
  leaderEpoch: 0,
  replicas: [1, 2],
  isr: [1, 2],
  offlineReplicas: [],
  errorCode: 0,
  ...overrides,
});

export const topic = (name: string, partitions: PartitionMetadata[], internal = false): TopicMetadata => ({
  name,
  topicId: `id-${name}`,
  internal,
  partitions,
});

export function aSnapshot(overrides: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
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
    topicMinInsyncReplicas: null,
    aclCount: null,

    partErrors: {},
    ...overrides,
  };
}

export const total = (
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
