import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aSnapshot, total } from '../clusters/snapshot.fixtures.ts';
import { summarizeBrokers } from './brokers.view.ts';

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
