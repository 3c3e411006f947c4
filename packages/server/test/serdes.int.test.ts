import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ApiProblem,
  type Payload,
  type RenderedMessage,
  type SearchRequest,
  type WeirClient,
} from '@weir/api';
import { createTopic, type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import avro from 'avsc';
import protobuf from 'protobufjs';
import { createTestApp } from '../src/testing.ts';

/*
 * Serdes on real Kafka. Records are written by kcat from bytes that avsc and protobufjs encoded on
 * their own, outside Weir; what Weir produces is read back by kcat and decoded the same way. The
 * schema registry is a local server answering as Confluent's API documents (no Confluent-compatible
 * registry can be installed here): schema id 1 exists, every other id is error 40403.
 */

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
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'long' },
    { name: 'ship_to', type: 'shop.Address' },
  ],
};
const money =
  'syntax = "proto3";\npackage shop.common;\nmessage Money { string currency = 1; int64 units = 2; }\n';
const payment = `syntax = "proto3";
package shop;
import "common/money.proto";
enum Status { NEW = 0; PAID = 1; REFUNDED = 2; }
message Payment { string id = 1; shop.common.Money amount = 2; Status status = 3; }
`;

const avroType = () =>
  avro.Type.forSchema(order as avro.Schema, {
    registry: { 'shop.Address': avro.Type.forSchema(address as avro.Schema) },
  });
const paymentType = () => {
  const root = new protobuf.Root();
  protobuf.parse(money, root, { keepCase: true });
  protobuf.parse(payment, root, { keepCase: true });
  return root.lookupType('shop.Payment');
};
const CITIES = ['Oslo', 'Rome', 'Lima'];
const STATUSES = ['NEW', 'PAID', 'REFUNDED'];

let kafka: KafkaCluster;
let app: Awaited<ReturnType<typeof createTestApp>>;
let client: WeirClient;
let clusterId: string;
let registry: Server;
const registryAsked: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'weir-serdes-'));

/** Each buffer as one record, written by kcat (librdkafka) from a file of its own. */
function produceWithKcat(topic: string, values: Uint8Array[]) {
  const files = values.map((value, i) => {
    const file = join(scratch, `${topic}-${i}.bin`);
    writeFileSync(file, value);
    return file;
  });
  execFileSync('kcat', ['-P', '-b', kafka.bootstrapServers.plaintext, '-t', topic, '-p', '0', ...files], {
    stdio: 'pipe',
  });
}

/** The value bytes of one record as kcat reads them. */
function readWithKcat(topic: string, offset: number): Buffer {
  return execFileSync(
    'kcat',
    [
      '-C',
      '-b',
      kafka.bootstrapServers.plaintext,
      '-t',
      topic,
      '-p',
      '0',
      '-o',
      String(offset),
      '-c',
      '1',
      '-e',
      '-q',
      '-f',
      '%s',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

const framed = (schemaId: number, payload: Uint8Array) => {
  const header = Buffer.alloc(5);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, payload]);
};

async function oldest(topic: string): Promise<RenderedMessage[]> {
  const { messages } = await client.messages.browse(clusterId, topic, { from: 'oldest', limit: 100 });
  return messages.sort((a, b) => a.offset - b.offset);
}

async function search(topic: string, request: SearchRequest): Promise<RenderedMessage[]> {
  const found: RenderedMessage[] = [];
  for await (const event of await client.messages.search(clusterId, topic, request))
    if (event.type === 'match') found.push(event.message);
  return found;
}

const serdeOf = (payload: Payload) => (payload.kind === 'null' ? null : payload.serde);
const schemaOf = (payload: Payload) => (payload.kind === 'decoded' ? payload.schema : null);

const decodedValue = (payload: Payload) => {
  assert.equal(payload.kind, 'decoded', JSON.stringify(payload));
  return JSON.parse(payload.kind === 'decoded' ? payload.text : 'null');
};

before(async () => {
  registry = createServer((req, res) => {
    registryAsked.push(req.url ?? '');
    res.setHeader('content-type', 'application/vnd.schemaregistry.v1+json');
    if (req.url === '/schemas/ids/1') return res.end(JSON.stringify({ schema: JSON.stringify(address) }));
    const id = /^\/schemas\/ids\/(\d+)$/.exec(req.url ?? '')?.[1];
    res.statusCode = 404;
    res.end(
      JSON.stringify(
        id
          ? { error_code: 40403, message: `Schema ${id} not found` }
          : { error_code: 40401, message: 'Subject not found.' },
      ),
    );
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));

  kafka = await startKafkaCluster({ version: '3.9' });
  app = await createTestApp();
  client = await app.client();
  const { cluster } = await client.clusters.create({
    name: 'serdes',
    bootstrapServers: [kafka.bootstrapServers.plaintext],
    schemaRegistry: { url: `http://127.0.0.1:${(registry.address() as AddressInfo).port}` },
  });
  clusterId = cluster.id;
  for (const topic of ['orders.avro', 'payments.proto', 'confluent.wire'])
    await createTopic(kafka, topic, { partitions: 1 });

  await client.schemas.create({
    name: 'orders',
    format: 'avro',
    files: [
      { path: 'order.avsc', content: JSON.stringify(order) },
      { path: 'address.avsc', content: JSON.stringify(address) },
    ],
  });
  await client.schemas.create({
    name: 'payments',
    format: 'protobuf',
    files: [
      { path: 'payment.proto', content: payment },
      { path: 'common/money.proto', content: money },
    ],
  });
  await client.serdes.saveRules(clusterId, {
    rules: [
      { topics: 'orders.*', value: { serde: 'avro', schema: 'orders' } },
      { topics: 'payments.*', value: { serde: 'protobuf', schema: 'payments', messageType: 'shop.Payment' } },
    ],
  });

  const orders = avroType();
  produceWithKcat(
    'orders.avro',
    Array.from({ length: 9 }, (_, i) =>
      orders.toBuffer({ id: `o-${i}`, amount: i * 100, ship_to: { city: CITIES[i % 3] } }),
    ),
  );
  const payments = paymentType();
  produceWithKcat(
    'payments.proto',
    Array.from({ length: 9 }, (_, i) =>
      payments
        .encode(
          payments.fromObject({
            id: `p-${i}`,
            amount: { currency: 'EUR', units: i },
            status: STATUSES[i % 3],
          }),
        )
        .finish(),
    ),
  );
  produceWithKcat('confluent.wire', [
    framed(1, avro.Type.forSchema(address as avro.Schema).toBuffer({ city: 'Oslo' })),
    framed(9, Buffer.from('anything')),
  ]);
});
after(async () => {
  await app?.close();
  await kafka?.stop();
  registry?.closeAllConnections();
  registry?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('records written by independent encoders are browsed decoded and found by decoded fields', () => {
  test('Avro: each value decoded by the rule’s schema, with its import, and the serde named', async () => {
    const messages = await oldest('orders.avro');
    assert.equal(messages.length, 9);
    for (const [i, m] of messages.entries()) {
      assert.deepEqual(decodedValue(m.value), {
        id: `o-${i}`,
        amount: i * 100,
        ship_to: { city: CITIES[i % 3] },
      });
      assert.equal(serdeOf(m.value), 'avro');
      assert.equal(schemaOf(m.value), 'orders');
    }
    const rome = await search('orders.avro', {
      filters: [{ target: 'value', match: 'jsonPath', path: '$.ship_to.city', value: 'Rome' }],
    });
    assert.deepEqual(
      rome.map((m) => decodedValue(m.value).id),
      ['o-1', 'o-4', 'o-7'],
    );
  });

  test('Protobuf: enums by name, 64-bit integers as strings, and a filter on the decoded enum', async () => {
    const messages = await oldest('payments.proto');
    assert.equal(messages.length, 9);
    assert.deepEqual(decodedValue((messages[4] as RenderedMessage).value), {
      id: 'p-4',
      amount: { currency: 'EUR', units: '4' },
      status: 'PAID',
    });
    assert.equal(serdeOf((messages[4] as RenderedMessage).value), 'protobuf');
    const paid = await search('payments.proto', {
      filters: [{ target: 'value', match: 'jsonPath', path: '$.status', value: 'PAID' }],
    });
    assert.deepEqual(
      paid.map((m) => decodedValue(m.value).id),
      ['p-1', 'p-4', 'p-7'],
    );
  });
});

describe('produce encodes through the serde, and an independent decoder reads the bytes Kafka holds', () => {
  test('Avro', async () => {
    const written = await client.messages.produce(clusterId, 'orders.avro', {
      messages: [{ value: JSON.stringify({ id: 'w-1', amount: 4200, ship_to: { city: 'Kyiv' } }) }],
      valueSerde: { serde: 'avro', schema: 'orders' },
    });
    const bytes = readWithKcat('orders.avro', written.partitions[0]?.baseOffset ?? -1);
    // avsc reads records into classes of its own; compare their JSON.
    assert.deepEqual(JSON.parse(JSON.stringify(avroType().fromBuffer(bytes))), {
      id: 'w-1',
      amount: 4200,
      ship_to: { city: 'Kyiv' },
    });
  });

  test('Protobuf', async () => {
    const written = await client.messages.produce(clusterId, 'payments.proto', {
      messages: [
        {
          value: JSON.stringify({
            id: 'w-2',
            amount: { currency: 'NOK', units: '9007199254740993' },
            status: 'REFUNDED',
          }),
        },
      ],
      valueSerde: { serde: 'protobuf', schema: 'payments', messageType: 'shop.Payment' },
    });
    const bytes = readWithKcat('payments.proto', written.partitions[0]?.baseOffset ?? -1);
    const read = paymentType().toObject(paymentType().decode(bytes), { longs: String, enums: String });
    assert.deepEqual(read, {
      id: 'w-2',
      amount: { currency: 'NOK', units: '9007199254740993' },
      status: 'REFUNDED',
    });
  });

  test('a value that does not fit the schema is refused with what is wrong, and nothing is written', async () => {
    const before = (await oldest('payments.proto')).length;
    await assert.rejects(
      client.messages.produce(clusterId, 'payments.proto', {
        messages: [{ value: JSON.stringify({ id: 'w-3', status: 'LOST', amunt: 1 }) }],
        valueSerde: { serde: 'protobuf', schema: 'payments', messageType: 'shop.Payment' },
      }),
      (error: unknown) =>
        error instanceof ApiProblem &&
        error.status === 400 &&
        /status: give one of NEW, PAID, REFUNDED/.test(error.message) &&
        /amunt: Payment has no such field/.test(error.message),
    );
    assert.equal((await oldest('payments.proto')).length, before);
  });
});

test('Confluent wire format: the registry’s schema decodes; an id it does not have is shown raw, with why', async () => {
  const [known, unknown] = await oldest('confluent.wire');
  assert.ok(known && unknown);
  assert.deepEqual(decodedValue(known.value), { city: 'Oslo' });
  assert.equal(serdeOf(known.value), 'confluent');
  assert.equal(schemaOf(known.value), 'registry id 1');
  const raw = unknown.value;
  assert.ok(raw.kind === 'text' || raw.kind === 'binary', `shown raw, not ${raw.kind}`);
  assert.equal(raw.serde, 'raw');
  assert.match(
    raw.decodeError ?? '',
    /confluent: schema id 9 is not in the registry at http:\/\/127\.0\.0\.1:\d+ \(error 40403: Schema 9 not found\)/,
  );
  assert.equal(
    registryAsked.filter((url) => url === '/schemas/ids/1').length,
    1,
    'schema id 1 was fetched once',
  );
});

test('a registry URL with credentials in it is refused without echoing them; they belong in username and password', async () => {
  await assert.rejects(
    client.clusters.create({
      name: 'leaky',
      bootstrapServers: [kafka.bootstrapServers.plaintext],
      schemaRegistry: { url: 'http://u:URLPASS-777@127.0.0.1:18081' },
    }),
    (error: unknown) =>
      error instanceof ApiProblem &&
      error.status === 400 &&
      /schemaRegistry\.url: holds a username or password/.test(error.message) &&
      !JSON.stringify(error).includes('URLPASS-777'),
  );
});

test('a rule the serde cannot read with is refused when saved, with the serde’s reason', async () => {
  await assert.rejects(
    client.serdes.saveRules(clusterId, {
      rules: [{ topics: 'payments.*', value: { serde: 'protobuf', schema: 'payments' } }],
    }),
    (error: unknown) =>
      error instanceof ApiProblem &&
      error.status === 400 &&
      /body\.rules\[0\]\.value: the protobuf serde cannot read with this choice: name the message type \(messageType\); the schema defines shop\.Payment, shop\.common\.Money/.test(
        error.message,
      ),
  );
  // The rules stored before are unchanged.
  assert.equal((await client.serdes.rules(clusterId)).rules[1]?.value?.messageType, 'shop.Payment');
});

test('an integer beyond 2^53 in the JSON to encode is refused before JSON rounds it; as a string it is written exactly', async () => {
  await assert.rejects(
    client.messages.produce(clusterId, 'orders.avro', {
      messages: [{ value: '{"id": "w-9", "amount": 12345678901234567890, "ship_to": {"city": "Oslo"}}' }],
      valueSerde: { serde: 'avro', schema: 'orders' },
    }),
    (error: unknown) =>
      error instanceof ApiProblem &&
      /body\.messages\[0\]\.value: 12345678901234567890 is beyond 2\^53, where JSON numbers lose digits; give it as a decimal string/.test(
        error.message,
      ),
  );
  const written = await client.messages.produce(clusterId, 'orders.avro', {
    messages: [{ value: '{"id": "w-9", "amount": "9223372036854775807", "ship_to": {"city": "Oslo"}}' }],
    valueSerde: { serde: 'avro', schema: 'orders' },
  });
  const { messages } = await client.messages.browse(clusterId, 'orders.avro', {
    from: 'offset',
    offset: written.partitions[0]?.baseOffset ?? 0,
    partition: 0,
    limit: 1,
  });
  assert.equal(decodedValue((messages[0] as RenderedMessage).value).amount, '9223372036854775807');
});
