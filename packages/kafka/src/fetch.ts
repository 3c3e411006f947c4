import {
  type Admin,
  type Broker,
  createAPI,
  fetchV4,
  fetchV5,
  fetchV6,
  fetchV7,
  fetchV8,
  fetchV9,
  fetchV10,
  fetchV11,
  fetchV12,
  fetchV13,
  fetchV14,
  fetchV15,
  fetchV16,
  fetchV17,
  type Reader,
  type Writer,
} from '@platformatic/kafka';
import { type AnyApi, rawRequest } from './raw-call.ts';
import { type DecodedRecord, decodeRecordSet } from './record-decoding.ts';

/** One record as read from the log; offsets and timestamps as numbers (safe below 2^53). */
export interface FetchedRecord extends DecodedRecord {
  partition: number;
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
  /** Why the records Kafka sent could not be read, when they could not. */
  error: string | null;
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

export interface ParsedPartition {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  logStartOffset: bigint;
  records: Buffer | null;
}

/** A Fetch answer with each partition's record set left as bytes, for decodeRecordSet. */
export interface ParsedFetch {
  responses: { topic: string; partitions: ParsedPartition[] }[];
}

const READ_UNCOMMITTED = 0;
// Fetch v12 is the first flexible version (compact arrays, tagged fields); v13 switched to topic ids.
const FIRST_FLEXIBLE_VERSION = 12;
const FIRST_VERSION_WITH_TOPIC_IDS = 13;
const REQUEST_ENCODERS = [
  fetchV4,
  fetchV5,
  fetchV6,
  fetchV7,
  fetchV8,
  fetchV9,
  fetchV10,
  fetchV11,
  fetchV12,
  fetchV13,
  fetchV14,
  fetchV15,
  fetchV16,
  fetchV17,
].map((codec) => codec.createRequest as (...args: unknown[]) => Writer);

/**
 * Reads the answer's frame for any Fetch version from 4 to 17 but not the records: the library's
 * decoder reads v2 batches only, and slowly from an answer spread over many socket chunks.
 */
function parseFetchResponse(version: number) {
  const flexible = version >= FIRST_FLEXIBLE_VERSION;
  return (_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader): ParsedFetch => {
    reader.readInt32(); // throttle_time_ms
    if (version >= 7) {
      const errorCode = reader.readInt16();
      reader.readInt32(); // session_id
      if (errorCode !== 0) throw new Error(`Fetch failed with error code ${errorCode}.`);
    }
    const responses = reader.readArray(
      (topic) => ({
        topic: version >= FIRST_VERSION_WITH_TOPIC_IDS ? topic.readUUID() : topic.readString(flexible),
        partitions: topic.readArray(
          (p) => {
            const partitionIndex = p.readInt32();
            const errorCode = p.readInt16();
            const highWatermark = p.readInt64();
            p.readInt64(); // last_stable_offset
            const logStartOffset = version >= 5 ? p.readInt64() : -1n;
            p.readNullableArray((aborted) => aborted.skip(16), flexible, flexible);
            if (version >= 11) p.readInt32(); // preferred_read_replica
            const records = p.readNullableBytes(flexible);
            return { partitionIndex, errorCode, highWatermark, logStartOffset, records };
          },
          flexible,
          flexible,
        ),
      }),
      flexible,
      flexible,
    );
    return { responses };
  };
}

const fetchApis = new Map<number, AnyApi>();
export function fetchApi(version: number): AnyApi {
  const encode = REQUEST_ENCODERS[version - 4];
  if (!encode) throw new Error(`Weir reads with Fetch v4 to v17; this broker offers at most v${version}.`);
  let api = fetchApis.get(version);
  if (!api) {
    api = createAPI(1, version, encode, parseFetchResponse(version), version >= 12, version >= 12) as AnyApi;
    fetchApis.set(version, api);
  }
  return api;
}

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
  const response = await rawRequest<ParsedFetch>(
    admin,
    { custom: fetchApi(fetchVersion) },
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
    { broker: leader },
  );
  const asked = new Map(positions.map((p) => [`${byId ? p.topicId : p.topic}:${p.partition}`, p]));
  const results: FetchedPartition[] = [];
  for (const topic of response.responses) {
    for (const answer of topic.partitions) {
      const position = asked.get(`${topic.topic}:${answer.partitionIndex}`);
      if (position) results.push(readPartition(position, answer));
    }
  }
  return results;
}

function readPartition(position: FetchPosition, answer: ParsedPartition): FetchedPartition {
  const result: FetchedPartition = {
    topic: position.topic,
    partition: position.partition,
    records: [],
    nextOffset: position.offset,
    highWatermark: Number(answer.highWatermark),
    logStartOffset: Number(answer.logStartOffset),
    errorCode: answer.errorCode,
    error: null,
  };
  if (answer.errorCode !== 0 || !answer.records?.length) return result;
  try {
    const decoded = decodeRecordSet(answer.records);
    result.nextOffset = Math.max(position.offset, decoded.nextOffset ?? position.offset);
    // A fetch returns whole batches, which may start before the offset asked for.
    for (const record of decoded.records) {
      if (record.offset >= position.offset) result.records.push({ partition: position.partition, ...record });
    }
  } catch (error) {
    result.error = `has records at offset ${position.offset} that could not be decoded: ${(error as Error).message}`;
  }
  return result;
}
