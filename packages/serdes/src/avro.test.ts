import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UploadedSchema } from '@weir/plugin-sdk';
import avro from 'avsc';
import { avroSerde, parseAvro } from './avro.ts';

const address = {
  type: 'record',
  name: 'Address',
  namespace: 'shop',
  fields: [{ name: 'city', type: 'string' }],
};
const order = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'customer', type: 'string' },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'ship_to', type: 'shop.Address' },
  ],
};
const schema: UploadedSchema = {
  name: 'orders',
  format: 'avro',
  files: [
    { path: 'order.avsc', content: JSON.stringify(order) },
    { path: 'address.avsc', content: JSON.stringify(address) },
  ],
};
const binding = { clusterId: 'c', topic: 'orders', part: 'value' as const, schema };

test('decodes bytes written by avsc on its own, in Avro JSON encoding, with a type from another file', async () => {
  const writer = avro.Type.forSchema(order as avro.Schema, {
    registry: { 'shop.Address': avro.Type.forSchema(address as avro.Schema) },
  });
  const bytes = writer.toBuffer({ id: 7, customer: 'ada', note: 'gift', ship_to: { city: 'Oslo' } });
  const decode = await avroSerde.decoder(binding);
  const decoded = await decode(bytes);
  assert.deepEqual(decoded.value, {
    id: 7,
    customer: 'ada',
    note: { string: 'gift' },
    ship_to: { city: 'Oslo' },
  });
  assert.equal(decoded.schema, 'orders');
});

test('encodes what it decodes, and an independent avsc reader reads it back', async () => {
  const encode = await (avroSerde.encoder?.(binding) ?? assert.fail('no encoder'));
  const bytes = await encode({ id: 9, customer: 'bo', note: null, ship_to: { city: 'Rome' } });
  const reader = avro.Type.forSchema(order as avro.Schema, {
    registry: { 'shop.Address': avro.Type.forSchema(address as avro.Schema) },
  });
  // avsc reads records into classes of its own; compare their JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(reader.fromBuffer(Buffer.from(bytes)))), {
    id: 9,
    customer: 'bo',
    note: null,
    ship_to: { city: 'Rome' },
  });
});

test('a value that does not fit names the fields', async () => {
  const encode = await (avroSerde.encoder?.(binding) ?? assert.fail('no encoder'));
  assert.throws(
    () => encode({ id: 'x', customer: 'bo', note: null, ship_to: { city: 'Rome' } }),
    /Avro schema/,
  );
});

test('describeSchema names the types, and a broken file is named in the error', () => {
  assert.deepEqual(avroSerde.describeSchema?.(schema), { types: ['shop.Address', 'shop.Order'] });
  assert.throws(
    () => parseAvro({ ...schema, files: [{ path: 'order.avsc', content: JSON.stringify(order) }] }),
    /order\.avsc: .*shop\.Address/,
  );
  assert.throws(
    () => parseAvro({ ...schema, files: [{ path: 'x.avsc', content: '{' }] }),
    /x\.avsc: is not JSON/,
  );
});
