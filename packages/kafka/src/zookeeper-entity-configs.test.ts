import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEntityConfigs, entityName } from './zookeeper-entity-configs.ts';

test('znode names are decoded as Kafka sanitized them; <default> is the default entity', () => {
  assert.equal(entityName('alice'), 'alice');
  assert.equal(entityName('CN%3Dbob%2COU%3Dops'), 'CN=bob,OU=ops');
  assert.equal(entityName('%2A'), '*');
  assert.equal(entityName('<default>'), null);
});

test('SCRAM credentials become users with mechanisms and iterations; quotas keep their entity', () => {
  const described = describeEntityConfigs([
    {
      entity: { user: 'zoe' },
      config: {
        'SCRAM-SHA-512': 'salt=c2FsdA==,stored_key=a2V5,server_key=c2Vy,iterations=8192',
        producer_byte_rate: '1048576',
      },
    },
    {
      entity: { user: 'alice' },
      config: { 'SCRAM-SHA-256': 'salt=c2FsdA==,stored_key=a2V5,server_key=c2Vy,iterations=4096' },
    },
    { entity: { user: 'alice', 'client-id': null }, config: { consumer_byte_rate: '2048' } },
    { entity: { 'client-id': null }, config: { request_percentage: '12.5' } },
    { entity: { user: 'nobody' }, config: {} },
  ]);
  assert.deepEqual(described.scramUsers, [
    { user: 'alice', mechanisms: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }] },
    { user: 'zoe', mechanisms: [{ mechanism: 'SCRAM-SHA-512', iterations: 8192 }] },
  ]);
  assert.deepEqual(described.quotas, [
    { entity: { user: 'zoe' }, values: { producer_byte_rate: 1048576 } },
    { entity: { user: 'alice', 'client-id': null }, values: { consumer_byte_rate: 2048 } },
    { entity: { 'client-id': null }, values: { request_percentage: 12.5 } },
  ]);
});
