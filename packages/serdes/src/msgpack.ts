import { decode, encode } from '@msgpack/msgpack';
import type { Serde } from '@weir/plugin-sdk';
import { toJsonValue } from './json-value.ts';

/**
 * MessagePack (msgpack.org): binary values shown as base64, timestamps (extension -1) as ISO 8601,
 * 64-bit integers beyond 2^53 as decimal strings. It cannot be recognised from its bytes, so only a
 * rule chooses it.
 */
export const msgpackSerde: Serde = {
  id: 'msgpack',
  title: 'MessagePack',
  description: 'MessagePack; binary shown as base64, timestamps as ISO 8601',
  decoder: () => (bytes) => {
    try {
      return { value: toJsonValue(decode(bytes, { useBigInt64: true })) };
    } catch (error) {
      throw new Error(`not MessagePack: ${(error as Error).message}`);
    }
  },
  encoder: () => (value) => encode(value),
};
