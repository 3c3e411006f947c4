import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes } from '@weir/api/display';
import { formatCount, formatTotal, renderTable } from './table.ts';

const total = (value: number | null, parts: number, unknownParts: number, unit = 'partition') => ({
  value,
  complete: unknownParts === 0 && value !== null,
  parts,
  unknownParts,
  unit,
});

test('totals in tables: exact when complete, a lower bound with the unknown count when partial, never 0 for unknown', () => {
  assert.equal(formatTotal(total(1000, 7, 0)), '1,000');
  assert.equal(formatTotal(total(731, 7, 3)), '≥731 (3/7 partitions unknown)');
  assert.equal(formatTotal(total(null, 2, 2)), 'unknown');
  assert.equal(formatTotal(total(2048, 4, 1, 'replica'), formatBytes), '≥2 KiB (1/4 replicas unknown)');
  assert.equal(formatTotal(total(1_234_567, 4, 0), String), '1234567');
});

test('tables group thousands in numbers, leave strings (ids, partitions) as given, and show - for missing cells', () => {
  assert.equal(formatCount(1_234_567), '1,234,567');
  assert.equal(
    renderTable(
      ['ID', 'RECORDS', 'SIZE'],
      [
        ['1001', 1_234_567, formatBytes(3 * 1024 * 1024)],
        ['2', null, undefined],
      ],
    ),
    ['ID    RECORDS    SIZE', '1001  1,234,567  3 MiB', '2     -          -'].join('\n'),
  );
});
