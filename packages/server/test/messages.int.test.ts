import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { partitionForKey } from '@weir/kafka';
import { createTopic, type KafkaCluster, runKafkaTool, startKafkaCluster } from '@weir/testkit';
import { createTestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';

type Json = AnyBody;

let app: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;

const api = apiClient(
  () => app,
  () => cookie,
);

async function onboard(kafka: KafkaCluster, name: string): Promise<(path: string) => string> {
  const added = await api('POST', '/clusters', {
    name,
    bootstrapServers: kafka.bootstrapServers.plaintext.split(','),
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  return (path) => `/clusters/${added.body.cluster.id}${path}`;
}

/** Keyed lines through Kafka's own console producer, so Kafka's Java partitioner places them. */
async function produceWithKafka(kafka: KafkaCluster, topic: string, lines: string[]) {
  await runKafkaTool(
    kafka.version,
    'kafka-console-producer',
    [
      '--bootstrap-server',
      kafka.bootstrapServers.plaintext,
      '--topic',
      topic,
      '--property',
      'parse.key=true',
      '--property',
      'key.separator=|',
    ],
    { input: `${lines.join('\n')}\n` },
  );
}

/** What Kafka's console consumer prints for a topic: `partition|key|value` per record. */
async function consumeWithKafka(kafka: KafkaCluster, topic: string, count: number): Promise<string[]> {
  const output = await runKafkaTool(kafka.version, 'kafka-console-consumer', [
    '--bootstrap-server',
    kafka.bootstrapServers.plaintext,
    '--topic',
    topic,
    '--from-beginning',
    '--max-messages',
    String(count),
    '--timeout-ms',
    '20000',
    '--property',
    'print.partition=true',
    '--property',
    'print.key=true',
    '--property',
    'print.headers=true',
  ]);
  return output.trim().split('\n').sort();
}

const events = (body: Json[], type: string) => body.filter((e) => e.type === type);
const matches = (body: Json[]) => events(body, 'match').map((e) => e.message);
const endOf = (body: Json[]) => events(body, 'end')[0] as Json;

before(async () => {
  app = await createTestApp();
  cookie = await app.login();
});
after(async () => {
  await app?.close();
});

describe('messages on Kafka 4.1 (Fetch by topic id)', () => {
  let kafka: KafkaCluster;
  let cluster: (path: string) => string;

  before(async () => {
    kafka = await startKafkaCluster({ version: '4.1', brokers: 1 });
    cluster = await onboard(kafka, 'messages-41');
    await createTopic(kafka, 'orders', { partitions: 6 });
    const orders = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify({ order: { id: `O-${i}`, total: i % 50, region: i % 3 === 0 ? 'eu' : 'us' } }),
    );
    await produceWithKafka(
      kafka,
      'orders',
      orders.map((value, i) => `customer-${i % 40}|${value}`),
    );
  });
  after(async () => {
    await kafka?.stop();
  });

  test('produce writes keyed records where Kafka would, with headers, and Kafka reads them back', async () => {
    await createTopic(kafka, 'produced', { partitions: 4 });
    const written = await api('POST', cluster('/topics/produced/messages'), {
      messages: [
        { key: 'alpha', value: 'first', headers: [{ name: 'source', value: 'weir' }] },
        { key: 'beta', value: '{"n":2}' },
        { value: 'unkeyed', partition: 3 },
      ],
    });
    assert.equal(written.status, 201, JSON.stringify(written.body));
    assert.equal(written.body.written, 3);
    const seen = await consumeWithKafka(kafka, 'produced', 3);
    const alpha = partitionForKey(Buffer.from('alpha'), 4);
    const beta = partitionForKey(Buffer.from('beta'), 4);
    assert.ok(
      seen.some((line) => line.startsWith(`Partition:${alpha}\tsource:weir\talpha\tfirst`)),
      seen.join('\n'),
    );
    assert.ok(
      seen.some((line) => line.startsWith(`Partition:${beta}\t`) && line.endsWith('beta\t{"n":2}')),
      seen.join('\n'),
    );
    assert.ok(
      seen.some((line) => line.startsWith('Partition:3\t') && line.endsWith('unkeyed')),
      seen.join('\n'),
    );

    const audit = await api('GET', '/audit?action=message.produce');
    assert.equal(audit.body.entries[0].after.messages, 3);
  });

  test('browse from the newest, the oldest, an offset and a timestamp, per partition or all', async () => {
    const newest = await api('GET', cluster('/topics/orders/messages?limit=10'));
    assert.equal(newest.status, 200, JSON.stringify(newest.body));
    assert.equal(newest.body.messages.length, 10);
    const times = newest.body.messages.map((m: Json) => m.timestamp);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const first = newest.body.messages[0];
    assert.equal(first.value.kind, 'json');
    assert.match(first.key.text, /^customer-\d+$/);

    const oldest = await api('GET', cluster('/topics/orders/messages?from=oldest&partition=2&limit=5'));
    assert.deepEqual(
      oldest.body.messages.map((m: Json) => [m.partition, m.offset]),
      [0, 1, 2, 3, 4].map((o) => [2, o]),
    );
    const fromOffset = await api(
      'GET',
      cluster('/topics/orders/messages?from=offset&offset=3&partition=2&limit=2'),
    );
    assert.deepEqual(
      fromOffset.body.messages.map((m: Json) => m.offset),
      [3, 4],
    );
    const future = await api(
      'GET',
      cluster(`/topics/orders/messages?from=timestamp&timestamp=${Date.now() + 60_000}`),
    );
    assert.deepEqual(future.body.messages, []);
    const sinceStart = await api(
      'GET',
      cluster('/topics/orders/messages?from=timestamp&timestamp=0&limit=500'),
    );
    assert.equal(sinceStart.body.messages.length, 300);

    const missing = await api('GET', cluster('/topics/orders/messages?partition=9'));
    assert.equal(missing.status, 400);
    assert.match(missing.body.detail, /partitions 0 to 5; partition 9 does not exist/);
    const noTopic = await api('GET', cluster('/topics/nope/messages'));
    assert.equal(noTopic.status, 404);
  });

  test('binary values come back as base64, text and JSON as text, big values cut', async () => {
    await createTopic(kafka, 'mixed', { partitions: 1 });
    const produced = await api('POST', cluster('/topics/mixed/messages'), {
      valueEncoding: 'hex',
      messages: [{ key: null, value: '00ff10' }],
    });
    assert.equal(produced.status, 201);
    await api('POST', cluster('/topics/mixed/messages'), { messages: [{ value: 'x'.repeat(5000) }] });
    const browsed = await api('GET', cluster('/topics/mixed/messages?from=oldest&maxValueBytes=100'));
    const [binary, long] = browsed.body.messages;
    assert.deepEqual(binary.value, {
      kind: 'binary',
      base64: 'AP8Q',
      size: 3,
      truncated: false,
      serde: 'raw',
    });
    assert.equal(binary.key.kind, 'null');
    assert.equal(long.value.truncated, true);
    assert.equal(long.value.size, 5000);
    assert.equal(long.value.text.length, 100);
  });

  test('search streams matches and progress, filters on value, JSON path and regex', async () => {
    const eu = await api('POST', cluster('/topics/orders/messages/search'), {
      filters: [{ target: 'value', match: 'jsonPath', path: '$.order.region', value: 'eu' }],
    });
    assert.equal(eu.status, 200);
    assert.equal(eu.body[0].type, 'start');
    assert.equal(matches(eu.body).length, 100);
    const end = endOf(eu.body);
    assert.equal(end.reason, 'end');
    assert.equal(end.progress.scanned, 300);
    assert.equal(end.progress.matched, 100);
    assert.ok(end.progress.partitions.every((p: Json) => p.done && p.position === p.end));

    const regex = await api('POST', cluster('/topics/orders/messages/search'), {
      filters: [
        { target: 'value', match: 'regex', value: '"id":"O-1\\d"' },
        { target: 'key', match: 'contains', value: 'customer-1' },
      ],
    });
    const ids = matches(regex.body)
      .map((m: Json) => JSON.parse(m.value.text).order.id)
      .sort();
    const expected = Array.from({ length: 10 }, (_, i) => `O-1${i}`).filter(
      (id) => Number(id.slice(2)) % 40 >= 10 && Number(id.slice(2)) % 40 < 20,
    );
    assert.deepEqual(ids, expected);
  });

  test('a search that stops at its limit or budget resumes from its cursor and misses nothing', async () => {
    const seen = new Set<string>();
    let request: Json = {
      filters: [{ target: 'value', match: 'contains', value: '"total":7' }],
      maxMatches: 2,
    };
    let rounds = 0;
    for (;;) {
      const answer = await api('POST', cluster('/topics/orders/messages/search'), request);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      for (const m of matches(answer.body)) seen.add(`${m.partition}:${m.offset}`);
      const end = endOf(answer.body);
      rounds++;
      if (end.reason === 'end') break;
      assert.equal(end.reason, 'limit');
      request = { filters: request.filters, maxMatches: 2, cursor: { partitions: end.progress.partitions } };
    }
    // Totals 7 and 7+50k: orders 7, 57, 107, 157, 207, 257.
    assert.equal(seen.size, 6);
    assert.ok(rounds >= 3);

    const budgeted = await api('POST', cluster('/topics/orders/messages/search'), {
      filters: [{ target: 'value', match: 'contains', value: 'nothing-like-this' }],
      maxScanned: 1,
      partitions: [0],
    });
    const stopped = endOf(budgeted.body);
    assert.equal(stopped.reason, 'scan-budget');
    assert.equal(stopped.progress.scanned, 1);
    const [position] = stopped.progress.partitions;
    assert.equal(position.done, false);
    assert.equal(position.position, 1);
  });

  test('a key lookup reads only the partition Kafka put the key in', async () => {
    const answer = await api('POST', cluster('/topics/orders/messages/search'), {
      key: { value: 'customer-7', encoding: 'text' },
    });
    const start = answer.body[0];
    assert.equal(start.keyPartition, partitionForKey(Buffer.from('customer-7'), 6));
    assert.deepEqual(
      start.partitions.map((p: Json) => p.partition),
      [start.keyPartition],
    );
    const found = matches(answer.body);
    // Orders 7, 47, 87 … 287 went to customer-7.
    assert.equal(found.length, 8);
    assert.ok(found.every((m: Json) => m.key.text === 'customer-7' && m.partition === start.keyPartition));
  });

  test('regexes RE2 cannot run and bad JSON paths are refused before any reading', async () => {
    const backreference = await api('POST', cluster('/topics/orders/messages/search'), {
      filters: [{ target: 'value', match: 'regex', value: '(a+)\\1' }],
    });
    assert.equal(backreference.status, 400);
    assert.match(backreference.body.detail, /filters\[0\]: the regex .* is not valid RE2/);
    const badPath = await api('POST', cluster('/topics/orders/messages/search'), {
      filters: [{ target: 'value', match: 'jsonPath', path: 'order.id', value: 'x' }],
    });
    assert.equal(badPath.status, 400);
    assert.match(badPath.body.detail, /starts with "\$"/);
  });

  test('live tail streams records produced after it started', async () => {
    await createTopic(kafka, 'live', { partitions: 2 });
    await api('POST', cluster('/topics/live/messages'), { messages: [{ value: 'before' }] });
    const tail = api('POST', cluster('/topics/live/messages/search'), { follow: true, maxMs: 6000 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await api('POST', cluster('/topics/live/messages'), { messages: [{ key: 'k', value: 'after' }] });
    const answer = await tail;
    assert.deepEqual(
      matches(answer.body).map((m: Json) => m.value.text),
      ['after'],
    );
    assert.equal(endOf(answer.body).reason, 'time-budget');
  });

  test('export gives the matches as CSV and JSON files', async () => {
    const csv = await api('POST', cluster('/topics/orders/messages/export'), {
      format: 'csv',
      key: { value: 'customer-7', encoding: 'text' },
    });
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-disposition']), /orders-messages\.csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    assert.equal(
      lines[0],
      'partition,offset,timestamp,timestamp_type,key,key_encoding,value,value_encoding,headers',
    );
    assert.equal(lines.length, 9);
    assert.match(
      lines[1] as string,
      /^\d+,\d+,\d{4}-\d\d-\d\dT[^,]+,CreateTime,customer-7,utf8,"\{""order""/,
    );
    const json = await api('POST', cluster('/topics/orders/messages/export'), {
      format: 'json',
      filters: [{ target: 'value', match: 'contains', value: '"O-299"' }],
    });
    assert.equal(json.body.length, 1);
    assert.equal(JSON.parse(json.body[0].value.text).order.id, 'O-299');
  });

  test('each search and export is one audit entry on its cluster and topic; browsing pages writes none', async () => {
    const id = cluster('').split('/')[2];
    const entries = async () =>
      (await api('GET', `/audit?cluster=${id}&limit=500`)).body.entries as AnyBody[];
    const before = (await entries()).length;
    for (let page = 0; page < 3; page++)
      assert.equal((await api('GET', cluster('/topics/orders/messages?limit=5'))).status, 200);
    assert.equal((await entries()).length, before, 'browsing wrote audit entries');

    await api('POST', cluster('/topics/orders/messages/search'), { filters: [] });
    await api('POST', cluster('/topics/orders/messages/export'), { format: 'json', filters: [] });
    const [exported, searched, ...rest] = await entries();
    assert.equal(rest.length, before);
    assert.deepEqual(
      [exported, searched].map((e) => [e.action, e.cluster, e.target, e.result]),
      [
        ['message.export', 'messages-41', 'orders', 'success'],
        ['message.search', 'messages-41', 'orders', 'success'],
      ],
    );
    assert.equal(exported.after.format, 'json');
  });

  test('compressed batches are produced and read back', async () => {
    await createTopic(kafka, 'compressed', { partitions: 1 });
    for (const compression of ['gzip', 'snappy', 'lz4', 'zstd']) {
      const written = await api('POST', cluster('/topics/compressed/messages'), {
        compression,
        messages: Array.from({ length: 20 }, (_, i) => ({ value: `${compression}-${i}` })),
      });
      assert.equal(written.status, 201, `${compression}: ${JSON.stringify(written.body)}`);
    }
    const all = await api('GET', cluster('/topics/compressed/messages?from=oldest&limit=100'));
    assert.equal(all.body.messages.length, 80);
    assert.equal(all.body.messages[79].value.text, 'zstd-19');
  });

  test("a message larger than the topic allows is refused with Kafka's reason; bad input says what", async () => {
    const created = await api('POST', cluster('/topics'), {
      name: 'small',
      partitions: 1,
      replicationFactor: 1,
      configs: { 'max.message.bytes': '1000' },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const tooBig = await api('POST', cluster('/topics/small/messages'), {
      messages: [{ value: 'y'.repeat(5000) }],
    });
    assert.equal(tooBig.status, 400, JSON.stringify(tooBig.body));
    assert.match(tooBig.body.detail, /MESSAGE_TOO_LARGE|RECORD_LIST_TOO_LARGE/);
    const empty = await api('GET', cluster('/topics/small/messages?from=oldest'));
    assert.deepEqual(empty.body.messages, []);

    const badHex = await api('POST', cluster('/topics/small/messages'), {
      valueEncoding: 'hex',
      messages: [{ value: 'zz' }],
    });
    assert.equal(badHex.status, 400);
    assert.deepEqual(badHex.body.problems, [
      'body.messages[0].value: is not hex: use pairs of 0-9 and a-f, e.g. 6869 for "hi" (encoding "hex").',
    ]);
    const badPartition = await api('POST', cluster('/topics/small/messages'), {
      messages: [{ value: 'a', partition: 4 }],
    });
    assert.equal(badPartition.status, 400);
    assert.match(badPartition.body.detail, /partitions 0 to 0; 4 does not exist/);
  });

  test('viewers may not read or write messages', async () => {
    const viewer = await app.loginAs('viewer');
    assert.equal((await api('GET', cluster('/topics/orders/messages'), undefined, viewer)).status, 403);
    const write = await api(
      'POST',
      cluster('/topics/orders/messages'),
      { messages: [{ value: 'x' }] },
      viewer,
    );
    assert.equal(write.status, 403);
  });
});

describe('messages on Kafka 2.8 with ZooKeeper (Fetch by topic name)', () => {
  let kafka: KafkaCluster;
  let cluster: (path: string) => string;
  before(async () => {
    kafka = await startKafkaCluster({ version: '2.8', brokers: 1 });
    cluster = await onboard(kafka, 'messages-28');
    await createTopic(kafka, 'legacy', { partitions: 3 });
  });
  after(async () => {
    await kafka?.stop();
  });

  test('produce, browse and key lookup work the same', async () => {
    await produceWithKafka(
      kafka,
      'legacy',
      Array.from({ length: 30 }, (_, i) => `k${i % 5}|v${i}`),
    );
    const written = await api('POST', cluster('/topics/legacy/messages'), {
      messages: [{ key: 'k3', value: 'from-weir' }],
    });
    assert.equal(written.status, 201, JSON.stringify(written.body));
    const browsed = await api('GET', cluster('/topics/legacy/messages?from=oldest&limit=100'));
    assert.equal(browsed.body.messages.length, 31);
    const lookup = await api('POST', cluster('/topics/legacy/messages/search'), {
      key: { value: 'k3', encoding: 'text' },
    });
    const found = matches(lookup.body).map((m: Json) => m.value.text);
    assert.deepEqual(found.sort(), ['from-weir', 'v13', 'v18', 'v23', 'v28', 'v3', 'v8'].sort());
  });

  // A broker keeps records in the format they were written in; message.format.version makes 2.8 write
  // v0 (0.9) and v1 (0.10) messages, and a gzip topic wraps them in compressed messages.
  for (const [format, version] of [
    ['v0', '0.9.0'],
    ['v1', '0.10.2'],
  ] as const) {
    for (const compression of ['uncompressed', 'gzip']) {
      test(`message format ${format}, ${compression}: browsed and searched as Kafka's consumer reads it`, async () => {
        const topic = `format-${format}-${compression}`;
        const created = await api('POST', cluster('/topics'), {
          name: topic,
          partitions: 1,
          replicationFactor: 1,
          configs: { 'message.format.version': version, 'compression.type': compression },
        });
        assert.equal(created.status, 200, JSON.stringify(created.body));
        // Two producer runs, so a compressed topic holds at least two wrapper messages.
        for (const from of [0, 10]) {
          await produceWithKafka(
            kafka,
            topic,
            Array.from({ length: 10 }, (_, i) => `key-${from + i}|value-${from + i}`),
          );
        }
        const browsed = await api('GET', cluster(`/topics/${topic}/messages?from=oldest&limit=100`));
        assert.equal(browsed.status, 200, JSON.stringify(browsed.body));
        const messages = browsed.body.messages as Json[];
        assert.deepEqual(
          messages.map((m) => m.offset),
          Array.from({ length: 20 }, (_, i) => i),
        );
        assert.ok(
          messages.every((m) =>
            format === 'v0'
              ? m.timestamp === null && m.timestampType === null
              : m.timestamp > Date.now() - 600_000 && m.timestampType === 'CreateTime',
          ),
          JSON.stringify(messages.map((m) => m.timestamp)),
        );
        const lines = messages.map(
          (m) => `Partition:${m.partition}\tNO_HEADERS\t${m.key.text}\t${m.value.text}`,
        );
        assert.deepEqual(lines.sort(), await consumeWithKafka(kafka, topic, 20));

        const search = await api('POST', cluster(`/topics/${topic}/messages/search`), {
          filters: [{ target: 'value', match: 'equals', value: 'value-13' }],
        });
        assert.deepEqual(
          matches(search.body).map((m: Json) => [m.offset, m.key.text]),
          [[13, 'key-13']],
        );
        assert.equal(endOf(search.body).reason, 'end');
      });
    }
  }
});
