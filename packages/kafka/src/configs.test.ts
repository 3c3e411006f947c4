import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fallbackOf } from './configs.ts';

// Sources as DescribeConfigs numbers them: 1 topic, 4 static broker, 5 Kafka's default.
test('an override falls back to the next synonym Kafka reports; an entry at its default is its own default', () => {
  const override = {
    value: '2000000',
    configSource: 1,
    isSensitive: false,
    synonyms: [
      { name: 'max.message.bytes', value: '2000000', source: 1 },
      { name: 'message.max.bytes', value: '1048588', source: 5 },
    ],
  };
  assert.deepEqual(fallbackOf(override), { value: '1048588', source: 'default' });
  const staticBroker = {
    value: '4',
    configSource: 4,
    isSensitive: false,
    synonyms: [
      { name: 'offsets.topic.num.partitions', value: '4', source: 4 },
      { name: 'offsets.topic.num.partitions', value: '50', source: 5 },
    ],
  };
  assert.deepEqual(fallbackOf(staticBroker), { value: '50', source: 'default' });
  assert.deepEqual(fallbackOf({ value: 'delete', configSource: 5, isSensitive: false, synonyms: [] }), {
    value: 'delete',
    source: 'default',
  });
  // Kafka lists only the override itself for a topic's retention.ms: no default is made up.
  const alone = {
    value: '3600000',
    configSource: 1,
    isSensitive: false,
    synonyms: [{ name: 'retention.ms', value: '3600000', source: 1 }],
  };
  assert.deepEqual(fallbackOf(alone), { value: null, source: null });
  assert.deepEqual(fallbackOf({ ...override, isSensitive: true }), { value: null, source: null });
});
