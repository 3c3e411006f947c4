import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createTopic,
  type KafkaCluster,
  runKafkaTool,
  startKafkaCluster,
  writeTransactions,
} from '@weir/testkit';
import { createTestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';

type Json = AnyBody;

let app: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;

const api = apiClient(
  () => app,
  () => cookie,
);
/**
 * Produces through Weir; a fresh topic's leader may not be ready yet (503 NOT_LEADER_OR_FOLLOWER,
 * nothing written), so that answer is retried.
 */
async function produce(url: string, body: unknown): Promise<void> {
  for (let tries = 0; ; tries++) {
    const written = await api('POST', url, body);
    if (written.status === 201) return;
    assert.ok(written.status === 503 && tries < 20, JSON.stringify(written.body));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
const matches = (body: Json[]) => body.filter((e) => e.type === 'match').map((e) => e.message);

async function onboard(kafka: KafkaCluster, name: string): Promise<(path: string) => string> {
  const added = await api('POST', '/clusters', {
    name,
    bootstrapServers: kafka.bootstrapServers.plaintext.split(','),
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  return (path) => `/clusters/${added.body.cluster.id}${path}`;
}

interface ConsumedRecord {
  timestampType: string;
  timestamp: number | null;
  partition: number;
  offset: number;
  value: string;
}

/** Kafka's console consumer as the oracle: each record's timestamp (and its type), partition, offset and value. */
async function consumeWithKafka(
  kafka: KafkaCluster,
  topic: string,
  count: number,
  isolation: 'read_committed' | 'read_uncommitted' = 'read_uncommitted',
): Promise<ConsumedRecord[]> {
  const output = await runKafkaTool(kafka.version, 'kafka-console-consumer', [
    '--bootstrap-server',
    kafka.bootstrapServers.plaintext,
    '--topic',
    topic,
    '--from-beginning',
    '--isolation-level',
    isolation,
    '--max-messages',
    String(count),
    '--timeout-ms',
    '20000',
    '--property',
    'print.timestamp=true',
    '--property',
    'print.partition=true',
    '--property',
    'print.offset=true',
  ]);
  return output
    .trim()
    .split('\n')
    .filter((line) => /^(CreateTime|LogAppendTime|NO_TIMESTAMP)/.test(line))
    .map((line) => {
      const [time, partition, offset, ...value] = line.split('\t');
      const [timestampType, timestamp] = (time as string).split(':');
      return {
        timestampType: timestampType as string,
        timestamp: timestamp === undefined ? null : Number(timestamp),
        partition: Number((partition as string).split(':')[1]),
        offset: Number((offset as string).split(':')[1]),
        value: value.join('\t'),
      };
    })
    .sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

const asOracle = (messages: Json[]): ConsumedRecord[] =>
  messages
    .map((m) => ({
      timestampType: m.timestampType ?? 'NO_TIMESTAMP',
      timestamp: m.timestamp,
      partition: m.partition,
      offset: m.offset,
      value: m.value.text,
    }))
    .sort((a, b) => a.partition - b.partition || a.offset - b.offset);

before(async () => {
  app = await createTestApp();
  cookie = await app.login();
});
after(async () => {
  await app?.close();
});

describe('transactions and timestamps on Kafka 4.1', () => {
  let kafka: KafkaCluster;
  let cluster: (path: string) => string;
  let producer: Awaited<ReturnType<typeof writeTransactions>> | undefined;
  const browse = async (query: string) => {
    const page = await api('GET', cluster(`/topics/txn/messages?from=oldest&limit=500&${query}`));
    assert.equal(page.status, 200, JSON.stringify(page.body));
    return page.body.messages as Json[];
  };
  const values = (messages: Json[]) => messages.map((m) => m.value.text).sort();
  /** Everything, past browse's 500 per partition: a search without filters. */
  const readAll = async (isolation: string) => {
    const answer = await api('POST', cluster('/topics/txn/messages/search'), {
      isolation,
      maxMatches: 10_000,
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return matches(answer.body) as Json[];
  };

  before(async () => {
    kafka = await startKafkaCluster({ version: '4.1', brokers: 1 });
    cluster = await onboard(kafka, 'metadata-41');
    await createTopic(kafka, 'txn', { partitions: 2 });
    await produce(cluster('/topics/txn/messages'), { messages: [{ value: 'plain-0', partition: 0 }] });
    producer = await writeTransactions(kafka, 'txn', 'weir-test-tx', [
      {
        outcome: 'commit',
        records: [0, 1].map((partition) => ({ partition, value: `committed-1-p${partition}` })),
      },
      {
        outcome: 'abort',
        records: [0, 1].map((partition) => ({ partition, value: `aborted-2-p${partition}` })),
      },
      // Larger than one Fetch answer for a partition (512 KiB): its abort marker comes in a later answer.
      {
        outcome: 'abort',
        records: Array.from({ length: 700 }, (_, i) => ({
          partition: 1,
          value: `big-${i}-`.padEnd(1024, 'x'),
        })),
      },
      { outcome: 'commit', records: [{ partition: 0, value: 'committed-3-p0' }] },
    ]);
    await produce(cluster('/topics/txn/messages'), { messages: [{ value: 'plain-1', partition: 1 }] });
  });
  after(async () => {
    await producer?.close().catch(() => undefined);
    await kafka?.stop();
  });

  test("read_committed (the default) shows what Kafka's read_committed consumer shows, with record metadata", async () => {
    const committed = await browse('');
    assert.deepEqual(values(committed), [
      'committed-1-p0',
      'committed-1-p1',
      'committed-3-p0',
      'plain-0',
      'plain-1',
    ]);
    assert.deepEqual(asOracle(committed), await consumeWithKafka(kafka, 'txn', 5, 'read_committed'));
    for (const m of committed) {
      const inTransaction = m.value.text.startsWith('committed');
      assert.equal(m.transactional, inTransaction, m.value.text);
      assert.equal(m.transactionState, inTransaction ? 'committed' : null, m.value.text);
      assert.equal(m.timestampType, 'CreateTime');
      if (inTransaction) {
        assert.ok(Number.isInteger(m.producerId) && m.producerId >= 0, JSON.stringify(m));
        assert.ok(Number.isInteger(m.producerEpoch) && m.producerEpoch >= 0, JSON.stringify(m));
      }
    }
    const explicit = await browse('isolation=read_committed');
    assert.deepEqual(values(explicit), values(committed));
  });

  test("read_uncommitted shows aborted records, marked, as Kafka's read_uncommitted consumer reads them", async () => {
    const all = await readAll('read_uncommitted');
    assert.equal(all.length, 707);
    assert.equal((await readAll('read_committed')).length, 5);
    assert.deepEqual(asOracle(all), await consumeWithKafka(kafka, 'txn', 707, 'read_uncommitted'));
    const aborted = all
      .filter((m) => m.transactionState === 'aborted')
      .map((m) => m.value.text.split('-x')[0]);
    assert.equal(aborted.length, 702);
    assert.ok(
      aborted.includes('aborted-2-p0') && aborted.includes('aborted-2-p1') && aborted.includes('big-699'),
    );
    assert.ok(
      all
        .filter((m) => m.value.text.startsWith('committed'))
        .every((m) => m.transactionState === 'committed'),
    );
    assert.ok(all.filter((m) => m.value.text.startsWith('plain')).every((m) => !m.transactional));
    // Control records (commit and abort markers) are never shown as data.
    assert.ok(all.every((m) => m.value.kind === 'text'));
  });

  test('search and export take the isolation too', async () => {
    const search = (isolation?: string) =>
      api('POST', cluster('/topics/txn/messages/search'), {
        filters: [{ target: 'value', match: 'regex', value: '^(aborted|big)-' }],
        maxMatches: 1000,
        ...(isolation ? { isolation } : {}),
      });
    assert.deepEqual(matches((await search()).body), []);
    assert.deepEqual(matches((await search('read_committed')).body), []);
    const uncommitted = matches((await search('read_uncommitted')).body);
    assert.equal(uncommitted.length, 702);
    assert.ok(uncommitted.every((m: Json) => m.transactionState === 'aborted'));

    const csv = await api('POST', cluster('/topics/txn/messages/export'), { format: 'csv' });
    const lines = (csv.body as string).trim().split('\r\n');
    assert.equal(
      lines[0],
      'partition,offset,timestamp,timestamp_type,key,key_encoding,value,value_encoding,headers',
    );
    assert.equal(lines.length, 6);
    assert.ok(!csv.body.includes('aborted-2'));
    const json = await api('POST', cluster('/topics/txn/messages/export'), {
      format: 'json',
      isolation: 'read_uncommitted',
    });
    assert.equal(json.body.length, 707);

    const wrong = await api('GET', cluster('/topics/txn/messages?isolation=dirty'));
    assert.equal(wrong.status, 400);
  });

  test('an open transaction: read_committed stops at the last stable offset, read_uncommitted shows it undecided', async () => {
    const open = await writeTransactions(kafka, 'txn', 'weir-test-open', [
      { outcome: 'open', records: [{ partition: 0, value: 'open-4-p0' }] },
    ]);
    try {
      await produce(cluster('/topics/txn/messages'), {
        messages: [{ value: 'plain-after-open', partition: 0 }],
      });
      const committed = await browse('partition=0');
      assert.deepEqual(values(committed), ['committed-1-p0', 'committed-3-p0', 'plain-0']);
      const all = await browse('partition=0&isolation=read_uncommitted');
      const byValue = new Map(all.map((m) => [m.value.text, m]));
      assert.equal(byValue.get('open-4-p0')?.transactionState, 'undecided');
      assert.equal(byValue.get('plain-after-open')?.transactional, false);
      assert.equal(byValue.get('aborted-2-p0')?.transactionState, 'aborted');
      await open.endOpen('abort');
      const ended = await browse('partition=0&isolation=read_uncommitted');
      assert.equal(ended.find((m) => m.value.text === 'open-4-p0')?.transactionState, 'aborted');
      const after = await browse('partition=0');
      assert.deepEqual(values(after), ['committed-1-p0', 'committed-3-p0', 'plain-0', 'plain-after-open']);
    } finally {
      await open.close();
    }
  });

  test('LogAppendTime topics: the broker time, and the type, exactly as Kafka reports them', async () => {
    const created = await api('POST', cluster('/topics'), {
      name: 'appended',
      partitions: 2,
      replicationFactor: 1,
      configs: { 'message.timestamp.type': 'LogAppendTime' },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    await produce(cluster('/topics/appended/messages'), {
      messages: Array.from({ length: 6 }, (_, i) => ({ value: `appended-${i}`, partition: i % 2 })),
    });
    const page = await api('GET', cluster('/topics/appended/messages?from=oldest&limit=10'));
    // At least the six written (a produce retried by the client may have written a batch twice).
    assert.ok(page.body.messages.length >= 6);
    assert.ok(page.body.messages.every((m: Json) => m.timestampType === 'LogAppendTime'));
    assert.deepEqual(
      asOracle(page.body.messages),
      await consumeWithKafka(kafka, 'appended', page.body.messages.length),
    );
  });
});

describe('records without timestamps on Kafka 2.8 (message format v0)', () => {
  let kafka: KafkaCluster;
  let cluster: (path: string) => string;
  before(async () => {
    kafka = await startKafkaCluster({ version: '2.8', brokers: 1 });
    cluster = await onboard(kafka, 'metadata-28');
  });
  after(async () => {
    await kafka?.stop();
  });

  test('a v0 record after v2 ones: "no timestamp", and newest-first keeps offset order', async () => {
    const created = await api('POST', cluster('/topics'), {
      name: 'mixed',
      partitions: 1,
      replicationFactor: 1,
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    await produce(cluster('/topics/mixed/messages'), {
      messages: Array.from({ length: 8 }, (_, i) => ({ value: `v2-${i}` })),
    });
    const changed = await api('PATCH', cluster('/topics/mixed/configs'), {
      changes: [{ name: 'message.format.version', value: '0.9.0' }],
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    // The broker writes what arrives in the topic's format: v0, which has no timestamp. A topic config
    // change reaches the log through ZooKeeper a moment later, so records go in until one is v0.
    let last = 7;
    for (let tries = 0; ; tries++) {
      assert.ok(tries < 60, 'message.format.version 0.9.0 never took effect');
      await produce(cluster('/topics/mixed/messages'), { messages: [{ value: `v0-${++last}` }] });
      const probe = await api('GET', cluster(`/topics/mixed/messages?from=offset&offset=${last}`));
      if (probe.body.messages[0]?.timestamp === null) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const newest = await api('GET', cluster('/topics/mixed/messages?from=newest&limit=3'));
    assert.deepEqual(
      newest.body.messages.map((m: Json) => m.offset),
      [last, last - 1, last - 2],
    );
    const [v0, v2] = newest.body.messages;
    assert.equal(v0.timestamp, null);
    assert.equal(v0.timestampType, null);
    assert.equal(v2.timestampType, 'CreateTime');
    assert.ok(v2.timestamp > Date.now() - 600_000);
    const oracle = await consumeWithKafka(kafka, 'mixed', last + 1);
    assert.deepEqual(oracle.at(-1), {
      timestampType: 'NO_TIMESTAMP',
      timestamp: null,
      partition: 0,
      offset: last,
      value: `v0-${last}`,
    });
    const all = await api('GET', cluster('/topics/mixed/messages?from=oldest&limit=20'));
    assert.deepEqual(asOracle(all.body.messages), oracle);

    const csv = await api('POST', cluster('/topics/mixed/messages/export'), { format: 'csv' });
    assert.match(
      (csv.body as string).trim().split('\r\n').at(-1) as string,
      new RegExp(`^0,${last},,,,null,v0-${last},utf8,`),
    );
  });
});
