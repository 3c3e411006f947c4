import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FetchedPartition, FetchedRecord, FetchPosition, KafkaGateway } from '@weir/kafka';
import { FilterPool } from './filter-pool.ts';
import { MessageMatcher } from './message-matcher.ts';
import { MessageScan } from './message-scan.ts';

// A one-partition log in memory standing in for the leader's Fetch answers: the scan's bookkeeping
// (positions, ends, retention moving the log start) is what is under test, not Kafka.
function logGateway(log: { start: number; end: number; perFetch: number }) {
  const fetchedFrom: number[] = [];
  const record = (offset: number): FetchedRecord => ({
    partition: 0,
    offset,
    timestamp: 0,
    key: null,
    value: Buffer.from(`v${offset}`),
    headers: [],
    size: 10,
    timestampType: 'CreateTime',
    producerId: null,
    producerEpoch: null,
    transactional: false,
    transactionState: null,
  });
  const gateway = {
    metadata: async () => ({
      clusterId: 'c',
      controllerId: 1,
      brokers: [{ nodeId: 1, host: 'h', port: 9092, rack: null }],
      topics: [
        {
          name: 't',
          topicId: 'id',
          internal: false,
          partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] }],
        },
      ],
    }),
    fetch: async (_leader: unknown, positions: FetchPosition[]): Promise<FetchedPartition[]> =>
      positions.map(({ topic, partition, offset }) => {
        fetchedFrom.push(offset);
        const base = {
          topic,
          partition,
          highWatermark: log.end,
          lastStableOffset: log.end,
          logStartOffset: log.start,
          error: null,
        };
        if (offset < log.start) return { ...base, records: [], nextOffset: offset, errorCode: 1 };
        const to = Math.min(offset + log.perFetch, log.end);
        const records = Array.from({ length: Math.max(0, to - offset) }, (_, i) => record(offset + i));
        return { ...base, records, nextOffset: Math.max(offset, to), errorCode: 0 };
      }),
  } as unknown as KafkaGateway;
  return { gateway, fetchedFrom };
}

const scanOf = (gateway: KafkaGateway, from: number, to: number) =>
  new MessageScan(gateway, {
    topic: { name: 't', topicId: 'id' },
    ranges: [{ partition: 0, from, to }],
    matcher: new MessageMatcher([], null),
    budget: { maxScanned: 1_000, maxMs: 5_000, maxMatches: 1_000 },
  });

test('a scan reads up to its end and asks for nothing past it', async () => {
  const { gateway, fetchedFrom } = logGateway({ start: 0, end: 100, perFetch: 10 });
  const seen: number[] = [];
  const reason = await scanOf(gateway, 0, 25).run({ matches: (r) => seen.push(...r.map((m) => m.offset)) });
  assert.equal(reason, 'end');
  assert.deepEqual(
    seen,
    Array.from({ length: 25 }, (_, i) => i),
  );
  assert.deepEqual(fetchedFrom, [0, 10, 20]);
});

test('when retention deletes past the end, the partition is done at its end instead of looping', async () => {
  const { gateway } = logGateway({ start: 50, end: 100, perFetch: 10 });
  const scan = scanOf(gateway, 0, 30);
  const reason = await scan.run({ matches: () => undefined });
  assert.equal(reason, 'end');
  assert.deepEqual(scan.progress().partitions, [{ partition: 0, position: 30, end: 30, done: true }]);
});

test('when retention deletes some records, the scan continues from the new log start', async () => {
  const { gateway } = logGateway({ start: 20, end: 100, perFetch: 10 });
  const seen: number[] = [];
  const reason = await scanOf(gateway, 0, 40).run({ matches: (r) => seen.push(...r.map((m) => m.offset)) });
  assert.equal(reason, 'end');
  assert.deepEqual(
    seen,
    Array.from({ length: 20 }, (_, i) => 20 + i),
  );
});

test('a time budget spent while the leader answers ends the scan as time-budget, nothing filtered', async () => {
  const { gateway } = logGateway({ start: 0, end: 100, perFetch: 10 });
  const slow = {
    ...gateway,
    metadata: gateway.metadata,
    fetch: async (...args: Parameters<KafkaGateway['fetch']>) => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      return gateway.fetch(...args);
    },
  } as KafkaGateway;
  const pool = new FilterPool(1);
  try {
    const scan = new MessageScan(slow, {
      topic: { name: 't', topicId: 'id' },
      ranges: [{ partition: 0, from: 0, to: 100 }],
      matcher: new MessageMatcher([{ target: 'value', match: 'contains', value: 'v1' }], pool),
      budget: { maxScanned: 1_000, maxMs: 20, maxMatches: 1_000 },
    });
    assert.equal(await scan.run({ matches: () => undefined }), 'time-budget');
    assert.equal(scan.progress().partitions[0]?.position, 0);
  } finally {
    await pool.close();
  }
});
