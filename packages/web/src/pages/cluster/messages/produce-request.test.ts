import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResolvedSerde } from '../../../api/serdes.ts';
import { encodingSerde, toProduceRequest } from './produce-request.ts';

const protobuf: ResolvedSerde = {
  serde: 'protobuf',
  schema: 'payments',
  messageType: 'shop.Payment',
  rule: 0,
  canEncode: true,
};
const values = {
  key: 'k1',
  keyEncoding: 'text' as const,
  value: '{"id":"p1"}',
  valueEncoding: 'serde' as const,
  compression: 'none' as const,
};

test('a part set to the serde is sent as JSON text with the rule’s serde, schema and message type', () => {
  assert.deepEqual(toProduceRequest(values, null, { key: null, value: protobuf }), {
    messages: [{ key: 'k1', value: '{"id":"p1"}', headers: [], partition: undefined }],
    keyEncoding: 'text',
    valueEncoding: 'text',
    valueSerde: { serde: 'protobuf', schema: 'payments', messageType: 'shop.Payment' },
    compression: 'none',
  });
  const both = toProduceRequest({ ...values, keyEncoding: 'serde' }, null, {
    key: protobuf,
    value: protobuf,
  });
  assert.deepEqual(both.keySerde, { serde: 'protobuf', schema: 'payments', messageType: 'shop.Payment' });
  assert.equal(
    toProduceRequest({ ...values, valueEncoding: 'base64' }, null, { key: null, value: protobuf }).valueSerde,
    undefined,
  );
});

test('only serdes that encode, other than the raw view and automatic, are offered', () => {
  assert.equal(encodingSerde({ ...protobuf, canEncode: false }), null);
  assert.equal(encodingSerde({ ...protobuf, serde: 'raw' }), null);
  assert.equal(encodingSerde({ ...protobuf, serde: 'auto' }), null);
  assert.equal(encodingSerde(protobuf), protobuf);
});
