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
  const reason = await scanOf(gateway, 0, 25).run({
    matches: (r) => {
      seen.push(...r.map((m) => m.offset));
    },
  });
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
  const reason = await scanOf(gateway, 0, 40).run({
    matches: (r) => {
      seen.push(...r.map((m) => m.offset));
    },
  });
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

// Three partitions led by brokers 2, 3 and 1 (never the partition number). Each broker answers only
// for the partitions it really leads (`truth`), as Kafka does; Metadata reads may lag behind it.
function ledGateway(leaders: number[][], options: { unreachable?: number; truth?: number[] } = {}) {
  let metadataReads = 0;
  const asked: { broker: number; partition: number; epoch: number | undefined }[] = [];
  const current = () => leaders[Math.min(metadataReads - 1, leaders.length - 1)] as number[];
  const truth = () => options.truth ?? current();
  const gateway = {
    metadata: async () => {
      metadataReads++;
      return {
        clusterId: 'c',
        controllerId: 1,
        brokers: [1, 2, 3].map((nodeId) => ({ nodeId, host: `b${nodeId}`, port: 9092, rack: null })),
        topics: [
          {
            name: 't',
            topicId: 'id',
            internal: false,
            partitions: current().map((leader, partition) => ({
              partition,
              leader,
              leaderEpoch: metadataReads,
              replicas: [leader],
              isr: [leader],
              offlineReplicas: [],
              errorCode: 0,
            })),
          },
        ],
      };
    },
    fetch: async (leader: { host: string }, positions: FetchPosition[]): Promise<FetchedPartition[]> => {
      const broker = Number(leader.host.slice(1));
      if (broker === options.unreachable) throw new Error('connect ECONNREFUSED');
      return positions.map(({ topic, partition, offset, leaderEpoch }) => {
        asked.push({ broker, partition, epoch: leaderEpoch });
        const base = {
          topic,
          partition,
          highWatermark: 1,
          lastStableOffset: 1,
          logStartOffset: 0,
          error: null,
        };
        if (truth()[partition] !== broker) return { ...base, records: [], nextOffset: offset, errorCode: 6 };
        const records = offset === 0 ? [{ ...recordAt(0), partition }] : [];
        return { ...base, records, nextOffset: 1, errorCode: 0 };
      });
    },
  } as unknown as KafkaGateway;
  return { gateway, asked };
}

const recordAt = (offset: number): FetchedRecord => ({
  partition: 0,
  offset,
  timestamp: 0,
  key: null,
  value: Buffer.from('v'),
  headers: [],
  size: 1,
  timestampType: 'CreateTime',
  producerId: null,
  producerEpoch: null,
  transactional: false,
  transactionState: null,
});

const scanAll = (gateway: KafkaGateway) =>
  new MessageScan(gateway, {
    topic: { name: 't', topicId: 'id' },
    ranges: [0, 1, 2].map((partition) => ({ partition, from: 0, to: 1 })),
    matcher: new MessageMatcher([], null),
    budget: { maxScanned: 1_000, maxMs: 10_000, maxMatches: 1_000 },
  });

test('each partition is fetched from the broker Metadata names its leader, with its leader epoch', async () => {
  const { gateway, asked } = ledGateway([[2, 3, 1]]);
  const seen: number[] = [];
  const reason = await scanAll(gateway).run({
    matches: (r) => {
      seen.push(...r.map((m) => m.partition));
    },
  });
  assert.equal(reason, 'end');
  assert.deepEqual(seen.sort(), [0, 1, 2]);
  assert.deepEqual(
    asked.sort((a, b) => a.partition - b.partition),
    [
      { broker: 2, partition: 0, epoch: 1 },
      { broker: 3, partition: 1, epoch: 1 },
      { broker: 1, partition: 2, epoch: 1 },
    ],
  );
});

test('a leader that moved answers NOT_LEADER_OR_FOLLOWER, and the partition is read from the new one', async () => {
  // The first Metadata read says broker 2 leads partition 0; broker 3 already does.
  const { gateway, asked } = ledGateway(
    [
      [2, 3, 1],
      [3, 3, 1],
    ],
    { truth: [3, 3, 1] },
  );
  const scan = scanAll(gateway);
  const reason = await scan.run({ matches: () => undefined });
  assert.equal(reason, 'end');
  assert.deepEqual(
    asked.filter((a) => a.partition === 0).map((a) => [a.broker, a.epoch]),
    [
      [2, 1],
      [3, 2],
    ],
  );
  assert.ok(scan.progress().partitions.every((p) => p.done && !p.error));
});

test('a partition whose leader keeps refusing fails with the broker named, after bounded retries', async () => {
  const { gateway, asked } = ledGateway([[2, 3, 1]]);
  const fetch = gateway.fetch.bind(gateway);
  gateway.fetch = async (leader, positions, limits) =>
    (await fetch(leader, positions, limits)).map((a) =>
      a.partition === 1 ? { ...a, records: [], errorCode: 74 } : a,
    );
  const scan = scanAll(gateway);
  await scan.run({ matches: () => undefined });
  const failed = scan.progress().partitions.find((p) => p.partition === 1);
  assert.match(
    failed?.error ?? '',
    /leader broker 3 answered Fetch with FENCED_LEADER_EPOCH \(74\) \d+ times/,
  );
  const tries = asked.filter((a) => a.partition === 1).length;
  assert.ok(tries > 1 && tries <= 8, `asked ${tries} times`);
});

test('an unreachable leader is not waited on again while Metadata still names it', async () => {
  const { gateway } = ledGateway([[2, 3, 1]], { unreachable: 3 });
  const scan = scanAll(gateway);
  await scan.run({ matches: () => undefined });
  const partitions = scan.progress().partitions;
  assert.match(
    partitions[1]?.error ?? '',
    /leader broker 3 \(b3:9092\) failed: connect ECONNREFUSED; Metadata still names broker 3 its leader/,
  );
  assert.ok(partitions[0]?.done && !partitions[0].error && partitions[2]?.done && !partitions[2].error);
});
