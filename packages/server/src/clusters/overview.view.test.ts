import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overviewOf } from './overview.view.ts';
import { aSnapshot, total } from './snapshot.fixtures.ts';

test('overview: a broker that did not answer ListGroups makes the group count partial, naming it', () => {
  const overview = overviewOf(
    aSnapshot({ groupListing: { brokers: 2, failedBrokers: [{ nodeId: 2, error: 'broker 2 timed out' }] } }),
  );
  assert.deepEqual(overview.groups, total(2, 2, 1, 'broker', 'broker 2 timed out'));
  assert.deepEqual(overview.groupsByState, { Stable: 1, Empty: 1 });
  assert.deepEqual(overviewOf(aSnapshot()).groups, total(2, 2, 0, 'broker', null));
});

test('overview: controller is the quorum leader in KRaft and the Metadata controller with ZooKeeper', () => {
  const overview = overviewOf(aSnapshot());
  assert.equal(overview.controllerId, 1);
  assert.equal(overviewOf(aSnapshot({ mode: 'zookeeper', quorum: null })).controllerId, 2);
  assert.equal(overview.partitions, 5);
  assert.equal(overview.replicas, 9);
  assert.equal(overview.underReplicatedPartitions, 2);
  assert.equal(overview.offlinePartitions, 1);
  assert.equal(overview.leaderlessPartitions, 1);
  assert.deepEqual(overview.groupsByState, { Stable: 1, Empty: 1 });
});

test("overview: under-min-ISR counts against each topic's own min.insync.replicas; unread ones are unknown, never 0", () => {
  const everyTopic = (orders: number, audit: number) =>
    new Map([
      ['orders', orders],
      ['__consumer_offsets', 2],
      ['Audit', audit],
    ]);
  // orders p1 (ISR 1) and p2 (ISR 0) and Audit p0 (ISR 1) are under 2.
  assert.deepEqual(
    overviewOf(aSnapshot({ topicMinInsyncReplicas: everyTopic(2, 2) })).underMinIsrPartitions,
    total(3, 5, 0, 'partition', null),
  );
  // A topic's own value wins: Audit allows 1.
  assert.equal(
    overviewOf(aSnapshot({ topicMinInsyncReplicas: everyTopic(2, 1) })).underMinIsrPartitions.value,
    2,
  );
  // Not read at all: every partition unknown with the reason, not the broker default's guess.
  const unread = overviewOf(
    aSnapshot({ topicMinInsyncReplicas: null, partErrors: { topicMinInsync: 'broker 1 timed out' } }),
  ).underMinIsrPartitions;
  assert.deepEqual(
    unread,
    total(null, 5, 5, 'partition', "the topics' min.insync.replicas could not be read (broker 1 timed out)"),
  );
  // One topic left out of the answer: a lower bound over the others.
  const partial = overviewOf(
    aSnapshot({ topicMinInsyncReplicas: new Map([['orders', 1]]) }),
  ).underMinIsrPartitions;
  assert.deepEqual([partial.value, partial.complete, partial.parts, partial.unknownParts], [1, false, 5, 2]);
  assert.match(partial.reason ?? '', /topic (__consumer_offsets|Audit) could not be described/);
});
