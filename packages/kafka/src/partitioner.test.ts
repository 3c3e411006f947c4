import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fnv1a, hashedPartition, murmur2, partitionForKey } from './partitioner.ts';

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

// librdkafka's own unittest_fnv1a vectors (rdfnv1a.c), taken from Go's hash/fnv with Sarama's abs.
const fnvVectors: [string, number][] = [
  ['kafka', 0xd33c4e1],
  ['giberish123456789', 0x77a58295],
  ['1234', 0x23bdd03],
  ['234', 0x2dea3cd2],
  ['34', 0x740fa83e],
  ['4', 0x310ca263],
  ['PreAmbleWillBeRemoved,ThePrePartThatIs', 0x65cbd69c],
  ['reAmbleWillBeRemoved,ThePrePartThatIs', 0x6e49c79a],
  ['eAmbleWillBeRemoved,ThePrePartThatIs', 0x69eed356],
  ['AmbleWillBeRemoved,ThePrePartThatIs', 0x6abcc023],
  ['', 0x7ee3623b],
];

test('fnv1a matches librdkafka on its own test vectors', () => {
  for (const [input, expected] of fnvVectors) assert.equal(fnv1a(Buffer.from(input)), expected, input);
});

test('fnv1a takes the absolute value of a negative hash, as librdkafka does', () => {
  // Plain FNV-1a 32 of "a" is 0xe40c292c, negative as a signed integer; librdkafka answers its abs.
  assert.equal(fnv1a(Buffer.from('a')), -(0xe40c292c | 0));
});

test('each partitioner puts a key where librdkafka would', () => {
  // CRC-32 of "123456789" is 0xcbf43926 (the standard check value).
  assert.equal(hashedPartition(Buffer.from('123456789'), 7, 'consistent'), 0xcbf43926 % 7);
  assert.equal(hashedPartition(Buffer.from('123456789'), 7, 'consistent_random'), 0xcbf43926 % 7);
  assert.equal(hashedPartition(Buffer.from('kafka'), 10, 'fnv1a'), 0xd33c4e1 % 10);
  assert.equal(hashedPartition(Buffer.from('kafka'), 10, 'fnv1a_random'), 0xd33c4e1 % 10);
  assert.equal(
    hashedPartition(Buffer.from('foobar'), 12, 'murmur2_random'),
    partitionForKey(Buffer.from('foobar'), 12),
  );
  assert.equal(
    hashedPartition(Buffer.from('foobar'), 12, 'murmur2'),
    partitionForKey(Buffer.from('foobar'), 12),
  );
});

test('consistent_random places an empty key at random, so no partition can be named', () => {
  assert.equal(hashedPartition(Buffer.alloc(0), 6, 'consistent_random'), null);
  assert.equal(hashedPartition(Buffer.alloc(0), 6, 'consistent'), 0);
});
