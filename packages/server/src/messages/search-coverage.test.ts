import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverage } from './search-coverage.ts';

const bounds = new Map([
  [0, { logStart: 0, end: 2000 }],
  [1, { logStart: 100, end: 2112 }],
]);

test('newest 50 per partition: 100 scanned of the 100 in range and the 4,012 the partitions hold', () => {
  const covered = coverage(
    { type: 'newest', count: 50 },
    [
      { partition: 0, from: 1950, to: 2000, position: 2000, scanned: 50 },
      { partition: 1, from: 2062, to: 2112, position: 2112, scanned: 50 },
    ],
    bounds,
    false,
  );
  assert.deepEqual(covered, {
    start: { type: 'newest', count: 50 },
    partitions: [
      { partition: 0, logStart: 0, from: 1950, to: 2000, scanned: 50 },
      { partition: 1, logStart: 100, from: 2062, to: 2112, scanned: 50 },
    ],
    scanned: 100,
    inRange: 100,
    total: 4012,
    estimated: false,
  });
});

test('fewer records than offsets read (markers, aborted records) or a compacted topic make the totals estimates', () => {
  const gaps = [{ partition: 0, from: 0, to: 2000, position: 10, scanned: 8 }];
  assert.equal(coverage({ type: 'oldest' }, gaps, bounds, false).estimated, true);
  const dense = [{ partition: 0, from: 0, to: 2000, position: 10, scanned: 10 }];
  assert.equal(coverage({ type: 'oldest' }, dense, bounds, false).estimated, false);
  assert.equal(coverage({ type: 'oldest' }, dense, bounds, true).estimated, true);
});

test('a followed partition has no range end, and a partition whose offsets were not read no total', () => {
  const covered = coverage(
    { type: 'newest', count: 0 },
    [
      { partition: 0, from: 2000, to: null, position: 2003, scanned: 3 },
      { partition: 7, from: 0, to: 5, position: 5, scanned: 5 },
    ],
    bounds,
    false,
  );
  assert.equal(covered.inRange, null);
  assert.equal(covered.total, null);
  assert.equal(covered.scanned, 8);
});
