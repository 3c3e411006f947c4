import { crc32 } from 'node:zlib';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** Kafka's murmur2 (Utils.murmur2 in the Java client), as a signed 32-bit integer. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const byte = (i: number) => data[i] as number;
  let h = SEED ^ length;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = byte(i) | (byte(i + 1) << 8) | (byte(i + 2) << 16) | (byte(i + 3) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const tail = length % 4;
  if (tail === 3) h ^= byte(whole + 2) << 16;
  if (tail >= 2) h ^= byte(whole + 1) << 8;
  if (tail >= 1) {
    h ^= byte(whole);
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * librdkafka's FNV-1a (rd_fnv1a in rdfnv1a.c), as an unsigned 32-bit integer: 32-bit FNV-1a over the
 * bytes, then the absolute value of the hash read as a signed integer, to match Sarama's
 * NewHashPartitioner (so -2^31 stays 0x80000000).
 */
export function fnv1a(data: Uint8Array): number {
  let h = FNV_OFFSET | 0;
  for (const byte of data) h = Math.imul(h ^ byte, FNV_PRIME);
  return Math.abs(h) >>> 0;
}

/**
 * The partitioners a producer may have used, by librdkafka's `partitioner` names (the Java client's
 * default is `murmur2`): `murmur2` and `murmur2_random` hash as the Java client does;
 * `consistent` and `consistent_random` take CRC-32 (as zlib) modulo the partition count; `fnv1a`
 * and `fnv1a_random` take librdkafka's FNV-1a modulo the count. The `_random` forms differ only for
 * records without a key, except `consistent_random`, which also places an empty key at random.
 */
export const KEY_PARTITIONERS = [
  'murmur2',
  'murmur2_random',
  'consistent',
  'consistent_random',
  'fnv1a',
  'fnv1a_random',
] as const;
export type KeyPartitioner = (typeof KEY_PARTITIONERS)[number];

/** The partition Kafka's default partitioner gives a keyed record (BuiltInPartitioner.partitionForKey). */
export function partitionForKey(key: Uint8Array, partitionCount: number): number {
  return (murmur2(key) & 0x7fffffff) % partitionCount;
}

/**
 * The partition `partitioner` gives a record with `key` in a topic of `partitionCount` partitions
 * (0 to count − 1), as Kafka's Java client (BuiltInPartitioner.partitionForKey) and librdkafka
 * (rd_kafka_msg_partitioner_* in rdkafka_msg.c) compute it. Null when that partitioner places this
 * key at random: an empty key under `consistent_random`.
 */
export function hashedPartition(
  key: Uint8Array,
  partitionCount: number,
  partitioner: KeyPartitioner,
): number | null {
  switch (partitioner) {
    case 'murmur2':
    case 'murmur2_random':
      return partitionForKey(key, partitionCount);
    case 'consistent_random':
      return key.length === 0 ? null : crc32(key) % partitionCount;
    case 'consistent':
      return crc32(key) % partitionCount;
    case 'fnv1a':
    case 'fnv1a_random':
      return fnv1a(key) % partitionCount;
  }
}
