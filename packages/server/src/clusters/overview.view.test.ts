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
  assert.equal(overview.underMinIsrPartitions, 3);
  assert.equal(overview.offlinePartitions, 1);
  assert.equal(overview.leaderlessPartitions, 1);
  assert.deepEqual(overview.groupsByState, { Stable: 1, Empty: 1 });
  assert.equal(overviewOf(aSnapshot({ minInsyncReplicas: null })).underMinIsrPartitions, null);
  // A topic's own min.insync.replicas wins over the broker default.
  const auditAllowsOne = aSnapshot({ topicMinInsyncReplicas: new Map([['Audit', 1]]) });
  assert.equal(overviewOf(auditAllowsOne).underMinIsrPartitions, 2);
  const onlyOverrides = aSnapshot({
    minInsyncReplicas: null,
    topicMinInsyncReplicas: new Map([['orders', 1]]),
  });
  assert.equal(overviewOf(onlyOverrides).underMinIsrPartitions, 1);
});
