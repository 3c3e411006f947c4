import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatTotal } from './table.ts';

const total = (value: number | null, parts: number, unknownParts: number, unit = 'partition') => ({
  value,
  complete: unknownParts === 0 && value !== null,
  parts,
  unknownParts,
  unit,
});

test('totals in tables: exact when complete, a lower bound with the unknown count when partial, never 0 for unknown', () => {
  assert.equal(formatTotal(total(1000, 7, 0)), '1000');
  assert.equal(formatTotal(total(731, 7, 3)), '≥731 (3/7 partitions unknown)');
  assert.equal(formatTotal(total(null, 2, 2)), 'unknown');
  assert.equal(formatTotal(total(2048, 4, 1, 'replica'), formatBytes), '≥2.0 KiB (1/4 replicas unknown)');
});
