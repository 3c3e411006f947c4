import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UploadedSchema } from '@weir/plugin-sdk';
import protobuf from 'protobufjs';
import { parseProto, protobufSerde } from './protobuf.ts';

const money = `syntax = "proto3";
package shop.common;
message Money { string currency = 1; int64 units = 2; }
`;
const order = `syntax = "proto3";
package shop;
import "common/money.proto";
import "google/protobuf/timestamp.proto";
enum Status { NEW = 0; PAID = 1; }
message Order {
  string id = 1;
  shop.common.Money total = 2;
  Status status = 3;
  google.protobuf.Timestamp placed_at = 4;
  bytes blob = 5;
}
message Refund { string order_id = 1; }
`;
const schema: UploadedSchema = {
  name: 'shop',
  format: 'protobuf',
  files: [
    { path: 'order.proto', content: order },
    { path: 'common/money.proto', content: money },
  ],
};

/** The same .proto files parsed by protobufjs on its own, as a producer would. */
function independentType(name: string) {
  const root = new protobuf.Root();
  protobuf.parse(money, root, { keepCase: true });
  protobuf.parse(order.replace(/import "google[^\n]*\n/, ''), root, { keepCase: true });
  root.addJSON(
    (protobuf.common as unknown as { get(f: string): { nested: protobuf.INamespace['nested'] } }).get(
      'google/protobuf/timestamp.proto',
    )?.nested ?? {},
  );
  return root.lookupType(name);
}

test('decodes bytes written by protobufjs on its own, with an uploaded import and a well-known type', async () => {
  const writer = independentType('shop.Order');
  const bytes = writer
    .encode(
      writer.fromObject({
        id: 'o-1',
        total: { currency: 'EUR', units: '9007199254740993' },
        status: 'PAID',
        placed_at: { seconds: 1700000000, nanos: 0 },
        blob: Buffer.from([1, 2, 3]),
      }),
    )
    .finish();
  const decode = await protobufSerde.decoder({
    clusterId: 'c',
    topic: 't',
    part: 'value',
    schema,
    messageType: 'shop.Order',
  });
  const decoded = await decode(bytes);
  assert.deepEqual(decoded.value, {
    id: 'o-1',
    total: { currency: 'EUR', units: '9007199254740993' },
    status: 'PAID',
    placed_at: { seconds: '1700000000', nanos: 0 },
    blob: 'AQID',
  });
  assert.equal(decoded.schema, 'shop (shop.Order)');
});

test('encodes a JSON value that an independent protobufjs reader reads back', async () => {
  const encode = await (protobufSerde.encoder?.({
    clusterId: 'c',
    topic: 't',
    part: 'value',
    schema,
    messageType: 'shop.Refund',
  }) ?? assert.fail('no encoder'));
  const bytes = await encode({ order_id: 'o-1' });
  assert.equal(independentType('shop.Refund').decode(bytes).toJSON().order_id, 'o-1');
  assert.throws(() => encode({ order_id: 5 }), /does not fit shop\.Refund: order_id: give a string/);
});

test('lists the message types, asks for one when there are several, and names a missing import', () => {
  assert.deepEqual(parseProto(schema).types, ['shop.Order', 'shop.Refund', 'shop.common.Money']);
  assert.throws(
    () => protobufSerde.decoder({ clusterId: 'c', topic: 't', part: 'value', schema }),
    /name the message type/,
  );
  assert.throws(
    () => parseProto({ ...schema, files: [{ path: 'order.proto', content: order }] }),
    /order\.proto imports "common\/money\.proto", which was not uploaded/,
  );
  assert.throws(
    () => parseProto({ ...schema, files: [{ path: 'bad.proto', content: 'message {' }] }),
    /bad\.proto: /,
  );
});

test('a value with a field the message lacks, or a wrong enum, is refused instead of dropped', async () => {
  const encode = await (protobufSerde.encoder?.({
    clusterId: 'c',
    topic: 't',
    part: 'value',
    schema,
    messageType: 'shop.Order',
  }) ?? assert.fail('no encoder'));
  assert.throws(
    () => encode({ id: 'o', stauts: 'PAID', status: 'LOST', total: { units: 1.5 } }),
    /stauts: Order has no such field; status: give one of NEW, PAID; total\.units: give an integer/,
  );
});

test('integers outside their type’s range are refused, not wrapped', async () => {
  const counters: UploadedSchema = {
    name: 'counters',
    format: 'protobuf',
    files: [
      {
        path: 'c.proto',
        content: 'syntax = "proto3";\nmessage C { int32 qty = 1; int64 big = 2; uint64 ubig = 3; }\n',
      },
    ],
  };
  const encode = await (protobufSerde.encoder?.({
    clusterId: 'c',
    topic: 't',
    part: 'value',
    schema: counters,
  }) ?? assert.fail('no encoder'));
  assert.throws(
    () => encode({ qty: 4294967296 }),
    /qty: 4294967296 is outside int32's range -2147483648 to 2147483647/,
  );
  assert.throws(
    () => encode({ big: '18446744073709551616' }),
    /big: 18446744073709551616 is outside int64's range/,
  );
  assert.throws(() => encode({ ubig: '-1' }), /ubig: -1 is outside uint64's range 0 to 18446744073709551615/);
  assert.throws(() => encode({ big: 2 ** 60 }), /big: give an integer, as a decimal string beyond 2\^53/);
  const decode = await protobufSerde.decoder({ clusterId: 'c', topic: 't', part: 'value', schema: counters });
  const bytes = await encode({ qty: -5, big: '-9223372036854775808', ubig: '18446744073709551615' });
  assert.deepEqual((await decode(bytes)).value, {
    qty: -5,
    big: '-9223372036854775808',
    ubig: '18446744073709551615',
  });
});
