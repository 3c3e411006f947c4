import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planReassignment } from './reassignment-plan.ts';

const partitionsOn = (topic: string, count: number, replicas: (i: number) => number[]) =>
  Array.from({ length: count }, (_, partition) => ({ topic, partition, replicas: replicas(partition) }));

const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

test('everything on broker 1 spreads evenly over 1, 2 and 3, replicas and leaders', () => {
  const partitions = partitionsOn('orders', 6, () => [1]);
  const plan = planReassignment(
    partitions,
    [1, 2, 3].map((nodeId) => ({ nodeId, rack: null })),
  );
  assert.deepEqual(
    plan.brokers.map((b) => [b.nodeId, b.replicasAfter, b.leadersAfter]),
    [
      [1, 2, 2],
      [2, 2, 2],
      [3, 2, 2],
    ],
  );
  assert.equal(plan.moves.length, 4, 'the two partitions broker 1 keeps do not move');
  assert.equal(plan.replicasToCopy, 4);
});

test('an already balanced layout is left alone', () => {
  const partitions = partitionsOn('t', 6, (i) => [(i % 3) + 1, ((i + 1) % 3) + 1]);
  assert.deepEqual(
    planReassignment(
      partitions,
      [1, 2, 3].map((nodeId) => ({ nodeId, rack: null })),
    ).moves,
    [],
  );
});

test('raising the replication factor adds replicas on the least loaded brokers, never twice on one', () => {
  const partitions = partitionsOn('t', 4, (i) => [(i % 2) + 1]);
  const plan = planReassignment(
    partitions,
    [1, 2, 3].map((nodeId) => ({ nodeId, rack: null })),
    3,
  );
  for (const move of plan.moves) assert.equal(new Set(move.to).size, 3);
  assert.deepEqual(
    plan.brokers.map((b) => b.replicasAfter),
    [4, 4, 4],
  );
  assert.ok(spread(plan.brokers.map((b) => b.leadersAfter)) <= 1, 'broker 3 takes a share of the leaders');
});

test('lowering the replication factor removes replicas from the most loaded brokers', () => {
  const partitions = partitionsOn('t', 3, () => [1, 2, 3]);
  const plan = planReassignment(
    partitions,
    [1, 2, 3].map((nodeId) => ({ nodeId, rack: null })),
    2,
  );
  assert.ok(plan.moves.every((m) => m.to.length === 2));
  assert.deepEqual(
    plan.brokers.map((b) => b.replicasAfter),
    [2, 2, 2],
  );
  assert.ok(spread(plan.brokers.map((b) => b.leadersAfter)) <= 1);
});

test('moving off a broker that is not chosen, and replicas land on different racks', () => {
  const partitions = partitionsOn('t', 4, () => [1, 2]);
  const brokers = [
    { nodeId: 2, rack: 'a' },
    { nodeId: 3, rack: 'a' },
    { nodeId: 4, rack: 'b' },
  ];
  const plan = planReassignment(partitions, brokers);
  const rackOf = new Map(brokers.map((b) => [b.nodeId, b.rack]));
  for (const move of plan.moves) {
    assert.ok(!move.to.includes(1), 'broker 1 is drained');
    assert.equal(new Set(move.to.map((r) => rackOf.get(r))).size, 2, `racks differ in ${move.to}`);
  }
  assert.equal(plan.moves.length, 4);
  assert.equal(plan.brokers.find((b) => b.nodeId === 1)?.replicasAfter, 0);
});
