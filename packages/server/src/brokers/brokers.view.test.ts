import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aSnapshot, total } from '../clusters/snapshot.fixtures.ts';
import { brokerLoadOf, brokerRoleOf, summarizeBrokers } from './brokers.view.ts';

test('brokers: leader and replica counts, skew against an even share, log-dir usage', () => {
  const [one, two] = summarizeBrokers(aSnapshot(), 1);
  assert.equal(one?.controller, true);
  assert.equal(one?.leaders, 2);
  assert.equal(two?.leaders, 2);
  assert.equal(one?.leaderSkewPercent, 0);
  assert.equal(one?.replicas, 4);
  assert.equal(two?.replicas, 5);
  assert.deepEqual(one?.logDirs, [{ path: '/d1', totalBytes: 1000, usableBytes: 400, sizeBytes: 1299 }]);
  assert.deepEqual(one?.sizeBytes, total(1299, 1, 0, 'logDir', null));
  const twoDown = summarizeBrokers(
    aSnapshot({
      logDirs: aSnapshot().logDirs!.filter((b) => b.brokerId === 1),
      logDirFailures: [{ nodeId: 2, error: 'broker 2 timed out' }],
    }),
    1,
  )[1]!;
  assert.equal(twoDown.logDirs, null);
  assert.equal(twoDown.logDirsError, 'broker 2 timed out');
  assert.deepEqual(twoDown.sizeBytes, total(null, 0, 0, 'logDir', 'broker 2 timed out'));
});

test('a KRaft broker that is a quorum voter is a controller too; the role is unknown, with why, when the quorum was not read', () => {
  const voters = [{ nodeId: 1, logEndOffset: 10, lag: 0, lastCaughtUpTimestamp: null }];
  const kraft = aSnapshot({
    quorum: { leaderId: 1, leaderEpoch: 3, highWatermark: 10, voters, observers: [] },
  });
  assert.deepEqual(brokerRoleOf(kraft, 1, 1), {
    mode: 'kraft',
    processRoles: 'both',
    activeController: true,
    reason: null,
  });
  assert.equal(brokerRoleOf(kraft, 2, 1).processRoles, 'broker');
  const unread = brokerRoleOf(
    aSnapshot({ quorum: null, partErrors: { quorum: 'controller timed out' } }),
    2,
    null,
  );
  assert.deepEqual([unread.processRoles, unread.reason], [null, 'controller timed out']);
  const zk = brokerRoleOf(aSnapshot({ mode: 'zookeeper', quorum: null }), 2, 2);
  assert.deepEqual(zk, { mode: 'zookeeper', processRoles: null, activeController: true, reason: null });
});

test("a broker's leaders and replicas are complete totals over every partition", () => {
  const { leaders, replicas } = brokerLoadOf(aSnapshot(), 1);
  assert.deepEqual([leaders.value, leaders.complete, leaders.unit], [2, true, 'partition']);
  assert.deepEqual([replicas.value, replicas.complete, replicas.unit], [4, true, 'replica']);
});
