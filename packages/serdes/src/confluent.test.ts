import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { SchemaRegistryConnection, SerdeBinding } from '@weir/plugin-sdk';
import avro from 'avsc';
import protobuf from 'protobufjs';
import { confluentSerde, readMessageIndexes, readSchemaId, writeMessageIndexes } from './confluent.ts';
import { RegistryClient } from './registry-client.ts';

/*
 * No Confluent-compatible registry can be installed on these machines, so this server answers as the
 * Confluent Schema Registry API is documented to (docs.confluent.io/platform/current/schema-registry/develop/api.html):
 * `GET /schemas/ids/{id}` gives `{"schema": …}` (no schemaType for Avro; "PROTOBUF" or "JSON" otherwise,
 * with `references`), `GET /subjects/{subject}/versions/{version}` adds subject, version and id, and
 * errors are `{"error_code": 40403, "message": "Schema 9 not found"}` (404), 40401 for a subject, and
 * 401 for bad credentials. What a real registry does beyond these documented answers is not tested here.
 */
const orderAvro = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'customer', type: 'string' },
  ],
};
const moneyProto =
  'syntax = "proto3";\npackage shop.common;\nmessage Money { string currency = 1; int64 units = 2; }\n';
const ordersProto = `syntax = "proto3";
package shop;
import "common/money.proto";
message Header { string trace = 1; }
message Payment { string id = 1; shop.common.Money amount = 2; message Leg { string account = 1; } repeated Leg legs = 3; }
`;
const byId: Record<string, unknown> = {
  '1': { schema: JSON.stringify(orderAvro) },
  '2': {
    schemaType: 'PROTOBUF',
    schema: ordersProto,
    references: [{ name: 'common/money.proto', subject: 'money', version: 1 }],
  },
  '3': {
    schemaType: 'JSON',
    schema: JSON.stringify({ type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } }),
  },
};
const subjects: Record<string, unknown> = {
  'money/versions/1': { subject: 'money', version: 1, id: 10, schemaType: 'PROTOBUF', schema: moneyProto },
  'orders-value/versions/latest': {
    subject: 'orders-value',
    version: 4,
    id: 1,
    schema: JSON.stringify(orderAvro),
  },
};

let server: Server;
let registry: SchemaRegistryConnection;
const requests: { url: string; authorization: string | undefined }[] = [];

function answer(req: IncomingMessage): { status: number; body: unknown } | null {
  if (req.headers.authorization !== `Basic ${Buffer.from('weir:s3cret').toString('base64')}`)
    return { status: 401, body: { error_code: 401, message: 'Unauthorized' } };
  const id = /^\/schemas\/ids\/(\d+)$/.exec(req.url ?? '')?.[1];
  if (id === '99') return null; // never answers
  if (id === '77') return { status: 404, body: '<html><body>Not Found</body></html>' }; // a proxy, not the registry
  if (id)
    return byId[id]
      ? { status: 200, body: byId[id] }
      : { status: 404, body: { error_code: 40403, message: `Schema ${id} not found` } };
  const subject = /^\/subjects\/(.+)$/.exec(req.url ?? '')?.[1];
  if (subject && subjects[subject]) return { status: 200, body: subjects[subject] };
  const name = subject?.split('/')[0];
  return { status: 404, body: { error_code: 40401, message: `Subject '${name}' not found.` } };
}

before(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const reply = answer(req);
    if (!reply) return;
    res.writeHead(reply.status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    username: 'weir',
    password: 's3cret',
  };
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const client = (connection = registry, timeoutMs = 2000) =>
  new RegistryClient(connection, { timeoutMs, cacheSize: 100 });
const framed = (id: number, payload: Uint8Array) => {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, payload]);
};
const binding = (part: 'key' | 'value' = 'value'): SerdeBinding => ({
  clusterId: 'c',
  topic: 'orders',
  part,
  registry,
});

test('message indexes follow Confluent: [0] is one 0 byte, others a zig-zag count and indexes', () => {
  assert.deepEqual([...writeMessageIndexes([0])], [0]);
  assert.deepEqual([...writeMessageIndexes([1])], [2, 2]);
  assert.deepEqual([...writeMessageIndexes([1, 0])], [4, 2, 0]);
  assert.deepEqual(readMessageIndexes(Uint8Array.of(0, 9)), { indexes: [0], offset: 1 });
  assert.deepEqual(readMessageIndexes(Uint8Array.of(4, 2, 0, 9)), { indexes: [1, 0], offset: 3 });
  assert.equal(readSchemaId(framed(258, Uint8Array.of())), 258);
  assert.throws(() => readSchemaId(Buffer.from('{"a":1}')), /magic byte 0.*starts with byte 123/);
});

test('Avro in the wire format decodes with the schema fetched once for many records', async () => {
  const serde = confluentSerde((r) => client(r));
  const decode = await serde.decoder(binding());
  const type = avro.Type.forSchema(orderAvro as avro.Schema);
  const before = requests.length;
  const decoded = await Promise.all(
    Array.from({ length: 20 }, (_, i) => decode(framed(1, type.toBuffer({ id: i, customer: `c${i}` })))),
  );
  assert.deepEqual(decoded[7], { value: { id: 7, customer: 'c7' }, schema: 'registry id 1' });
  assert.deepEqual(
    requests.slice(before).map((r) => r.url),
    ['/schemas/ids/1'],
  );
  assert.equal(requests.at(-1)?.authorization, `Basic ${Buffer.from('weir:s3cret').toString('base64')}`);
  assert.equal(serde.detects?.(framed(1, Uint8Array.of()), binding()), true);
  assert.equal(serde.detects?.(Buffer.from('{"id":1}'), binding()), false);
});

test('Protobuf in the wire format: message indexes pick the type, references are fetched by subject', async () => {
  const decode = await confluentSerde((r) => client(r)).decoder(binding());
  const root = new protobuf.Root();
  protobuf.parse(moneyProto, root, { keepCase: true });
  protobuf.parse(ordersProto, root, { keepCase: true });
  const payment = root.lookupType('shop.Payment');
  const leg = root.lookupType('shop.Payment.Leg');
  const paymentBytes = payment
    .encode(payment.fromObject({ id: 'p1', amount: { currency: 'EUR', units: 12 } }))
    .finish();
  const decoded = await decode(framed(2, Buffer.concat([Uint8Array.of(2, 2), paymentBytes])));
  assert.deepEqual(decoded.value, { id: 'p1', amount: { currency: 'EUR', units: '12' }, legs: [] });
  const legBytes = leg.encode(leg.fromObject({ account: 'NO93' })).finish();
  assert.deepEqual((await decode(framed(2, Buffer.concat([Uint8Array.of(4, 2, 0), legBytes])))).value, {
    account: 'NO93',
  });
  await assert.rejects(
    async () => decode(framed(2, Uint8Array.of(2, 10))),
    /message index 5 is past the 2 messages/,
  );
});

test('JSON Schema in the wire format decodes the JSON after the header', async () => {
  const decode = await confluentSerde((r) => client(r)).decoder(binding());
  assert.deepEqual((await decode(framed(3, Buffer.from('{"sku":"A-1"}')))).value, { sku: 'A-1' });
});

test('a schema id the registry does not have is an error that says so, and is not asked again at once', async () => {
  const decode = await confluentSerde((r) => client(r)).decoder(binding());
  await assert.rejects(
    async () => decode(framed(9, Uint8Array.of(1))),
    /schema id 9 is not in the registry at http:\/\/127\.0\.0\.1:\d+ \(error 40403: Schema 9 not found\)/,
  );
  const before = requests.length;
  await assert.rejects(async () => decode(framed(9, Uint8Array.of(1))), /40403/);
  assert.equal(requests.length, before, 'the 40403 was remembered');
});

test('wrong credentials, a registry that never answers and one that is not there say which', async () => {
  await assert.rejects(
    client({ ...registry, password: 'wrong' }).schemaById(1),
    /refused Weir's credentials \(HTTP 401 \(error 401: Unauthorized\)\); check the registry username, password or token/,
  );
  await assert.rejects(client(registry, 200).schemaById(99), /gave no answer within 200 ms/);
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(
    client({ url: `http://127.0.0.1:${port}` }).schemaById(1),
    /could not be reached \(.*ECONNREFUSED/,
  );
});

test('produce encodes with the latest schema of <topic>-value, framed with its id', async () => {
  const serde = confluentSerde((r) => client(r));
  const encode = await (serde.encoder?.(binding()) ?? assert.fail('no encoder'));
  const bytes = Buffer.from(await encode({ id: 5, customer: 'ada' }));
  assert.equal(readSchemaId(bytes), 1);
  assert.deepEqual(
    { ...avro.Type.forSchema(orderAvro as avro.Schema).fromBuffer(bytes.subarray(5)) },
    { id: 5, customer: 'ada' },
  );
  const keyEncode = await (serde.encoder?.(binding('key')) ?? assert.fail('no encoder'));
  await assert.rejects(
    async () => keyEncode('k'),
    /no subjects\/orders-key\/versions\/latest \(error 40401: Subject 'orders-key' not found\.\); register the subject's schema first/,
  );
});

test('a 404 that is not the registry’s (a proxy’s HTML page) says so, and is not remembered as "not found"', async () => {
  const registryClient = client();
  await assert.rejects(
    registryClient.schemaById(77),
    /answered HTTP 404 to GET \/schemas\/ids\/77 without a schema registry's error body \(it sent HTML\); check that the URL is the registry's base URL/,
  );
  const before = requests.length;
  await assert.rejects(registryClient.schemaById(77), /it sent HTML/);
  assert.equal(requests.length, before + 1, 'asked again');
});
