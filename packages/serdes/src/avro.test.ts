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

/** An Avro long as the specification writes it: zig-zag, then a base-128 varint. */
function avroLong(n: bigint): number[] {
  let v = n >= 0n ? n << 1n : (-n << 1n) - 1n;
  const bytes: number[] = [];
  while (v > 0x7fn) {
    bytes.push(Number((v & 0x7fn) | 0x80n));
    v >>= 7n;
  }
  bytes.push(Number(v));
  return bytes;
}

test('longs beyond 2^53 keep every digit: read as decimal strings, written from them', async () => {
  const big: UploadedSchema = {
    name: 'big',
    format: 'avro',
    files: [
      {
        path: 'b.avsc',
        content: JSON.stringify({ type: 'record', name: 'B', fields: [{ name: 'n', type: 'long' }] }),
      },
    ],
  };
  const b = { clusterId: 'c', topic: 't', part: 'value' as const, schema: big };
  const decode = await avroSerde.decoder(b);
  for (const n of [2n ** 53n + 1n, 2n ** 62n + 1n, -(2n ** 63n), 42n])
    assert.deepEqual((await decode(Uint8Array.from(avroLong(n)))).value, { n: n === 42n ? 42 : String(n) });
  const encode = await (avroSerde.encoder?.(b) ?? assert.fail('no encoder'));
  assert.deepEqual([...(await encode({ n: '9007199254740993' }))], avroLong(9007199254740993n));
  assert.throws(
    () => encode({ n: 2 ** 60 }),
    /beyond 2\^53, where JSON numbers lose digits; give it as a decimal string/,
  );
});

test('a field the schema does not have is refused, not dropped', async () => {
  const encode = await (avroSerde.encoder?.(binding) ?? assert.fail('no encoder'));
  assert.throws(
    () => encode({ id: 1, customer: 'x', note: null, ship_to: { city: 'Oslo', zip: '0150' }, extra: 1 }),
    /has no field \$\.ship_to\.zip, \$\.extra/,
  );
});
