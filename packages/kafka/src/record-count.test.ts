import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRecordSet, type OpenTransactions } from './record-count.ts';

const zigzag = (n: number): number[] => {
  let raw = n >= 0 ? n * 2 : -n * 2 - 1;
  const bytes: number[] = [];
  while (raw >= 0x80) {
    bytes.push((raw & 0x7f) | 0x80);
    raw = Math.floor(raw / 128);
  }
  bytes.push(raw);
  return bytes;
};

/** One v2 record: attributes, timestamp delta 0, its offset delta, a key, a value, no headers. */
function record(offsetDelta: number, key: Buffer, value: Buffer | null): Buffer {
  const body = Buffer.from([
    0,
    ...zigzag(0),
    ...zigzag(offsetDelta),
    ...zigzag(key.length),
    ...key,
    ...(value ? [...zigzag(value.length), ...value] : zigzag(-1)),
    ...zigzag(0),
  ]);
  return Buffer.concat([Buffer.from(zigzag(body.length)), body]);
}

/**
 * A v2 batch as Kafka lays it out (the CRC is not checked by the counter). `deltas` are the offset
 * deltas of the records kept, as compaction leaves them; `lastOffsetDelta` keeps the batch's span.
 */
function batch(options: {
  baseOffset: number;
  deltas: number[];
  lastOffsetDelta?: number;
  producerId?: bigint;
  transactional?: boolean;
  control?: 'commit' | 'abort';
}): Buffer {
  const records = options.control
    ? [
        record(
          0,
          Buffer.from([0, 0, 0, options.control === 'commit' ? 1 : 0]),
          Buffer.from([0, 0, 0, 0, 0, 0]),
        ),
      ]
    : options.deltas.map((d) => record(d, Buffer.from(`k${d}`), Buffer.from(`v${d}`)));
  const header = Buffer.alloc(61);
  header.writeBigInt64BE(BigInt(options.baseOffset), 0);
  header.writeInt8(2, 16);
  header.writeInt16BE(
    (options.transactional || options.control ? 0x10 : 0) | (options.control ? 0x20 : 0),
    21,
  );
  header.writeInt32BE(options.lastOffsetDelta ?? Math.max(0, ...options.deltas), 23);
  header.writeBigInt64BE(options.producerId ?? -1n, 43);
  header.writeInt32BE(records.length, 57);
  const out = Buffer.concat([header, ...records]);
  out.writeInt32BE(out.length - 12, 8);
  return out;
}

test('plain batches count every record; a compacted batch counts the records it kept, not its offsets', () => {
  const open: OpenTransactions = {};
  const bytes = Buffer.concat([
    batch({ baseOffset: 0, deltas: [0, 1, 2, 3, 4] }),
    // Compaction kept 2 of 10 offsets.
    batch({ baseOffset: 5, deltas: [3, 9], lastOffsetDelta: 9 }),
  ]);
  assert.deepEqual(countRecordSet(bytes, 0, 100, open), {
    committed: 7,
    aborted: 0,
    markers: 0,
    nextOffset: 15,
    reachedEnd: false,
  });
});

test('read_committed: committed transactions count, aborted ones and the markers do not', () => {
  const open: OpenTransactions = {};
  const bytes = Buffer.concat([
    batch({ baseOffset: 0, deltas: [0, 1, 2], producerId: 7n, transactional: true }),
    batch({ baseOffset: 3, deltas: [0], producerId: 7n, control: 'commit' }),
    batch({ baseOffset: 4, deltas: [0, 1], producerId: 8n, transactional: true }),
    batch({ baseOffset: 6, deltas: [0], producerId: 8n, control: 'abort' }),
    batch({ baseOffset: 7, deltas: [0, 1], producerId: 7n, transactional: true }),
  ]);
  const count = countRecordSet(bytes, 0, 100, open);
  assert.deepEqual(count, { committed: 3, aborted: 2, markers: 2, nextOffset: 9, reachedEnd: false });
  // The last transaction is still open: its records wait for their marker, in the next fetch.
  assert.deepEqual(open, { '7': 2 });
  const next = countRecordSet(
    batch({ baseOffset: 9, deltas: [0], producerId: 7n, control: 'commit' }),
    9,
    100,
    open,
  );
  assert.equal(next.committed, 2);
  assert.deepEqual(open, {});
});

test('only [from, end) counts: a batch straddling either edge is decoded record by record', () => {
  const bytes = Buffer.concat([
    batch({ baseOffset: 0, deltas: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }),
    batch({ baseOffset: 10, deltas: [0, 1, 2, 3, 4] }),
    batch({ baseOffset: 15, deltas: [0, 1] }),
  ]);
  // The log start moved to 4 (DeleteRecords) inside the first batch; the count ends at 12.
  assert.deepEqual(countRecordSet(bytes, 4, 12, {}), {
    committed: 8,
    aborted: 0,
    markers: 0,
    nextOffset: 15,
    reachedEnd: true,
  });
});

test('a batch cut off at the end of the answer is left for the next fetch', () => {
  const whole = batch({ baseOffset: 0, deltas: [0, 1] });
  const cut = batch({ baseOffset: 2, deltas: [0, 1, 2] }).subarray(0, 40);
  assert.deepEqual(countRecordSet(Buffer.concat([whole, cut]), 0, 100, {}), {
    committed: 2,
    aborted: 0,
    markers: 0,
    nextOffset: 2,
    reachedEnd: false,
  });
});
