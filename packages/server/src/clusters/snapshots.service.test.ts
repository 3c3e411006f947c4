import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KafkaGateway } from '@weir/kafka';
import type { ClusterSnapshot } from './cluster-snapshot.ts';
import { SnapshotsService } from './snapshots.service.ts';

/** A reader whose reads finish when the test says, each numbered by when it began. */
function controlledReads() {
  const started: { finish: () => void; number: number }[] = [];
  const read = () =>
    new Promise<ClusterSnapshot>((resolve) => {
      const number = started.length + 1;
      started.push({ number, finish: () => resolve({ takenAt: number } as ClusterSnapshot) });
    });
  return { started, read };
}
const connections = { gateway: async () => ({}) as KafkaGateway };
const tick = () => new Promise((r) => setImmediate(r));

test('a refresh asked while a read is under way gets a read that began after it, shared with others', async () => {
  const { started, read } = controlledReads();
  const snapshots = new SnapshotsService(connections, () => 0, read);
  const first = snapshots.refresh('c');
  await tick();
  const second = snapshots.refresh('c');
  const third = snapshots.refresh('c');
  assert.equal(started.length, 1);
  started[0]!.finish();
  assert.equal((await first).snapshot.takenAt, 1);
  await tick();
  assert.equal(started.length, 2, 'one more read, begun after the first finished');
  started[1]!.finish();
  assert.equal((await second).snapshot.takenAt, 2);
  assert.equal(await third, await second);
});

test('a read for a stale cache joins the read under way instead of queueing', async () => {
  const { started, read } = controlledReads();
  const snapshots = new SnapshotsService(connections, () => 100, read);
  const refresh = snapshots.refresh('c');
  await tick();
  const get = snapshots.get('c', { maxAgeMs: 30 });
  started[0]!.finish();
  assert.equal(await get, await refresh);
  assert.equal(started.length, 1);
});
