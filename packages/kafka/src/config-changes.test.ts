import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fullOverrideSet } from './config-changes.ts';

test('legacy AlterConfigs gets every current override of the resource with the changes applied', () => {
  const current = [
    { name: 'retention.ms', value: '1000', source: 'topic', sensitive: false },
    { name: 'cleanup.policy', value: 'compact', source: 'topic', sensitive: false },
    { name: 'segment.bytes', value: '1073741824', source: 'default', sensitive: false },
  ];
  assert.deepEqual(
    fullOverrideSet(
      current,
      [
        { name: 'cleanup.policy', value: null },
        { name: 'max.message.bytes', value: '2000000' },
      ],
      { type: 'topic', name: 'orders' },
    ),
    [
      { name: 'max.message.bytes', value: '2000000' },
      { name: 'retention.ms', value: '1000' },
    ],
  );
});

test('for one broker only its own dynamic overrides are carried, not the cluster defaults', () => {
  const current = [
    { name: 'log.cleaner.threads', value: '2', source: 'dynamic-broker', sensitive: false },
    { name: 'log.retention.ms', value: '5', source: 'dynamic-default-broker', sensitive: false },
  ];
  assert.deepEqual(fullOverrideSet(current, [], { type: 'broker', name: '1' }), [
    { name: 'log.cleaner.threads', value: '2' },
  ]);
  assert.deepEqual(fullOverrideSet(current, [], { type: 'broker', name: '' }), [
    { name: 'log.retention.ms', value: '5' },
  ]);
});
