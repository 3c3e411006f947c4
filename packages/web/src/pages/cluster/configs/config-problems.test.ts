import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemsByKey } from './config-problems.ts';

test('each problem goes to the row of the key it starts with; others stay general', () => {
  const { byKey, rest } = problemsByKey(
    [
      'min.insync.replicas: Invalid value 0 for configuration min.insync.replicas',
      'local.retention.ms: must be at most retention.ms',
      'changes: is empty.',
    ],
    ['retention.ms', 'local.retention.ms', 'min.insync.replicas'],
  );
  assert.deepEqual(byKey, {
    'min.insync.replicas': 'Invalid value 0 for configuration min.insync.replicas',
    'local.retention.ms': 'must be at most retention.ms',
  });
  assert.deepEqual(rest, ['changes: is empty.']);
});
