import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FetchedRecord } from '@weir/kafka';
import { mergeByTimestamp } from './message-order.ts';

const record = (partition: number, offset: number, timestamp: number | null): FetchedRecord => ({
  partition,
  offset,
  timestamp,
  timestampType: timestamp === null ? null : 'CreateTime',
  key: null,
  value: null,
  headers: [],
  size: 0,
  producerId: null,
  producerEpoch: null,
  transactional: false,
  transactionState: null,
});
const order = (records: FetchedRecord[]) => records.map((r) => `${r.partition}:${r.offset}`);

test('one partition keeps offset order whatever the timestamps say', () => {
  // The case: offset 7 has no timestamp, offset 6 a later CreateTime than 8.
  const log = [record(0, 5, 100), record(0, 6, 300), record(0, 7, null), record(0, 8, 200)];
  assert.deepEqual(order(mergeByTimestamp([log], true).slice(0, 3)), ['0:8', '0:7', '0:6']);
  assert.deepEqual(order(mergeByTimestamp([log], false)), ['0:5', '0:6', '0:7', '0:8']);
});

test('partitions interleave by timestamp, newest or oldest first', () => {
  const p0 = [record(0, 0, 10), record(0, 1, 30), record(0, 2, 50)];
  const p1 = [record(1, 0, 20), record(1, 1, 40)];
  assert.deepEqual(order(mergeByTimestamp([p0, p1], false)), ['0:0', '1:0', '0:1', '1:1', '0:2']);
  assert.deepEqual(order(mergeByTimestamp([p1, p0], true)), ['0:2', '1:1', '0:1', '1:0', '0:0']);
});

test('a record without a timestamp stays beside its partition neighbours; ties go to the lower partition', () => {
  const p0 = [record(0, 0, 10), record(0, 1, null), record(0, 2, 50)];
  const p1 = [record(1, 0, 20), record(1, 1, 20)];
  // Oldest first: 0:0 (10) goes, then 0:1 has no timestamp and goes at once, then 1:0, 1:1 (20), 0:2 (50).
  assert.deepEqual(order(mergeByTimestamp([p0, p1], false)), ['0:0', '0:1', '1:0', '1:1', '0:2']);
  const p2 = [record(2, 0, 20)];
  assert.deepEqual(order(mergeByTimestamp([p2, p1], false)), ['1:0', '1:1', '2:0']);
  const none = [record(3, 0, null), record(3, 1, null)];
  assert.deepEqual(order(mergeByTimestamp([none, p2], true)), ['3:1', '3:0', '2:0']);
});
