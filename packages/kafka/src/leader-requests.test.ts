import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askLeaders, type LeaderRequest, type MetadataReader } from './leader-requests.ts';
import type { LedPartition } from './offsets.ts';

// Metadata answers in order (the last repeats), each naming partition leaders of topic `t`; under
// test is where askLeaders sends each partition and when it stops, not Kafka.
const brokers = [1, 2, 3].map((nodeId) => ({ nodeId, host: `b${nodeId}`, port: 9092, rack: null }));
function metadata(answers: number[][]): { read: MetadataReader; reads: () => number } {
  let reads = 0;
  const read: MetadataReader = async () => {
    const leaders = answers[Math.min(reads++, answers.length - 1)] as number[];
    return {
      clusterId: 'c',
      controllerId: 1,
      brokers,
      topics: [
        {
          name: 't',
          topicId: 'id',
          internal: false,
          partitions: leaders.map((leader, partition) => ({
            partition,
            leader,
            leaderEpoch: reads,
            replicas: [1, 2, 3],
            isr: [1, 2, 3],
            offlineReplicas: [],
            errorCode: leader < 0 ? 5 : 0,
          })),
        },
      ],
    };
  };
  return { read, reads: () => reads };
}

const led = (leaders: number[]): LedPartition[] =>
  leaders.map((nodeId, partition) => ({
    topic: 't',
    partition,
    leader: { nodeId, host: `b${nodeId}`, port: 9092 },
  }));

/** Brokers that answer for the partitions `truth` says they lead, and NOT_LEADER_OR_FOLLOWER otherwise. */
function brokersLeading(truth: () => number[], options: { down?: number } = {}) {
  const asked: [number, number, number | undefined][] = [];
  const request: LeaderRequest<string> = async (leader, partitions) => {
    if (leader.nodeId === options.down) throw new Error('connect ECONNREFUSED');
    return new Map(
      partitions.map((p) => {
        asked.push([leader.nodeId, p.partition, p.leaderEpoch]);
        const leads = truth()[p.partition] === leader.nodeId;
        return [
          `t:${p.partition}`,
          leads ? { errorCode: 0, value: `from ${leader.nodeId}` } : { errorCode: 6 },
        ];
      }),
    );
  };
  return { request, asked };
}

const fast = { attempts: 4, backoffMs: 1, maxBackoffMs: 2, withinMs: 5_000 };

test('partitions go to their leaders; one whose leader moved is re-sent to the new leader with its epoch', async () => {
  const { read } = metadata([[3, 3, 1]]);
  const { request, asked } = brokersLeading(() => [3, 3, 1]);
  const result = await askLeaders(read, 'ListOffsets', led([2, 3, 1]), request, fast);
  assert.deepEqual([...result.answers].sort(), [
    ['t:0', 'from 3'],
    ['t:1', 'from 3'],
    ['t:2', 'from 1'],
  ]);
  assert.deepEqual(result.failures, []);
  assert.deepEqual(
    asked.filter(([, partition]) => partition === 0),
    [
      [2, 0, undefined],
      [3, 0, 1],
    ],
  );
  // Only the refused partition was asked again.
  assert.equal(asked.length, 4);
});

test('during an election (no leader in Metadata) the partition waits, then is read from the new leader', async () => {
  const { read } = metadata([[-1], [-1], [2]]);
  const { request } = brokersLeading(() => [2]);
  const result = await askLeaders(read, 'ListOffsets', led([1]), request, fast);
  assert.deepEqual([...result.answers], [['t:0', 'from 2']]);
});

test('a leader that keeps refusing fails after the last attempt, naming the broker and the code', async () => {
  const { read, reads } = metadata([[1]]);
  const { request, asked } = brokersLeading(() => [2]);
  const result = await askLeaders(read, 'DeleteRecords', led([1]), request, fast);
  assert.equal(result.answers.size, 0);
  assert.deepEqual(result.failures, [
    {
      topic: 't',
      partition: 0,
      nodeId: 1,
      error:
        'broker 1 answered DeleteRecords with NOT_LEADER_OR_FOLLOWER (6) (asked 4 times, re-reading Metadata in between)',
    },
  ]);
  assert.equal(asked.length, 4);
  assert.equal(reads(), 3);
});

test('an unreachable leader is asked again only once Metadata names another', async () => {
  const still = brokersLeading(() => [3], { down: 3 });
  const stuck = await askLeaders(metadata([[3]]).read, 'ListOffsets', led([3]), still.request, fast);
  assert.match(
    stuck.failures[0]?.error ?? '',
    /^ListOffsets to broker 3 \(b3:9092\) failed: connect ECONNREFUSED; Metadata still names broker 3 its leader$/,
  );

  const moved = brokersLeading(() => [1], { down: 3 });
  const result = await askLeaders(metadata([[1]]).read, 'ListOffsets', led([3]), moved.request, fast);
  assert.deepEqual([...result.answers], [['t:0', 'from 1']]);
});
