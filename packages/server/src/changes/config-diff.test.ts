import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigEntry } from '@weir/kafka';
import { diffConfigs, keyNamedIn } from './config-diff.ts';

const entry = (name: string, value: string | null, extra: Partial<ConfigEntry> = {}): ConfigEntry => ({
  name,
  value,
  source: 'default',
  readOnly: false,
  sensitive: false,
  defaultValue: value,
  defaultSource: 'default',
  type: null,
  documentation: null,
  ...extra,
});

const current = [
  entry('retention.ms', '3600000', { source: 'topic', defaultValue: '604800000' }),
  entry('cleanup.policy', 'delete'),
  entry('log.dirs', '/data', { readOnly: true }),
];

test('a set and a reset show before and after; a reset falls back to the default', () => {
  const { rows, problems } = diffConfigs(current, [
    { name: 'cleanup.policy', value: 'compact' },
    { name: 'retention.ms', value: null },
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(rows, [
    { name: 'cleanup.policy', before: 'delete', after: 'compact', source: 'default', reset: false },
    { name: 'retention.ms', before: '3600000', after: '604800000', source: 'topic', reset: true },
  ]);
});

test('unknown keys suggest the nearest one; read-only, repeated and unchanged entries are refused', () => {
  const { rows, problems } = diffConfigs(current, [
    { name: 'retention.msx', value: '1' },
    { name: 'log.dirs', value: '/x' },
    { name: 'cleanup.policy', value: 'delete' },
    { name: 'no.such.thing.at.all', value: '1' },
  ]);
  assert.deepEqual(rows, []);
  assert.deepEqual(problems, [
    'retention.msx: is not a config of this resource; did you mean "retention.ms"?',
    "log.dirs: is read-only here; it can only be changed in the broker's server.properties.",
    'cleanup.policy: is already "delete"; nothing to change.',
    'no.such.thing.at.all: is not a config of this resource.',
  ]);
});

test("a broker's refusal is put on the key its message names, the longest one when keys overlap", () => {
  const changes = [{ name: 'retention.ms' }, { name: 'local.retention.ms' }, { name: 'min.insync.replicas' }];
  assert.equal(
    keyNamedIn('Invalid value 0 for configuration min.insync.replicas: Value must be at least 1', changes),
    'min.insync.replicas',
  );
  assert.equal(
    keyNamedIn('local.retention.ms must be at most retention.ms.', changes.slice(0, 2)),
    'local.retention.ms',
  );
  assert.equal(keyNamedIn('Invalid value for retention.ms.', changes.slice(0, 2)), 'retention.ms');
  assert.equal(keyNamedIn('The broker is busy', changes), null);
});
