import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aSnapshot, partition, topic, total } from '../clusters/snapshot.fixtures.ts';
import { pageTopics, summarizeTopics } from './topics.view.ts';

test('topics: sizes skip future replicas, messages are end minus start; unknown parts make totals partial', () => {
  const [orders] = summarizeTopics(aSnapshot());
  assert.deepEqual(orders, {
    name: 'orders',
    internal: false,
    system: null,
    partitions: 3,
    replicationFactor: 2,
    // orders:0 on brokers 1 and 2 is known; the other four replicas are in no log dir.
    sizeBytes: total(
      500,
      6,
      4,
      'replica',
      'broker 1 reported no log dir holding this replica; broker 2 reported no log dir holding this replica',
    ),
    // 100 + 50 known; orders:2 has no leader, so its count is unknown and the sum is a lower bound.
    messages: total(150, 3, 1, 'partition', 'the partition has no leader (offline)'),
    messagesEstimated: true,
    underReplicated: 2,
    offline: 1,
  });
  const withoutParts = summarizeTopics(
    aSnapshot({ offsets: null, logDirs: null, partErrors: { offsets: 'boom' } }),
  )[0]!;
  assert.deepEqual(withoutParts.messages, total(null, 0, 0, 'partition', 'boom'));
  assert.equal(withoutParts.sizeBytes.value, null);
  assert.equal(withoutParts.sizeBytes.complete, false);
});

test('topics: a broker that did not answer makes only its replicas unknown, named with its error', () => {
  const snapshot = aSnapshot({
    logDirs: aSnapshot().logDirs!.filter((b) => b.brokerId === 1),
    logDirFailures: [
      { nodeId: 2, error: 'broker 2 (b:9092) did not answer DescribeLogDirs within 10000 ms' },
    ],
    offsets: new Map([['Audit:0', { start: 0, end: 7 }]]),
    offsetErrors: new Map([
      ['orders:0', 'broker 1 timed out'],
      ['orders:1', 'broker 2 timed out'],
      ['orders:2', 'offline'],
    ]),
  });
  const [orders, , audit] = summarizeTopics(snapshot);
  assert.equal(orders?.sizeBytes.value, 300);
  assert.equal(orders?.sizeBytes.unknownParts, 5);
  assert.match(orders?.sizeBytes.reason ?? '', /broker 2 \(b:9092\) did not answer DescribeLogDirs/);
  // Every partition unknown: the count is unknown, never 0.
  assert.deepEqual(
    orders?.messages,
    total(null, 3, 3, 'partition', 'broker 1 timed out; broker 2 timed out; offline'),
  );
  assert.deepEqual(audit?.messages, total(7, 1, 0, 'partition', null));
});

test("topics: internal is Kafka's flag; well-known system topics carry their owner", () => {
  const names = [
    '__consumer_offsets',
    '__mine',
    'connect-offsets',
    'mm2-offsets.east.internal',
    'east.checkpoints.internal',
    'heartbeats',
    '_schemas',
    'orders',
  ];
  const snapshot = aSnapshot();
  snapshot.metadata.topics = names.map((n) =>
    topic(n, [partition({ partition: 0 })], n === '__consumer_offsets'),
  );
  const byName = new Map(summarizeTopics(snapshot).map((t) => [t.name, t]));
  assert.deepEqual(
    names.map((n) => [n, byName.get(n)?.internal, byName.get(n)?.system]),
    [
      ['__consumer_offsets', true, 'kafka'],
      ['__mine', false, null],
      ['connect-offsets', false, 'connect'],
      ['mm2-offsets.east.internal', false, 'mirrormaker2'],
      ['east.checkpoints.internal', false, 'mirrormaker2'],
      ['heartbeats', false, 'mirrormaker2'],
      ['_schemas', false, 'schema-registry'],
      ['orders', false, null],
    ],
  );
});

test('topic pages: internal hidden, case-insensitive search, sort with name as tie-break, paging', () => {
  const topics = summarizeTopics(aSnapshot());
  const base = {
    includeInternal: false,
    sort: 'name' as const,
    order: 'asc' as const,
    page: 1,
    pageSize: 50,
  };
  assert.deepEqual(
    pageTopics(topics, base).items.map((t) => t.name),
    ['Audit', 'orders'],
  );
  assert.deepEqual(
    pageTopics(topics, { ...base, includeInternal: true, search: 'CONSUMER' }).items.map((t) => t.name),
    ['__consumer_offsets'],
  );
  const byMessages = pageTopics(topics, { ...base, sort: 'messages', order: 'desc', pageSize: 1, page: 2 });
  assert.equal(byMessages.total, 2);
  assert.deepEqual(
    byMessages.items.map((t) => t.name),
    ['Audit'],
  );
});

test('topic pages: unknown totals sort last in both directions, partial ones by their known part', () => {
  const snapshot = aSnapshot({
    offsets: new Map([
      ['orders:0', { start: 0, end: 5 }],
      ['__consumer_offsets:0', { start: 0, end: 3 }],
    ]),
    offsetErrors: new Map([
      ['orders:1', 'x'],
      ['orders:2', 'y'],
      ['Audit:0', 'broker 2 timed out'],
    ]),
  });
  const topics = summarizeTopics(snapshot);
  const order = (direction: 'asc' | 'desc') =>
    pageTopics(topics, {
      includeInternal: true,
      sort: 'messages',
      order: direction,
      page: 1,
      pageSize: 50,
    }).items.map((t) => t.name);
  assert.deepEqual(order('asc'), ['__consumer_offsets', 'orders', 'Audit']);
  assert.deepEqual(order('desc'), ['orders', '__consumer_offsets', 'Audit']);
});
