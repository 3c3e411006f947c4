import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode } from '@msgpack/msgpack';
import { msgpackSerde } from './msgpack.ts';

const binding = { clusterId: 'c', topic: 't', part: 'value' as const };

test('MessagePack written by another encoder decodes to JSON: bytes as base64, big integers as text', async () => {
  const decode = await msgpackSerde.decoder(binding);
  const bytes = encode(
    { id: 7, blob: Uint8Array.of(1, 2, 3), big: 2n ** 60n, at: new Date(0), tags: ['a'] },
    { useBigInt64: true },
  );
  assert.deepEqual((await decode(bytes)).value, {
    id: 7,
    blob: 'AQID',
    big: '1152921504606846976',
    at: '1970-01-01T00:00:00.000Z',
    tags: ['a'],
  });
  await assert.rejects(async () => decode(Uint8Array.of(0xc1)), /not MessagePack/);
});

test('produce encodes a JSON value as MessagePack', async () => {
  const encode = await (msgpackSerde.encoder?.(binding) ?? assert.fail('no encoder'));
  const decode = await msgpackSerde.decoder(binding);
  assert.deepEqual((await decode(await encode({ a: [1, 'x', null] }))).value, { a: [1, 'x', null] });
});
