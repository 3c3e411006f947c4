import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createRecordsBatch } from '@platformatic/kafka';
import { decodeRecordSet } from './record-decoding.ts';

/** A v2 batch as a producer writes it (the library's encoder), placed at `baseOffset`. */
function batch(baseOffset: number, values: string[], compression: 'none' | 'gzip' = 'none'): Buffer {
  const bytes = Buffer.from(
    createRecordsBatch(
      values.map((value, i) => ({
        topic: 't',
        key: Buffer.from(`k${i}`),
        value: Buffer.from(value),
        headers: new Map([[Buffer.from('h'), Buffer.from(`hv${i}`)]]),
        timestamp: 1_000n + BigInt(i),
      })),
      { compression },
    ).buffer,
  );
  bytes.writeBigInt64BE(BigInt(baseOffset), 0);
  return bytes;
}

/** A v0/v1 message (CRC left zero: the decoder does not check it). */
function legacyMessage(
  magic: 0 | 1,
  offset: number,
  value: Buffer,
  options: { key?: string; attributes?: number; timestamp?: number } = {},
): Buffer {
  const key = options.key === undefined ? null : Buffer.from(options.key);
  const body = Buffer.concat([
    Buffer.alloc(4), // crc
    Buffer.from([magic, options.attributes ?? 0]),
    magic === 1 ? int64(options.timestamp ?? 0) : Buffer.alloc(0),
    int32(key ? key.length : -1),
    key ?? Buffer.alloc(0),
    int32(value.length),
    value,
  ]);
  return Buffer.concat([int64(offset), int32(body.length), body]);
}
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};
const text = (b: Buffer | null) => b?.toString() ?? null;

test('v2 batches, plain and gzip: offsets, keys, values, headers and timestamps', () => {
  const { records, nextOffset } = decodeRecordSet(
    Buffer.concat([batch(0, ['a', 'b']), batch(2, ['c', 'd'], 'gzip')]),
  );
  assert.deepEqual(
    records.map((r) => [r.offset, text(r.key), text(r.value), r.timestamp]),
    [
      [0, 'k0', 'a', 1000],
      [1, 'k1', 'b', 1001],
      [2, 'k0', 'c', 1000],
      [3, 'k1', 'd', 1001],
    ],
  );
  assert.deepEqual(
    records[3]?.headers.map(([k, v]) => [text(k), text(v)]),
    [['h', 'hv1']],
  );
  assert.equal(nextOffset, 4);
});

test('a batch cut off at the end of the answer is left for the next fetch', () => {
  const whole = Buffer.concat([batch(0, ['a']), batch(1, ['b'])]);
  const { records, nextOffset } = decodeRecordSet(whole.subarray(0, whole.length - 3));
  assert.deepEqual(
    records.map((r) => r.offset),
    [0],
  );
  assert.equal(nextOffset, 1);
  assert.deepEqual(decodeRecordSet(whole.subarray(0, 10)), { records: [], markers: [], nextOffset: null });
});

test('control batches are skipped but moved past; log-append-time batches use the broker time', () => {
  const control = batch(0, ['marker']);
  control.writeInt16BE(0x20, 21);
  const appended = batch(1, ['x', 'y']);
  appended.writeInt16BE(0x08, 21);
  appended.writeBigInt64BE(5_000n, 35);
  const { records, nextOffset } = decodeRecordSet(Buffer.concat([control, appended]));
  assert.deepEqual(
    records.map((r) => [r.offset, text(r.value), r.timestamp]),
    [
      [1, 'x', 5000],
      [2, 'y', 5000],
    ],
  );
  assert.equal(nextOffset, 3);
});

test('v0 and v1 messages; a v1 gzip wrapper carries relative inner offsets and the last absolute one', () => {
  const inner = Buffer.concat([
    legacyMessage(1, 0, Buffer.from('w0'), { key: 'a', timestamp: 7 }),
    legacyMessage(1, 1, Buffer.from('w1'), { timestamp: 8 }),
  ]);
  const set = Buffer.concat([
    legacyMessage(0, 40, Buffer.from('old')),
    legacyMessage(1, 41, Buffer.from('new'), { key: 'k', timestamp: 1234 }),
    legacyMessage(1, 43, gzipSync(inner), { attributes: 1, timestamp: 9 }),
  ]);
  const { records, nextOffset } = decodeRecordSet(set);
  assert.deepEqual(
    records.map((r) => [r.offset, text(r.key), text(r.value), r.timestamp]),
    [
      [40, null, 'old', null],
      [41, 'k', 'new', 1234],
      [42, 'a', 'w0', 7],
      [43, null, 'w1', 8],
    ],
  );
  assert.equal(nextOffset, 44);
});

test('a v1 wrapper stamped with log-append time gives that time to every inner message', () => {
  const inner = legacyMessage(1, 0, Buffer.from('w'), { timestamp: 7 });
  const wrapper = legacyMessage(1, 5, gzipSync(inner), { attributes: 1 | 0x08, timestamp: 99 });
  assert.deepEqual(
    decodeRecordSet(wrapper).records.map((r) => [r.offset, r.timestamp]),
    [[5, 99]],
  );
});

test('an unknown format is an error that names the magic byte and the offset', () => {
  const odd = batch(12, ['a']);
  odd.writeInt8(3, 16);
  assert.throws(() => decodeRecordSet(odd), /Unknown message format \(magic byte 3\) at offset 12/);
});

/** A batch in a transaction of producer 4000, epoch 3; a control batch holds its commit or abort marker. */
function transactional(baseOffset: number, values: string[], control?: 'commit' | 'abort'): Buffer {
  const bytes = Buffer.from(
    createRecordsBatch(
      control
        ? [{ topic: 't', key: Buffer.from([0, 0, 0, control === 'commit' ? 1 : 0]), value: Buffer.alloc(6) }]
        : values.map((value) => ({ topic: 't', value: Buffer.from(value) })),
      { compression: 'none', transactionalId: 'tx', producerId: 4000n, producerEpoch: 3 },
    ).buffer,
  );
  bytes.writeBigInt64BE(BigInt(baseOffset), 0);
  if (control) bytes.writeInt16BE(bytes.readInt16BE(21) | 0x20, 21);
  return bytes;
}

test('batch metadata: producer id and epoch, the transactional flag, and markers that are not records', () => {
  const { records, markers, nextOffset } = decodeRecordSet(
    Buffer.concat([
      transactional(0, ['a', 'b']),
      transactional(2, [], 'abort'),
      batch(3, ['plain']),
      transactional(4, ['c']),
      transactional(5, [], 'commit'),
    ]),
  );
  assert.deepEqual(
    records.map((r) => [r.offset, text(r.value), r.transactional, r.producerId, r.producerEpoch]),
    [
      [0, 'a', true, 4000, 3],
      [1, 'b', true, 4000, 3],
      [3, 'plain', false, null, null],
      [4, 'c', true, 4000, 3],
    ],
  );
  assert.deepEqual(markers, [
    { offset: 2, producerId: 4000, commit: false },
    { offset: 5, producerId: 4000, commit: true },
  ]);
  assert.equal(nextOffset, 6);
});

test('timestamp types: CreateTime, LogAppendTime (the broker time for every record), none for v0 and -1', () => {
  const appended = batch(0, ['a', 'b']);
  appended.writeInt16BE(appended.readInt16BE(21) | 0x08, 21);
  appended.writeBigInt64BE(77_000n, 35);
  const noTime = batch(2, ['c']);
  noTime.writeBigInt64BE(-1n, 27);
  const { records } = decodeRecordSet(
    Buffer.concat([
      appended,
      noTime,
      batch(3, ['d']),
      legacyMessage(1, 4, Buffer.from('e'), { timestamp: 5_000, attributes: 0x08 }),
      legacyMessage(1, 5, Buffer.from('f'), { timestamp: 6_000 }),
      legacyMessage(0, 6, Buffer.from('g')),
    ]),
  );
  assert.deepEqual(
    records.map((r) => [r.offset, r.timestamp, r.timestampType]),
    [
      [0, 77_000, 'LogAppendTime'],
      [1, 77_000, 'LogAppendTime'],
      [2, null, 'CreateTime'],
      [3, 1000, 'CreateTime'],
      [4, 5_000, 'LogAppendTime'],
      [5, 6_000, 'CreateTime'],
      [6, null, null],
    ],
  );
});
