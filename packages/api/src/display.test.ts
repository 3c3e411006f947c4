import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatDuration, formatSignedPercent, formatTimestamp } from './display.ts';

test('bytes are in binary units, labelled KiB, MiB and GiB; unknown is a dash, never 0', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1,023 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(1073741824), '1 GiB');
  assert.equal(formatBytes(5 * 1024 ** 4), '5 TiB');
  assert.equal(formatBytes(null), '–');
  assert.equal(formatBytes(1536, 'de'), '1,5 KiB');
});

test('a timestamp is ISO ordered with its zone written, in UTC or local time', () => {
  const ms = Date.UTC(2026, 11, 2, 3, 4, 5, 120);
  assert.equal(formatTimestamp(ms), '2026-12-02 03:04:05 UTC');
  assert.equal(formatTimestamp(ms, 'utc', true), '2026-12-02 03:04:05.120 UTC');
  assert.match(formatTimestamp(ms, 'local'), /^2026-12-0[12] \d\d:\d\d:05 UTC([+-]\d\d:\d\d)?$/);
  assert.equal(formatTimestamp(undefined), '–');
});

test('percentages carry their sign, as skew does in console and CLI', () => {
  assert.equal(formatSignedPercent(0.038), '+3.8%');
  assert.equal(formatSignedPercent(-0.5), '-50%');
  assert.equal(formatSignedPercent(0), '0%');
  assert.equal(formatSignedPercent(0.0001), '0%');
  assert.equal(formatSignedPercent(null), '–');
});

test('durations are exact, in their non-zero units', () => {
  assert.equal(formatDuration(604_800_000), '7 days');
  assert.equal(formatDuration(5_400_000), '1 hour 30 minutes');
  assert.equal(formatDuration(1_500), '1 second 500 ms');
  assert.equal(formatDuration(86_400_000 + 1_000), '1 day 1 second');
  assert.equal(formatDuration(0), '0 ms');
});
