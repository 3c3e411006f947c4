import assert from 'node:assert/strict';
import { test } from 'node:test';
import { murmur2, partitionForKey } from './partitioner.ts';

// The vectors of Kafka's own UtilsTest.testMurmur2.
const vectors: [string, number][] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

test('murmur2 matches the Java client on its own test vectors', () => {
  for (const [input, expected] of vectors) assert.equal(murmur2(Buffer.from(input)), expected, input);
});

test('a key maps to the positive hash modulo the partition count', () => {
  assert.equal(partitionForKey(Buffer.from('foobar'), 12), (-790332482 & 0x7fffffff) % 12);
  for (let n = 1; n < 40; n++) {
    const p = partitionForKey(Buffer.from(`key-${n}`), n);
    assert.ok(p >= 0 && p < n);
  }
});
