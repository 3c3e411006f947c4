import type { Admin } from '@platformatic/kafka';
import { askBroker } from './broker-call.ts';
import { KafkaGatewayError } from './errors.ts';
import type { IsolationLevel } from './fetch.ts';
import {
  askLeaders,
  describeFailures,
  type LeaderFailure,
  type LeaderRequest,
  metadataReader,
  type PartitionAnswer,
} from './leader-requests.ts';
import { rawRequest } from './raw-call.ts';

export interface PartitionRef {
  topic: string;
  partition: number;
}

/** A partition with the broker that leads it, as the caller's Metadata says. */
export interface LedPartition extends PartitionRef {
  leader: { nodeId: number; host: string; port: number };
  /** The leader epoch from the same Metadata, so a stale leader is fenced (KIP-320); -1 or absent skips the check. */
  leaderEpoch?: number;
}

export interface PartitionOffsets {
  topic: string;
  partition: number;
  /** Log start offset (earliest retained record). */
  start: number;
  /** Log end offset (the next offset to be written); the last stable offset when read_committed. */
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
// ListOffsets' isolation_level: read_committed answers LATEST with the last stable offset (KIP-98).
const ISOLATION_CODES: Record<IsolationLevel, number> = { read_uncommitted: 0, read_committed: 1 };
const CONSUMER_REPLICA_ID = -1;

interface RawListOffsets {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number; offset: bigint }[] }[];
}

/** One ListOffsets to one broker; each partition's error code is kept. */
const listAtLeader =
  (admin: Admin, timestamp: bigint, isolation: IsolationLevel, timeoutMs: number): LeaderRequest<number> =>
  (leader, partitions) =>
    // Its own deadline: a hung leader costs only its partitions, not the whole call.
    askBroker(
      { nodeId: leader.nodeId, host: leader.host, port: leader.port },
      'ListOffsets',
      timeoutMs,
      async () => {
        const byTopic = new Map<string, LedPartition[]>();
        for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
        const topics = [...byTopic].map(([name, led]) => ({
          name,
          partitions: led.map((p) => ({
            partitionIndex: p.partition,
            currentLeaderEpoch: p.leaderEpoch ?? -1,
            timestamp,
          })),
        }));
        const response = await rawRequest<RawListOffsets>(
          admin,
          'ListOffsets',
          [CONSUMER_REPLICA_ID, ISOLATION_CODES[isolation], topics],
          { broker: { host: leader.host, port: leader.port }, keepErrorCodes: true },
        );
        const answers = new Map<string, PartitionAnswer<number>>();
        for (const topic of response.topics)
          for (const p of topic.partitions)
            answers.set(`${topic.name}:${p.partitionIndex}`, {
              errorCode: p.errorCode,
              value: Number(p.offset),
            });
        return answers;
      },
    );

/**
 * Start and end offsets from each partition's current leader (one request per leader and timestamp;
 * a leader that moved is found again through Metadata, see askLeaders). A partition that still fails
 * is missing from `offsets`, and its broker is in `failedBrokers` with why.
 */
export async function listStartAndEndOffsets(
  admin: Admin,
  partitions: LedPartition[],
  isolation: IsolationLevel = 'read_uncommitted',
  timeoutMs: number = 30_000,
): Promise<OffsetsResult> {
  const [starts, ends] = await Promise.all([
    askLeaders(
      metadataReader(admin),
      'ListOffsets',
      partitions,
      listAtLeader(admin, EARLIEST, 'read_uncommitted', timeoutMs),
    ),
    askLeaders(
      metadataReader(admin),
      'ListOffsets',
      partitions,
      listAtLeader(admin, LATEST, isolation, timeoutMs),
    ),
  ]);
  const result: OffsetsResult = { offsets: [], failedBrokers: [] };
  const failed = new Map<number, LeaderFailure[]>();
  for (const failure of [...starts.failures, ...ends.failures]) {
    const nodeId = failure.nodeId ?? -1;
    const same = failed.get(nodeId) ?? [];
    if (!same.some((f) => f.topic === failure.topic && f.partition === failure.partition)) same.push(failure);
    failed.set(nodeId, same);
  }
  for (const p of partitions) {
    const key = `${p.topic}:${p.partition}`;
    const start = starts.answers.get(key);
    const end = ends.answers.get(key);
    if (start !== undefined && end !== undefined)
      result.offsets.push({ topic: p.topic, partition: p.partition, start, end });
  }
  for (const [nodeId, failures] of failed)
    result.failedBrokers.push({ nodeId, error: describeFailures(failures) });
  return result;
}

/**
 * Per partition, the offset at a point: the log start, the log end, or the first record at or after a
 * timestamp (ms), from its current leader. A timestamp after the last record gives -1, as Kafka
 * answers.
 *
 * @throws KafkaGatewayError (kind `unreachable`) naming each partition whose leader could not answer
 *   and the broker asked, rather than leaving it out (a missing offset must never read as 0).
 */
export async function offsetsAt(
  admin: Admin,
  partitions: LedPartition[],
  at: 'earliest' | 'latest' | number,
  timeoutMs = 30_000,
): Promise<Map<string, number>> {
  const timestamp = at === 'earliest' ? EARLIEST : at === 'latest' ? LATEST : BigInt(at);
  const { answers, failures } = await askLeaders(
    metadataReader(admin),
    'ListOffsets',
    partitions,
    listAtLeader(admin, timestamp, 'read_uncommitted', timeoutMs),
  );
  if (failures.length > 0) {
    const first = failures[0] as LeaderFailure;
    throw new KafkaGatewayError('unreachable', `ListOffsets failed for ${describeFailures(failures)}.`, {
      api: 'ListOffsets',
      ...(first.nodeId === null ? {} : { broker: String(first.nodeId) }),
      topic: first.topic,
      partition: first.partition,
    });
  }
  return answers;
}
