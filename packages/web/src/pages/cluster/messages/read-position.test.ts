import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browseQueryOf,
  initialPosition,
  initialSearchRange,
  type KeyQuery,
  searchRequestOf,
} from './read-position.ts';

const noKey: KeyQuery = { value: '', partitioner: 'murmur2', scope: 'hashed' };

test('a search reads from the oldest record within its own budgets, not the browse bar’s newest and limit', () => {
  assert.deepEqual(searchRequestOf(initialSearchRange, initialPosition, [], noKey), {
    filters: [],
    start: { type: 'oldest' },
    partitions: undefined,
    key: undefined,
    maxScanned: 10_000_000,
    maxMs: 30_000,
    isolation: 'read_committed',
  });
});

test('a search from the newest N reads N per partition, with the budgets set beside it', () => {
  const request = searchRequestOf(
    { ...initialSearchRange, from: 'newest', count: 50, maxScanned: 300, maxSeconds: 5 },
    initialPosition,
    [],
    noKey,
  );
  assert.deepEqual(request.start, { type: 'newest', count: 50 });
  assert.equal(request.maxScanned, 300);
  assert.equal(request.maxMs, 5000);
});

test('a key lookup sends the partitioner and the scope chosen', () => {
  const request = searchRequestOf(initialSearchRange, initialPosition, [], {
    value: 'k',
    partitioner: 'fnv1a',
    scope: 'all',
  });
  assert.deepEqual(request.key, { value: 'k', encoding: 'text', partitioner: 'fnv1a', scope: 'all' });
});

test('a search keeps filters with a value and empty equals filters, and looks the key up as text', () => {
  const request = searchRequestOf(
    { ...initialSearchRange, from: 'offset', offset: 7 },
    { ...initialPosition, partition: 2 },
    [
      { target: 'value', match: 'contains', value: '' },
      { target: 'key', match: 'equals', value: '' },
      { target: 'value', match: 'regex', value: 'a+' },
    ],
    { value: 'order-1', partitioner: 'murmur2', scope: 'hashed' },
  );
  assert.deepEqual(request.filters, [
    { target: 'key', match: 'equals', value: '' },
    { target: 'value', match: 'regex', value: 'a+' },
  ]);
  assert.deepEqual(request.start, { type: 'offset', offset: 7 });
  assert.deepEqual(request.partitions, [2]);
  assert.deepEqual(request.key, {
    value: 'order-1',
    encoding: 'text',
    partitioner: 'murmur2',
    scope: 'hashed',
  });
});

test('a start time left empty searches from time 0 and browses without a timestamp', () => {
  const position = { ...initialPosition, from: 'timestamp' as const, time: '' };
  const range = { ...initialSearchRange, from: 'timestamp' as const, time: '' };
  assert.deepEqual(searchRequestOf(range, position, [], noKey).start, { type: 'timestamp', timestamp: 0 });
  assert.equal(browseQueryOf(position).timestamp, undefined);
});

test('a browse sends the offset only when reading from an offset', () => {
  assert.equal(browseQueryOf({ ...initialPosition, offset: 9 }).offset, undefined);
  assert.equal(browseQueryOf({ ...initialPosition, from: 'offset', offset: null }).offset, 0);
  assert.equal(
    browseQueryOf({ ...initialPosition, from: 'timestamp', time: '2026-01-02T03:04' }).timestamp,
    new Date('2026-01-02T03:04').getTime(),
  );
});
