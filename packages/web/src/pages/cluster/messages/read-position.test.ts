import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browseQueryOf, initialPosition, searchRequestOf } from './read-position.ts';

test('a search from the newest records reads the limit per partition, from every partition by default', () => {
  assert.deepEqual(searchRequestOf(initialPosition, [], ''), {
    filters: [],
    start: { type: 'newest', count: 50 },
    partitions: undefined,
    key: undefined,
    isolation: 'read_committed',
  });
});

test('a search keeps filters with a value and empty equals filters, and looks the key up as text', () => {
  const request = searchRequestOf(
    { ...initialPosition, from: 'offset', offset: 7, partition: 2 },
    [
      { target: 'value', match: 'contains', value: '' },
      { target: 'key', match: 'equals', value: '' },
      { target: 'value', match: 'regex', value: 'a+' },
    ],
    'order-1',
  );
  assert.deepEqual(request.filters, [
    { target: 'key', match: 'equals', value: '' },
    { target: 'value', match: 'regex', value: 'a+' },
  ]);
  assert.deepEqual(request.start, { type: 'offset', offset: 7 });
  assert.deepEqual(request.partitions, [2]);
  assert.deepEqual(request.key, { value: 'order-1', encoding: 'text' });
});

test('a start time left empty searches from time 0 and browses without a timestamp', () => {
  const position = { ...initialPosition, from: 'timestamp' as const, time: '' };
  assert.deepEqual(searchRequestOf(position, [], '').start, { type: 'timestamp', timestamp: 0 });
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
