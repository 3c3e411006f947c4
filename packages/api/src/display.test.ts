import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  configValueMeaning,
  formatBytes,
  formatDuration,
  formatSignedPercent,
  formatTimestamp,
  readableConfigValue,
} from './display.ts';

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

test('config values read as durations, sizes and "unlimited", with Kafka-documented special values', () => {
  assert.equal(readableConfigValue('retention.ms', '604800000', 'LONG'), '7 days');
  assert.equal(readableConfigValue('segment.bytes', '1073741824', 'INT'), '1 GiB');
  assert.equal(readableConfigValue('log.retention.hours', '168', 'INT'), '7 days');
  assert.equal(readableConfigValue('offsets.retention.minutes', '10080', 'INT'), '7 days');
  assert.equal(readableConfigValue('max.compaction.lag.ms', '9223372036854775807', 'LONG'), 'unlimited');
  // Kafka's topic config docs, retention.ms: "If set to -1, no time limit is applied."
  assert.equal(readableConfigValue('retention.ms', '-1', 'LONG'), 'unlimited');
  assert.equal(readableConfigValue('log.retention.ms', '-1', 'LONG'), 'unlimited');
  // retention.bytes: "By default there is no size limit only a time limit" (default -1).
  assert.equal(readableConfigValue('retention.bytes', '-1', 'LONG'), 'unlimited');
  assert.equal(readableConfigValue('log.retention.bytes', '-1', 'LONG'), 'unlimited');
  // local.retention.ms (KIP-405): "-2, it represents `retention.ms` value is to be used".
  assert.equal(readableConfigValue('local.retention.ms', '-2', 'LONG'), 'same as retention.ms');
  // socket.send.buffer.bytes: "If the value is -1, the OS default will be used."
  assert.equal(readableConfigValue('socket.send.buffer.bytes', '-1', 'INT'), 'OS default');
});

test('config values that need no translation stay raw', () => {
  // -1 is not "no limit" for every key: only where Kafka documents it.
  assert.equal(readableConfigValue('segment.ms', '-1', 'LONG'), null);
  assert.equal(readableConfigValue('retention.ms', '0', 'LONG'), null);
  assert.equal(readableConfigValue('cleanup.policy', 'delete', 'LIST'), null);
  assert.equal(readableConfigValue('min.insync.replicas', '2', 'INT'), null);
  assert.equal(readableConfigValue('retention.ms', null, 'LONG'), null);
  // A string-typed key that happens to end in .ms is not a duration.
  assert.equal(readableConfigValue('odd.ms', '100', 'STRING'), null);
  // Without a type (brokers before 2.6), the key and the value decide.
  assert.equal(readableConfigValue('retention.ms', '3600000'), '1 hour');
  assert.deepEqual(configValueMeaning('retention.ms', '-1'), { kind: 'unlimited' });
});
