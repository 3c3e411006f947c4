import type { Admin, Broker } from '@platformatic/kafka';
import { rawRequest } from './raw-call.ts';

/** One record as read from the log; offsets and timestamps as numbers (safe below 2^53). */
export interface FetchedRecord {
  partition: number;
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer, Buffer | null][];
  /** The record's encoded size in its batch, in bytes. */
  size: number;
}

export interface FetchedPartition {
  topic: string;
  partition: number;
  records: FetchedRecord[];
  /** The offset to fetch next: past the last record read, or where the fetch started when none came. */
  nextOffset: number;
  highWatermark: number;
  logStartOffset: number;
  /** Kafka's error code for this partition (1 OFFSET_OUT_OF_RANGE, 6 NOT_LEADER…), 0 when fine. */
  errorCode: number;
}

export interface FetchPosition {
  topic: string;
  topicId: string;
  partition: number;
  offset: number;
}

export interface FetchLimits {
  /** Bytes for the whole answer and for each partition in it. */
  maxBytes: number;
  partitionMaxBytes: number;
  /** How long the leader may wait for data when there is none yet (live tail). */
  maxWaitMs: number;
}

interface RawRecord {
  length: number;
  timestampDelta: bigint;
  offsetDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer, Buffer | null][];
}

interface RawFetch {
  responses: {
    topicId?: string;
    topic?: string;
    partitions: {
      partitionIndex: number;
      errorCode: number;
      highWatermark: bigint;
      logStartOffset: bigint;
      records: {
        firstOffset: bigint;
        firstTimestamp: bigint;
        attributes: number;
        lastOffsetDelta: number;
        records: RawRecord[];
      }[];
    }[];
  }[];
}

const CONTROL_BATCH = 0x20;
const READ_UNCOMMITTED = 0;
// Fetch v13 switched from topic names to topic ids.
const FIRST_VERSION_WITH_TOPIC_IDS = 13;

/**
 * Fetch from one leader as a plain reader (no group, no session, nothing committed): zero intrusion.
 * Control batches (transaction markers) are skipped but still advance the position.
 */
export async function fetchFromLeader(
  admin: Admin,
  leader: Broker,
  positions: FetchPosition[],
  limits: FetchLimits,
  fetchVersion: number,
): Promise<FetchedPartition[]> {
  const byId = fetchVersion >= FIRST_VERSION_WITH_TOPIC_IDS;
  const byTopic = new Map<string, FetchPosition[]>();
  for (const p of positions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
  const response = await rawRequest<RawFetch>(
    admin,
    'Fetch',
    [
      limits.maxWaitMs,
      1,
      limits.maxBytes,
      READ_UNCOMMITTED,
      0,
      -1,
      [...byTopic].map(([topic, group]) => ({
        topicId: byId ? (group[0] as FetchPosition).topicId : topic,
        partitions: group.map((p) => ({
          partition: p.partition,
          currentLeaderEpoch: -1,
          fetchOffset: BigInt(p.offset),
          lastFetchedEpoch: -1,
          partitionMaxBytes: limits.partitionMaxBytes,
        })),
      })),
      [],
      '',
    ],
    { broker: leader, keepErrorCodes: true },
  );
  const asked = new Map(positions.map((p) => [`${byId ? p.topicId : p.topic}:${p.partition}`, p]));
  const results: FetchedPartition[] = [];
  for (const topic of response.responses) {
    for (const answer of topic.partitions) {
      const position = asked.get(`${topic.topicId ?? topic.topic}:${answer.partitionIndex}`);
      if (position) results.push(readPartition(position, answer));
    }
  }
  return results;
}

function readPartition(
  position: FetchPosition,
  answer: RawFetch['responses'][number]['partitions'][number],
): FetchedPartition {
  const records: FetchedRecord[] = [];
  let nextOffset = position.offset;
  for (const batch of answer.records ?? []) {
    const base = Number(batch.firstOffset);
    nextOffset = Math.max(nextOffset, base + batch.lastOffsetDelta + 1);
    if ((batch.attributes & CONTROL_BATCH) !== 0) continue;
    const baseTime = Number(batch.firstTimestamp);
    for (const record of batch.records) {
      const offset = base + record.offsetDelta;
      // A fetch returns whole batches, which may start before the offset asked for.
      if (offset < position.offset) continue;
      records.push({
        partition: position.partition,
        offset,
        timestamp: baseTime + Number(record.timestampDelta),
        key: record.key,
        value: record.value,
        headers: record.headers,
        size: record.length,
      });
    }
  }
  return {
    topic: position.topic,
    partition: position.partition,
    records,
    nextOffset,
    highWatermark: Number(answer.highWatermark),
    logStartOffset: Number(answer.logStartOffset),
    errorCode: answer.errorCode,
  };
}
