import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DecodedRecord, TransactionMarker } from './record-decoding.ts';
import { abortedOffsets, statesFromMarkers } from './transactions.ts';

const record = (
  offset: number,
  producerId: number | null,
  transactional = producerId !== null,
): DecodedRecord => ({
  offset,
  timestamp: 0,
  timestampType: 'CreateTime',
  key: null,
  value: null,
  headers: [],
  size: 0,
  producerId,
  producerEpoch: producerId === null ? null : 0,
  transactional,
});
const marker = (offset: number, producerId: number, commit: boolean): TransactionMarker => ({
  offset,
  producerId,
  commit,
});

// Producers 1 and 2 interleave: 1 aborts offsets 0-1 (marker 4), 2 commits 2-3 (marker 5),
// 1 then commits 6 (marker 8), an idempotent non-transactional producer 3 writes 7, 2 aborts 9 (marker 10).
const records = [
  record(0, 1),
  record(1, 1),
  record(2, 2),
  record(3, 2),
  record(6, 1),
  record(7, 3, false),
  record(9, 2),
];
const markers = [marker(4, 1, false), marker(5, 2, true), marker(8, 1, true), marker(10, 2, false)];

test("read_committed drops what Kafka's consumer drops, given the answer's aborted transactions", () => {
  const aborted = [
    { producerId: 2, firstOffset: 9 },
    { producerId: 1, firstOffset: 0 },
  ];
  assert.deepEqual(
    [...abortedOffsets(records, markers, aborted, 0)].sort((a, b) => a - b),
    [0, 1, 9],
  );
  // Fetched from offset 3 (the list then only holds transactions whose marker is at or after 3).
  assert.deepEqual(
    [...abortedOffsets(records, markers, aborted, 3)].sort((a, b) => a - b),
    [9],
  );
  assert.deepEqual([...abortedOffsets(records, markers, [], 0)], []);
});

test('markers in the same read decide the records before them; the rest stay undecided', () => {
  const states = statesFromMarkers(records, markers);
  assert.deepEqual(Object.fromEntries(states), {
    0: 'aborted',
    1: 'aborted',
    2: 'committed',
    3: 'committed',
    6: 'committed',
    9: 'aborted',
  });
  const cut = statesFromMarkers(records.slice(0, 5), markers.slice(0, 1));
  assert.deepEqual(Object.fromEntries(cut), {
    0: 'aborted',
    1: 'aborted',
    2: 'undecided',
    3: 'undecided',
    6: 'undecided',
  });
});
