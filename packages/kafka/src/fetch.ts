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
import { type DecodedRecord, type DecodedRecordSet, decodeRecordSet } from './record-decoding.ts';
import {
  type AbortedTransaction,
  abortedOffsets,
  statesFromMarkers,
  type TransactionState,
} from './transactions.ts';

/** One record as read from the log; offsets and timestamps as numbers (safe below 2^53). */
export interface FetchedRecord extends DecodedRecord {
  partition: number;
  /** Null for a record outside any transaction; read_committed reads only show committed ones. */
  transactionState: TransactionState | null;
}

/**
 * KIP-98's isolation levels. read_committed reads stop at the last stable offset and leave out
 * records of aborted transactions; read_uncommitted reads everything up to the high watermark.
 */
export type IsolationLevel = 'read_committed' | 'read_uncommitted';

export interface FetchedPartition {
  topic: string;
  partition: number;
  records: FetchedRecord[];
  /** The offset to fetch next: past the last record read, or where the fetch started when none came. */
  nextOffset: number;
  highWatermark: number;
  /** Below it every transaction is decided; -1 when the broker did not say. */
  lastStableOffset: number;
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
  /**
   * The leader epoch Metadata gave, so a broker that is no longer the leader, or does not know the
   * epoch yet, answers FENCED_LEADER_EPOCH or UNKNOWN_LEADER_EPOCH instead of serving (KIP-320,
   * Fetch v9+); -1 or absent skips the check.
   */
  leaderEpoch?: number;
}

export interface FetchLimits {
  /** Bytes for the whole answer and for each partition in it. */
  maxBytes: number;
  partitionMaxBytes: number;
  /** How long the leader may wait for data when there is none yet (live tail). */
  maxWaitMs: number;
  /** read_committed unless said otherwise, as librdkafka's default is. */
  isolation?: IsolationLevel;
}

export interface ParsedPartition {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
  abortedTransactions: AbortedTransaction[] | null;
  records: Buffer | null;
}

/** A Fetch answer with each partition's record set left as bytes, for decodeRecordSet. */
export interface ParsedFetch {
  responses: { topic: string; partitions: ParsedPartition[] }[];
}

// The Fetch request's isolation_level field.
const ISOLATION_CODES: Record<IsolationLevel, number> = { read_uncommitted: 0, read_committed: 1 };
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
            const lastStableOffset = p.readInt64();
            const logStartOffset = version >= 5 ? p.readInt64() : -1n;
            const abortedTransactions = p.readNullableArray(
              (aborted) => ({
                producerId: Number(aborted.readInt64()),
                firstOffset: Number(aborted.readInt64()),
              }),
              flexible,
              flexible,
            );
            if (version >= 11) p.readInt32(); // preferred_read_replica
            const records = p.readNullableBytes(flexible);
            return {
              partitionIndex,
              errorCode,
              highWatermark,
              lastStableOffset,
              logStartOffset,
              abortedTransactions,
              records,
            };
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
function fetchApi(version: number): AnyApi {
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
 * Control batches (transaction markers) are never records but still advance the position. With
 * read_committed (isolation level 1) the leader answers up to the last stable offset and lists the
 * aborted transactions, whose records are left out as Kafka's consumer does. With read_uncommitted,
 * records of aborted transactions are kept and marked; where no marker in the answer decides a
 * record below the last stable offset, a read_committed Fetch from there gives the aborted list.
 */
export async function fetchFromLeader(
  admin: Admin,
  leader: Broker,
  positions: FetchPosition[],
  limits: FetchLimits,
  fetchVersion: number,
): Promise<FetchedPartition[]> {
  const isolation = limits.isolation ?? 'read_committed';
  const answers = await fetchRaw(admin, leader, positions, limits, isolation, fetchVersion);
  const results: FetchedPartition[] = [];
  const undecided: {
    position: FetchPosition;
    from: number;
    result: FetchedPartition;
    decoded: DecodedRecordSet;
  }[] = [];
  for (const [position, answer] of answers) {
    const { result, decoded } = readPartition(position, answer);
    results.push(result);
    if (!decoded) continue;
    if (isolation === 'read_committed') {
      const aborted = abortedOffsets(
        decoded.records,
        decoded.markers,
        answer.abortedTransactions ?? [],
        position.offset,
      );
      result.records = result.records.filter((r) => !aborted.has(r.offset));
      for (const r of result.records) if (r.transactional) r.transactionState = 'committed';
      continue;
    }
    const states = statesFromMarkers(decoded.records, decoded.markers);
    for (const r of result.records) r.transactionState = states.get(r.offset) ?? null;
    const stable = result.lastStableOffset;
    const first = result.records.find((r) => r.transactionState === 'undecided' && r.offset < stable);
    if (first) undecided.push({ position, from: first.offset, result, decoded });
  }
  if (undecided.length) {
    // Without the list the records stay undecided, which is what is known of them.
    const side = await fetchRaw(
      admin,
      leader,
      undecided.map((u) => ({ ...u.position, offset: u.from })),
      { ...limits, maxWaitMs: 0 },
      'read_committed',
      fetchVersion,
    ).catch(() => []);
    for (const u of undecided) {
      const answer = side.find(
        ([p]) => p.topic === u.position.topic && p.partition === u.position.partition,
      )?.[1];
      if (answer?.errorCode !== 0) continue;
      const aborted = abortedOffsets(
        u.decoded.records,
        u.decoded.markers,
        answer.abortedTransactions ?? [],
        u.from,
      );
      for (const r of u.result.records) {
        if (
          r.transactionState === 'undecided' &&
          r.offset >= u.from &&
          r.offset < Number(answer.lastStableOffset)
        )
          r.transactionState = aborted.has(r.offset) ? 'aborted' : 'committed';
      }
    }
  }
  return results;
}

/**
 * One Fetch to one leader as a plain reader (no group, no session), each partition's record set
 * left as bytes, paired with the position it answers. Used by fetchFromLeader and by the exact
 * record count, which decodes batch headers only.
 */
export async function fetchRaw(
  admin: Admin,
  leader: Broker,
  positions: FetchPosition[],
  limits: FetchLimits,
  isolation: IsolationLevel,
  fetchVersion: number,
): Promise<[FetchPosition, ParsedPartition][]> {
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
      ISOLATION_CODES[isolation],
      0,
      -1,
      [...byTopic].map(([topic, group]) => ({
        topicId: byId ? (group[0] as FetchPosition).topicId : topic,
        partitions: group.map((p) => ({
          partition: p.partition,
          currentLeaderEpoch: p.leaderEpoch ?? -1,
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
  const answers: [FetchPosition, ParsedPartition][] = [];
  for (const topic of response.responses) {
    for (const answer of topic.partitions) {
      const position = asked.get(`${topic.topic}:${answer.partitionIndex}`);
      if (position) answers.push([position, answer]);
    }
  }
  return answers;
}

function readPartition(
  position: FetchPosition,
  answer: ParsedPartition,
): { result: FetchedPartition; decoded: DecodedRecordSet | null } {
  const result: FetchedPartition = {
    topic: position.topic,
    partition: position.partition,
    records: [],
    nextOffset: position.offset,
    highWatermark: Number(answer.highWatermark),
    lastStableOffset: Number(answer.lastStableOffset),
    logStartOffset: Number(answer.logStartOffset),
    errorCode: answer.errorCode,
    error: null,
  };
  if (answer.errorCode !== 0 || !answer.records?.length) return { result, decoded: null };
  try {
    const decoded = decodeRecordSet(answer.records);
    result.nextOffset = Math.max(position.offset, decoded.nextOffset ?? position.offset);
    // A fetch returns whole batches, which may start before the offset asked for.
    for (const record of decoded.records) {
      if (record.offset >= position.offset)
        result.records.push({ partition: position.partition, transactionState: null, ...record });
    }
    return { result, decoded };
  } catch (error) {
    result.error = `has records at offset ${position.offset} that could not be decoded: ${(error as Error).message}`;
    return { result, decoded: null };
  }
}
