import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAge, formatBytes, formatCount } from './format.ts';

test('bytes, counts and ages read naturally', () => {
  assert.equal(formatBytes(0, 'en'), '0 B');
  assert.equal(formatBytes(1536, 'en'), '1.5 KB');
  assert.equal(formatBytes(5 * 1024 ** 3, 'en'), '5 GB');
  assert.equal(formatBytes(null, 'en'), '–');
  assert.equal(formatCount(1234567, 'en'), '1,234,567');
  assert.equal(formatAge(4000, 'en'), '4 seconds ago');
  assert.equal(formatAge(0, 'en'), 'now');
  assert.equal(formatAge(120_000, 'en'), '2 minutes ago');
});
