import type { Admin } from '@platformatic/kafka';
import { askBroker } from './broker-call.ts';
import { rawRequest } from './raw-call.ts';

export interface PartitionRef {
  topic: string;
  partition: number;
}

/** A partition with the broker that leads it, as the caller's Metadata says. */
export interface LedPartition extends PartitionRef {
  leader: { nodeId: number; host: string; port: number };
}

export interface PartitionOffsets {
  topic: string;
  partition: number;
  /** Log start offset (earliest retained record). */
  start: number;
  /** Log end offset (the next offset to be written). */
  end: number;
}

export interface OffsetsResult {
  offsets: PartitionOffsets[];
  /** Leaders that did not answer, with why; their partitions are missing from `offsets`. */
  failedBrokers: { nodeId: number; error: string }[];
}

// ListOffsets timestamps with special meaning.
const LATEST = -1n;
const EARLIEST = -2n;
const READ_UNCOMMITTED = 0;
const CONSUMER_REPLICA_ID = -1;

interface RawListOffsets {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number; offset: bigint }[] }[];
}

async function listAtLeader(
  admin: Admin,
  leader: LedPartition['leader'],
  partitions: PartitionRef[],
  timestamp: bigint,
) {
  const byTopic = new Map<string, number[]>();
  for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
  const topics = [...byTopic].map(([name, ids]) => ({
    name,
    partitions: ids.map((partitionIndex) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp })),
  }));
  const response = await rawRequest<RawListOffsets>(
    admin,
    'ListOffsets',
    [CONSUMER_REPLICA_ID, READ_UNCOMMITTED, topics],
    {
      broker: { host: leader.host, port: leader.port },
      keepErrorCodes: true,
    },
  );
  const offsets = new Map<string, number>();
  for (const topic of response.topics) {
    for (const p of topic.partitions)
      if (p.errorCode === 0) offsets.set(`${topic.name}:${p.partitionIndex}`, Number(p.offset));
  }
  return offsets;
}

/**
 * Start and end offsets, asked of each partition's leader in one request per leader and
 * timestamp. A leader that fails only costs its own partitions.
 */
export async function listStartAndEndOffsets(
  admin: Admin,
  partitions: LedPartition[],
  timeoutMs: number,
): Promise<OffsetsResult> {
  const byLeader = new Map<number, LedPartition[]>();
  for (const p of partitions) byLeader.set(p.leader.nodeId, [...(byLeader.get(p.leader.nodeId) ?? []), p]);
  const result: OffsetsResult = { offsets: [], failedBrokers: [] };
  await Promise.all(
    [...byLeader].map(async ([nodeId, led]) => {
      try {
        const leader = led[0]!.leader;
        // Its own deadline: a hung leader must cost only its partitions, not the whole call.
        const [starts, ends] = await askBroker(leader, 'ListOffsets', timeoutMs, () =>
          Promise.all([listAtLeader(admin, leader, led, EARLIEST), listAtLeader(admin, leader, led, LATEST)]),
        );
        for (const p of led) {
          const key = `${p.topic}:${p.partition}`;
          const end = ends.get(key);
          if (end !== undefined)
            result.offsets.push({ topic: p.topic, partition: p.partition, start: starts.get(key) ?? 0, end });
        }
      } catch (error) {
        result.failedBrokers.push({ nodeId, error: (error as Error).message });
      }
    }),
  );
  return result;
}

/**
 * Per partition, the offset at a point: the log start, the log end, or the first record at or after a
 * timestamp (ms). A timestamp after the last record gives -1, as Kafka answers; failures throw.
 */
export async function offsetsAt(
  admin: Admin,
  partitions: LedPartition[],
  at: 'earliest' | 'latest' | number,
): Promise<Map<string, number>> {
  const timestamp = at === 'earliest' ? EARLIEST : at === 'latest' ? LATEST : BigInt(at);
  const byLeader = new Map<number, LedPartition[]>();
  for (const p of partitions) byLeader.set(p.leader.nodeId, [...(byLeader.get(p.leader.nodeId) ?? []), p]);
  const answers = await Promise.all(
    [...byLeader.values()].map((led) => listAtLeader(admin, led[0]!.leader, led, timestamp)),
  );
  const result = new Map<string, number>();
  for (const answer of answers) for (const [key, offset] of answer) result.set(key, offset);
  return result;
}
