import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collidingTopic, collisionWarning, reservedTopicProblem, topicNameProblems } from './topic-rules.ts';

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

test("Kafka's own topics are reserved from the release that introduced them", () => {
  assert.match(
    reservedTopicProblem('__consumer_offsets', '2.2') ?? '',
    /is reserved: Kafka creates it itself/,
  );
  assert.match(reservedTopicProblem('__transaction_state', '3.9') ?? '', /transaction coordinator state/);
  assert.match(reservedTopicProblem('__cluster_metadata', '4.1') ?? '', /KRaft metadata log/);
  assert.match(reservedTopicProblem('__share_group_state', '4.0') ?? '', /share group state/);
  assert.equal(reservedTopicProblem('__share_group_state', '3.9'), null);
  assert.match(reservedTopicProblem('__share_group_state', null) ?? '', /reserved/);
  assert.equal(reservedTopicProblem('__transaction_state', '0.10'), null);
  assert.equal(reservedTopicProblem('__consumer_offsets_copy', '4.1'), null);
  assert.equal(reservedTopicProblem('_schemas', '4.1'), null);
});

test("names with '.' or '_' carry Kafka's topic tool warning", () => {
  assert.match(collisionWarning('orders.v1') ?? '', /could collide/);
  assert.match(collisionWarning('orders_v1') ?? '', /could collide/);
  assert.equal(collisionWarning('orders-v1'), null);
});
