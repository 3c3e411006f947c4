import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { electPreferredLeadersThroughZooKeeper, type ZooKeeperElectionError } from '@weir/kafka';
import { createTopic, type KafkaCluster, runKafkaTool, startKafkaCluster } from '@weir/testkit';
import { describeTopicWithKafka } from './kafka-oracle.ts';

// Brokers before 2.4 have no ElectLeaders; Weir then writes the election to ZooKeeper. The harness's
// oldest Kafka (2.8) still runs the ZooKeeper path, so the write is proven against a real controller.
let kafka: KafkaCluster;

before(async () => {
  kafka = await startKafkaCluster({ version: '2.8', brokers: 3 });
});
after(async () => {
  await kafka?.stop();
});

test('a preferred election written to ZooKeeper moves each leader to its preferred replica', async () => {
  await createTopic(kafka, 'legacy-leaders', {
    partitions: 3,
    assignments: [
      { partition: 0, brokers: [1, 2, 3] },
      { partition: 1, brokers: [1, 3, 2] },
      { partition: 2, brokers: [2, 3, 1] },
    ],
  });
  const bootstrap = kafka.bootstrapServers.plaintext;
  // Reordering replicas with Kafka's own tool changes each partition's preferred replica without
  // moving its leader. (Restarting a broker instead races the controller's own rebalance check.)
  const reordered = [
    { topic: 'legacy-leaders', partition: 0, replicas: [2, 1, 3] },
    { topic: 'legacy-leaders', partition: 1, replicas: [3, 1, 2] },
    { topic: 'legacy-leaders', partition: 2, replicas: [2, 3, 1] },
  ];
  const plan = join(mkdtempSync(join(tmpdir(), 'weir-reorder-')), 'plan.json');
  writeFileSync(plan, JSON.stringify({ version: 1, partitions: reordered }));
  await runKafkaTool(kafka.version, 'kafka-reassign-partitions', [
    '--bootstrap-server',
    bootstrap,
    '--reassignment-json-file',
    plan,
    '--execute',
  ]);
  let before = await describeTopicWithKafka(kafka.version, bootstrap, 'legacy-leaders');
  for (let i = 0; i < 60 && before[1]?.replicas[0] !== 3; i++) {
    await new Promise((r) => setTimeout(r, 500));
    before = await describeTopicWithKafka(kafka.version, bootstrap, 'legacy-leaders');
  }
  assert.deepEqual(
    before.map((p) => [p.leader, p.replicas[0]]),
    [
      [1, 2],
      [1, 3],
      [2, 2],
    ],
    'leaders stay put while the preferred replicas change',
  );

  await electPreferredLeadersThroughZooKeeper(
    kafka.zookeeper?.connect ?? '',
    [0, 1, 2].map((partition) => ({ topic: 'legacy-leaders', partition })),
  );
  // The controller removes the znode once it has elected; brokers learn the result moments later.
  let after = await describeTopicWithKafka(kafka.version, bootstrap, 'legacy-leaders');
  for (let i = 0; i < 20 && after.some((p) => p.leader !== p.replicas[0]); i++) {
    await new Promise((r) => setTimeout(r, 500));
    after = await describeTopicWithKafka(kafka.version, bootstrap, 'legacy-leaders');
  }
  assert.deepEqual(
    after.map((p) => p.leader),
    after.map((p) => p.replicas[0]),
  );
});

test('an unreachable ZooKeeper is reported as unavailable, with the address', async () => {
  await assert.rejects(
    electPreferredLeadersThroughZooKeeper('127.0.0.1:9', [{ topic: 't', partition: 0 }], { timeoutMs: 1000 }),
    (error: ZooKeeperElectionError) => {
      assert.equal(error.kind, 'unavailable');
      assert.match(error.message, /No ZooKeeper server answered \(127\.0\.0\.1:9: /);
      return true;
    },
  );
});
