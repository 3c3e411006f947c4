import { compressionsAlgorithmsByBitmask } from '@platformatic/kafka';

/** Kafka's two timestamp types (the batch or message attributes' bit 3). */
export type TimestampType = 'CreateTime' | 'LogAppendTime';

/** One record as it was written, in any of Kafka's message formats. */
export interface DecodedRecord {
  offset: number;
  /**
   * Milliseconds since the epoch; null when the record has none: Kafka's NO_TIMESTAMP (-1), which
   * every message of format v0 has, and records converted from it.
   */
  timestamp: number | null;
  /** Null for message format v0, which has no timestamp type. */
  timestampType: TimestampType | null;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer, Buffer | null][];
  /** The record's encoded size, in bytes. */
  size: number;
  /** From the v2 batch header; null when none was assigned (-1) and before format v2. */
  producerId: number | null;
  producerEpoch: number | null;
  /** The batch's isTransactional attribute (bit 4). */
  transactional: boolean;
}

/** A control batch's record: the end of a producer's transaction (KIP-98). */
export interface TransactionMarker {
  offset: number;
  producerId: number;
  commit: boolean;
}

export interface DecodedRecordSet {
  records: DecodedRecord[];
  /** Commit and abort markers, in offset order; they are never records. */
  markers: TransactionMarker[];
  /** Past the last whole batch or message, control batches included; null when there was none. */
  nextOffset: number | null;
}

const COMPRESSION_MASK = 0x07;
const LOG_APPEND_TIME = 0x08;
const TRANSACTIONAL = 0x10;
const CONTROL_BATCH = 0x20;
// Kafka's RecordBatch.NO_TIMESTAMP and RecordBatch.NO_PRODUCER_ID.
const NO_TIMESTAMP = -1;
const NO_PRODUCER_ID = -1;
// ControlRecordType: the control record's key is a version (int16) and a type (int16).
const CONTROL_COMMIT = 1;
// The offset and size (or length) fields that come before every message and batch.
const LOG_OVERHEAD = 12;
const MAGIC_OFFSET = 16;
const V2_RECORDS_OFFSET = 61;

/**
 * Decodes a Fetch answer's record set: v2 record batches (Kafka 0.11+) and the older v0/v1 message
 * sets (brokers keep them as written, e.g. for a topic with message.format.version below 0.11), both
 * possibly compressed. A message or batch cut off at the end of the answer is left for the next fetch.
 */
export function decodeRecordSet(bytes: Buffer): DecodedRecordSet {
  const records: DecodedRecord[] = [];
  const markers: TransactionMarker[] = [];
  let nextOffset: number | null = null;
  let position = 0;
  while (position + MAGIC_OFFSET < bytes.length) {
    const size = bytes.readInt32BE(position + 8);
    const end = position + LOG_OVERHEAD + size;
    if (end > bytes.length) break;
    const magic = bytes.readInt8(position + MAGIC_OFFSET);
    const entry = bytes.subarray(position, end);
    if (magic === 2) {
      nextOffset = readBatch(entry, records, markers);
    } else if (magic === 0 || magic === 1) {
      readMessage(entry, records);
      nextOffset = Number(entry.readBigInt64BE(0)) + 1;
    } else {
      throw new Error(`Unknown message format (magic byte ${magic}) at offset ${entry.readBigInt64BE(0)}.`);
    }
    position = end;
  }
  return { records, markers, nextOffset };
}

function decompress(attributes: number, data: Buffer): Buffer {
  const codec = compressionsAlgorithmsByBitmask[attributes & COMPRESSION_MASK];
  if (!codec) throw new Error(`Unknown compression codec ${attributes & COMPRESSION_MASK}.`);
  const plain = codec.decompressSync(data) as Uint8Array;
  return Buffer.isBuffer(plain) ? plain : Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
}

const timestampOrNull = (timestamp: number) => (timestamp === NO_TIMESTAMP ? null : timestamp);

/** A v2 record batch; returns the offset after it. */
function readBatch(batch: Buffer, into: DecodedRecord[], markers: TransactionMarker[]): number {
  const baseOffset = Number(batch.readBigInt64BE(0));
  const attributes = batch.readInt16BE(21);
  const lastOffsetDelta = batch.readInt32BE(23);
  const after = baseOffset + lastOffsetDelta + 1;
  const producerId = Number(batch.readBigInt64BE(43));
  const producerEpoch = batch.readInt16BE(51);
  const count = batch.readInt32BE(57);
  const body = batch.subarray(V2_RECORDS_OFFSET);
  const data = attributes & COMPRESSION_MASK ? decompress(attributes, body) : body;
  const cursor = new Cursor(data);
  if (attributes & CONTROL_BATCH) {
    readControlRecord(cursor, baseOffset, producerId, markers);
    return after;
  }
  const baseTimestamp = Number(batch.readBigInt64BE(27));
  const appendTime = attributes & LOG_APPEND_TIME ? Number(batch.readBigInt64BE(35)) : null;
  const batchFields = {
    timestampType: (appendTime === null ? 'CreateTime' : 'LogAppendTime') as TimestampType,
    producerId: producerId === NO_PRODUCER_ID ? null : producerId,
    producerEpoch: producerId === NO_PRODUCER_ID ? null : producerEpoch,
    transactional: (attributes & TRANSACTIONAL) !== 0,
  };
  for (let i = 0; i < count && cursor.position < data.length; i++) {
    const length = cursor.varint();
    const start = cursor.position;
    cursor.position += 1; // record attributes: unused
    const timestampDelta = cursor.varint();
    const offsetDelta = cursor.varint();
    const key = cursor.bytes();
    const value = cursor.bytes();
    const headerCount = cursor.varint();
    const headers: [Buffer, Buffer | null][] = [];
    for (let h = 0; h < headerCount; h++) headers.push([cursor.bytes() ?? Buffer.alloc(0), cursor.bytes()]);
    cursor.position = start + length;
    into.push({
      offset: baseOffset + offsetDelta,
      timestamp: timestampOrNull(appendTime ?? baseTimestamp + timestampDelta),
      key,
      value,
      headers,
      size: length,
      ...batchFields,
    });
  }
  return after;
}

/** A control batch holds one record whose key says commit or abort (Kafka's EndTransactionMarker). */
function readControlRecord(
  cursor: Cursor,
  baseOffset: number,
  producerId: number,
  markers: TransactionMarker[],
) {
  cursor.varint(); // length
  cursor.position += 1; // attributes
  cursor.varint(); // timestamp delta
  const offsetDelta = cursor.varint();
  const key = cursor.bytes();
  if (!key || key.length < 4) return;
  markers.push({
    offset: baseOffset + offsetDelta,
    producerId,
    commit: key.readInt16BE(2) === CONTROL_COMMIT,
  });
}

/**
 * A v0/v1 message. A compressed one wraps a message set: in v1 the inner offsets are relative and the
 * wrapper carries the last one's absolute offset; in v0 they are absolute already.
 */
function readMessage(message: Buffer, into: DecodedRecord[], logAppendTime: number | null = null): void {
  const offset = Number(message.readBigInt64BE(0));
  const magic = message.readInt8(MAGIC_OFFSET);
  const attributes = message.readInt8(17);
  let position = 18;
  let timestamp = -1;
  if (magic === 1) {
    timestamp = Number(message.readBigInt64BE(position));
    position += 8;
  }
  const keyLength = message.readInt32BE(position);
  position += 4;
  const key = keyLength < 0 ? null : message.subarray(position, position + keyLength);
  position += Math.max(keyLength, 0);
  const valueLength = message.readInt32BE(position);
  position += 4;
  const value = valueLength < 0 ? null : message.subarray(position, position + valueLength);

  if ((attributes & COMPRESSION_MASK) === 0 || value === null) {
    const appended = logAppendTime !== null || (magic === 1 && (attributes & LOG_APPEND_TIME) !== 0);
    into.push({
      offset,
      timestamp: timestampOrNull(logAppendTime ?? timestamp),
      timestampType: magic === 0 ? null : appended ? 'LogAppendTime' : 'CreateTime',
      key,
      value,
      headers: [],
      size: message.length,
      producerId: null,
      producerEpoch: null,
      transactional: false,
    });
    return;
  }
  const inner: DecodedRecord[] = [];
  const set = decompress(attributes, value);
  const wrapperAppendTime = magic === 1 && attributes & LOG_APPEND_TIME ? timestamp : null;
  for (let at = 0; at + LOG_OVERHEAD <= set.length; ) {
    const end = at + LOG_OVERHEAD + set.readInt32BE(at + 8);
    if (end > set.length) break;
    readMessage(set.subarray(at, end), inner, wrapperAppendTime);
    at = end;
  }
  const shift = magic === 1 ? offset - (inner.at(-1)?.offset ?? offset) : 0;
  for (const record of inner) into.push({ ...record, offset: record.offset + shift });
}

/** Zigzag varints, as v2 records encode their fields; numbers stay exact up to 2^53. */
class Cursor {
  readonly #data: Buffer;
  position = 0;

  constructor(data: Buffer) {
    this.#data = data;
  }

  #unsigned(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.#data[this.position++];
      if (byte === undefined) throw new Error('A record ends inside a varint: the batch is corrupt.');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }

  varint(): number {
    const raw = this.#unsigned();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  bytes(): Buffer | null {
    const length = this.varint();
    if (length < 0) return null;
    const value = this.#data.subarray(this.position, this.position + length);
    this.position += length;
    return value;
  }
}
