import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collidingTopic, topicNameProblems } from './topic-rules.ts';

test('legal names pass; each illegal one says what to change', () => {
  assert.deepEqual(topicNameProblems('orders.v2_eu-1'), []);
  assert.deepEqual(topicNameProblems(''), ['name: is empty; give the topic a name.']);
  assert.match(topicNameProblems('..')[0] ?? '', /reserved/);
  assert.match(topicNameProblems('a'.repeat(250))[0] ?? '', /250 characters long; Kafka allows at most 249/);
  assert.deepEqual(topicNameProblems('orders eu/1'), [
    'name: contains " ", "/"; use only letters, digits, ".", "_" and "-".',
  ]);
});

test('names that differ only by "." and "_" collide', () => {
  assert.equal(collidingTopic('orders.eu', ['orders_eu', 'x']), 'orders_eu');
  assert.equal(collidingTopic('orders.eu', ['orders.eu', 'orders-eu']), null);
});
