import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes } from '@weir/api/display';
import { compareTotals, formatAge, formatCount, formatTotal } from './format.ts';

test('bytes (binary units, from @weir/api as the console shows them), counts and ages read naturally', () => {
  assert.equal(formatBytes(0, 'en'), '0 B');
  assert.equal(formatBytes(1536, 'en'), '1.5 KiB');
  assert.equal(formatBytes(5 * 1024 ** 3, 'en'), '5 GiB');
  assert.equal(formatBytes(null, 'en'), '–');
  assert.equal(formatCount(1234567, 'en'), '1,234,567');
  assert.equal(formatAge(4000, 'en'), '4 seconds ago');
  assert.equal(formatAge(0, 'en'), 'now');
  assert.equal(formatAge(120_000, 'en'), '2 minutes ago');
});

const total = (value: number | null, parts: number, unknownParts: number) => ({
  value,
  complete: unknownParts === 0 && value !== null,
  parts,
  unknownParts,
  unit: 'partition' as const,
  reason: unknownParts > 0 ? 'broker 3 did not answer' : null,
});
const t = (key: string, values?: Record<string, string | number>) =>
  `${key}${values ? JSON.stringify(values) : ''}`.replace(/total\.partial(.*)/, (_, v) => {
    const { value, unknown, parts, unit } = JSON.parse(v);
    return `≥ ${value} · ${unknown} of ${parts} ${unit} unknown`;
  });

test('totals: exact when complete, a lower bound with the unknown count when partial, never 0 for unknown', () => {
  const count = (v: number) => formatCount(v, 'en');
  assert.equal(formatTotal(total(1000, 7, 0), count, t), '1,000');
  assert.equal(
    formatTotal(total(731, 7, 3), count, t),
    '≥ 731 · 3 of 7 total.unit.partition{"count":7} unknown',
  );
  assert.equal(formatTotal(total(null, 2, 2), count, t), 'total.unknown');
});

test('totals sort unknowns last in both directions', () => {
  const rows = [total(null, 1, 1), total(5, 1, 0), total(3, 2, 1)];
  const ascending = [...rows].sort((a, b) => compareTotals(a, b, 'ascend'));
  assert.deepEqual(
    ascending.map((r) => r.value),
    [3, 5, null],
  );
  // antd negates the comparator for a descending sort.
  const descending = [...rows].sort((a, b) => -compareTotals(a, b, 'descend'));
  assert.deepEqual(
    descending.map((r) => r.value),
    [5, 3, null],
  );
});
