import { type Admin, type Broker, compressionsAlgorithmsByBitmask } from '@platformatic/kafka';
import { type FetchLimits, type FetchPosition, fetchRaw } from './fetch.ts';
import { decodeRecordSet } from './record-decoding.ts';

/**
 * Records of transactions whose end marker has not been read yet, by producer id (as a decimal
 * string: ids are int64). Carried from one fetch to the next, and saved with a job's progress.
 */
export type OpenTransactions = Record<string, number>;

/** What one record set added to a partition's count. */
export interface RecordSetCount {
  /** Data records that a read_committed consumer receives: non-transactional ones and committed ones. */
  committed: number;
  /** Records of aborted transactions (still in the log until the cleaner removes them). */
  aborted: number;
  /** Control records (transaction markers): they take an offset but are not data. */
  markers: number;
  /** Where to read next: past the last batch read, or `from` when no whole batch came. */
  nextOffset: number;
  /** True once a batch at or past `end` was seen: nothing below `end` is left to read. */
  reachedEnd: boolean;
}

const COMPRESSION_MASK = 0x07;
const TRANSACTIONAL = 0x10;
const CONTROL_BATCH = 0x20;
const LOG_OVERHEAD = 12;
const MAGIC_OFFSET = 16;
const V2_RECORDS_OFFSET = 61;
// Control record keys (Kafka's ControlRecordType): 0 ABORT, 1 COMMIT.
const ABORT = 0;

/**
 * Counts the records of a Fetch answer's record set in [from, end) with read_committed semantics
 * (KIP-98): a transactional batch's records stay in `open` until its producer's COMMIT marker adds
 * them to `committed` or its ABORT marker to `aborted`; control batches count as markers. Kafka's
 * consumer decides the same from the answer's aborted-transactions list; the markers in the log say
 * the same thing, and they survive compaction for as long as any record of their transaction does.
 * Only v2 batch headers are read, except a batch that straddles `from` or `end`, whose records are
 * decoded to count just those inside. `open` is updated in place.
 */
export function countRecordSet(
  bytes: Buffer,
  from: number,
  end: number,
  open: OpenTransactions,
): RecordSetCount {
  const count: RecordSetCount = { committed: 0, aborted: 0, markers: 0, nextOffset: from, reachedEnd: false };
  let position = 0;
  while (position + MAGIC_OFFSET < bytes.length) {
    const size = bytes.readInt32BE(position + 8);
    const stop = position + LOG_OVERHEAD + size;
    if (stop > bytes.length) break;
    const entry = bytes.subarray(position, stop);
    position = stop;
    const baseOffset = Number(entry.readBigInt64BE(0));
    if (baseOffset >= end) {
      count.reachedEnd = true;
      break;
    }
    const magic = entry.readInt8(MAGIC_OFFSET);
    if (magic !== 2) {
      // v0/v1 message sets have no transactions: every message in range is data.
      const inRange = decodeRecordSet(entry).records.filter((r) => r.offset >= from && r.offset < end);
      count.committed += inRange.length;
      count.nextOffset = Math.max(count.nextOffset, Number(entry.readBigInt64BE(0)) + 1);
      continue;
    }
    const attributes = entry.readInt16BE(21);
    const lastOffset = baseOffset + entry.readInt32BE(23);
    const producerId = entry.readBigInt64BE(43).toString();
    count.nextOffset = Math.max(count.nextOffset, lastOffset + 1);
    if (lastOffset >= end) count.reachedEnd = true;
    if (attributes & CONTROL_BATCH) {
      if (baseOffset < from) continue;
      count.markers += 1;
      const pending = open[producerId] ?? 0;
      delete open[producerId];
      if (controlType(entry, attributes) === ABORT) count.aborted += pending;
      else count.committed += pending;
      continue;
    }
    const records =
      baseOffset >= from && lastOffset < end
        ? entry.readInt32BE(57)
        : decodeRecordSet(entry).records.filter((r) => r.offset >= from && r.offset < end).length;
    if (attributes & TRANSACTIONAL) open[producerId] = (open[producerId] ?? 0) + records;
    else count.committed += records;
  }
  return count;
}

/** The type of a control batch's one record, from its key (version INT16, type INT16). */
function controlType(batch: Buffer, attributes: number): number {
  let data = batch.subarray(V2_RECORDS_OFFSET);
  if (attributes & COMPRESSION_MASK) {
    const codec = compressionsAlgorithmsByBitmask[attributes & COMPRESSION_MASK];
    if (!codec) throw new Error(`Unknown compression codec ${attributes & COMPRESSION_MASK}.`);
    const plain = codec.decompressSync(data) as Uint8Array;
    data = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  }
  let at = 0;
  const varint = () => {
    let raw = 0;
    let scale = 1;
    for (;;) {
      const byte = data[at++];
      if (byte === undefined) throw new Error('A control record ends inside a varint: the batch is corrupt.');
      raw += (byte & 0x7f) * scale;
      if (byte < 0x80) return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
      scale *= 128;
    }
  };
  varint(); // length
  at += 1; // attributes
  varint(); // timestamp delta
  varint(); // offset delta
  const keyLength = varint();
  if (keyLength < 4) throw new Error(`A control record's key has ${keyLength} bytes; Kafka writes 4.`);
  return data.readInt16BE(at + 2);
}

/** One partition's record set as the leader sent it, undecoded. */
export interface FetchedRecordSet {
  topic: string;
  partition: number;
  /** Kafka's error code (1 OFFSET_OUT_OF_RANGE, 6 NOT_LEADER_OR_FOLLOWER…), 0 when fine. */
  errorCode: number;
  highWatermark: number;
  logStartOffset: number;
  records: Buffer | null;
}

/**
 * Fetch from one leader, as fetchFromLeader sends it (plain reader: no group, no session), but
 * keeping each partition's record set as bytes for countRecordSet. READ_UNCOMMITTED on purpose:
 * the count needs the open transactions' records and their markers, and decides commit or abort
 * itself; a read_committed fetch would stop at the last stable offset without saying why.
 */
export async function fetchRecordSets(
  admin: Admin,
  leader: Broker,
  positions: FetchPosition[],
  limits: FetchLimits,
  fetchVersion: number,
): Promise<FetchedRecordSet[]> {
  const answers = await fetchRaw(admin, leader, positions, limits, 'read_uncommitted', fetchVersion);
  return answers.map(([position, answer]) => ({
    topic: position.topic,
    partition: position.partition,
    errorCode: answer.errorCode,
    highWatermark: Number(answer.highWatermark),
    logStartOffset: Number(answer.logStartOffset),
    records: answer.records,
  }));
}
