import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { electPreferredLeadersThroughZooKeeper, type ZooKeeperRequestError } from '@weir/kafka';
import {
  commitOffsets,
  createTopic,
  type KafkaCluster,
  produceRecords,
  runKafkaTool,
  startKafkaCluster,
} from '@weir/testkit';
import { createTestApp, type TestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';
import { describeGroupWithKafka, describeTopicWithKafka } from './kafka-oracle.ts';

// Kafka 2.2 predates IncrementalAlterConfigs (2.3), ElectLeaders v1 and AlterPartitionReassignments
// (2.4), DescribeClientQuotas (2.6), DescribeUserScramCredentials (2.7) and topic ids (2.8): each of
// Weir's fallbacks, and each refusal where there is none, is proven here against a real controller.
let kafka: KafkaCluster;
let app: TestApp;
let cookie: string;
let withZooKeeper: string;
let withoutZooKeeper: string;

const api = apiClient(
  () => app,
  () => cookie,
);
const bootstrap = () => kafka.bootstrapServers.plaintext;
const zookeeper = () => kafka.zookeeper?.connect ?? '';
const wait = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

/** A 2.2 kafka-configs reaches topic and user configs only through ZooKeeper. */
const kafkaConfigs = (args: string[]) =>
  runKafkaTool(kafka.version, 'kafka-configs', ['--zookeeper', zookeeper(), ...args]);

/** `Configs for topic 'x' are a=1,b=2` → `{ a: '1', b: '2' }`. */
async function topicOverrides(topic: string): Promise<Record<string, string>> {
  const output = await kafkaConfigs(['--entity-type', 'topics', '--entity-name', topic, '--describe']);
  const list = /Configs for topic '[^']+' are (.*)$/m.exec(output)?.[1] ?? '';
  return Object.fromEntries(
    list
      .split(',')
      .filter(Boolean)
      .map((entry) => entry.split('=') as [string, string]),
  );
}

before(async () => {
  kafka = await startKafkaCluster({ version: '2.2', brokers: 3 });
  app = await createTestApp();
  cookie = await app.login();
  const created = await api('POST', '/clusters', {
    name: 'legacy',
    bootstrapServers: bootstrap().split(','),
    zookeeperConnect: zookeeper(),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.deepEqual(created.body.connection.cluster.version, {
    label: '2.2',
    minimum: '2.2',
    maximum: '2.2',
    exact: true,
    certainty: 'exact',
    evidence: ['ApiVersions: 2.2'],
  });
  assert.equal(created.body.connection.cluster.mode, 'zookeeper');
  withZooKeeper = created.body.cluster.id;
  const bare = await api('POST', '/clusters', {
    name: 'legacy-bare',
    bootstrapServers: bootstrap().split(','),
  });
  assert.equal(bare.status, 201, JSON.stringify(bare.body));
  withoutZooKeeper = bare.body.cluster.id;
});
after(async () => {
  await app?.close();
  await kafka?.stop();
});

test("topics and lag equal what Kafka 2.2's own tools print; no topic ids before 2.8", async () => {
  await createTopic(kafka, 'ledger', { partitions: 3, replicas: 2 });
  await produceRecords(kafka, 'ledger', 300);
  await commitOffsets(
    kafka,
    'ledger-readers',
    'ledger',
    [0, 1, 2].map((partition) => ({ partition, offset: 20 })),
  );
  const detail = (await api('GET', `/clusters/${withZooKeeper}/topics/ledger?refresh=true`)).body;
  assert.equal(detail.topic.topicId, null);
  assert.equal(detail.topic.messages.value, 300);
  const oracle = await describeTopicWithKafka(kafka.version, bootstrap(), 'ledger');
  assert.deepEqual(
    detail.partitions.map((p: AnyBody) => ({
      partition: p.partition,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
    })),
    oracle,
  );
  const group = (await api('GET', `/clusters/${withZooKeeper}/groups/ledger-readers`)).body;
  assert.equal(group.group.state, 'Empty', 'ListGroups has no states before 2.6; DescribeGroups tells it');
  const listed = (await api('GET', `/clusters/${withZooKeeper}/groups`)).body.groups;
  assert.equal(listed.find((g: AnyBody) => g.groupId === 'ledger-readers')?.state, 'Empty');
  const lag = await describeGroupWithKafka(kafka.version, bootstrap(), 'ledger-readers');
  assert.deepEqual(
    group.partitions.map((o: AnyBody) => [o.partition, o.committedOffset, o.endOffset, o.lag]),
    lag.map((o) => [o.partition, o.committedOffset, o.endOffset, o.lag]),
  );
});

test('topic configs are applied with AlterConfigs, keeping the overrides not named', async () => {
  const created = await api('POST', `/clusters/${withZooKeeper}/topics`, {
    name: 'settlements',
    partitions: 2,
    replicationFactor: 2,
    configs: { 'cleanup.policy': 'compact', 'retention.ms': '3600000' },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const changed = await api('PATCH', `/clusters/${withZooKeeper}/topics/settlements/configs`, {
    changes: [
      { name: 'retention.ms', value: '7200000' },
      { name: 'max.message.bytes', value: '2097152' },
    ],
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.api, 'AlterConfigs');
  assert.deepEqual(await topicOverrides('settlements'), {
    'cleanup.policy': 'compact',
    'max.message.bytes': '2097152',
    'retention.ms': '7200000',
  });
  const reset = await api('PATCH', `/clusters/${withZooKeeper}/topics/settlements/configs`, {
    changes: [{ name: 'cleanup.policy', value: null }],
  });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.deepEqual(await topicOverrides('settlements'), {
    'max.message.bytes': '2097152',
    'retention.ms': '7200000',
  });
});

test('a preferred election through the API is written to ZooKeeper and moves leaders back', async () => {
  await createTopic(kafka, 'legacy-leaders', {
    partitions: 3,
    assignments: [
      { partition: 0, brokers: [1, 2, 3] },
      { partition: 1, brokers: [1, 3, 2] },
      { partition: 2, brokers: [2, 3, 1] },
    ],
  });
  // Reordering replicas with Kafka's own tool changes the preferred replica of partitions 0 and 1
  // without moving their leaders. (Restarting a broker instead races the controller's own rebalance.)
  const plan = join(mkdtempSync(join(tmpdir(), 'weir-reorder-')), 'plan.json');
  writeFileSync(
    plan,
    JSON.stringify({
      version: 1,
      partitions: [
        { topic: 'legacy-leaders', partition: 0, replicas: [2, 1, 3] },
        { topic: 'legacy-leaders', partition: 1, replicas: [3, 1, 2] },
      ],
    }),
  );
  await runKafkaTool(kafka.version, 'kafka-reassign-partitions', [
    '--zookeeper',
    zookeeper(),
    '--reassignment-json-file',
    plan,
    '--execute',
  ]);
  let before = await describeTopicWithKafka(kafka.version, bootstrap(), 'legacy-leaders');
  for (let i = 0; i < 60 && before[1]?.replicas[0] !== 3; i++) {
    await wait(500);
    before = await describeTopicWithKafka(kafka.version, bootstrap(), 'legacy-leaders');
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

  const bare = await api('POST', `/clusters/${withoutZooKeeper}/elections`, {
    type: 'preferred',
    partitions: [{ topic: 'legacy-leaders' }],
  });
  assert.equal(bare.status, 400);
  assert.match(bare.body.detail, /add the cluster's ZooKeeper connect string/);

  const elected = await api('POST', `/clusters/${withZooKeeper}/elections`, {
    type: 'preferred',
    partitions: [{ topic: 'legacy-leaders' }],
  });
  assert.equal(elected.status, 200, JSON.stringify(elected.body));
  assert.deepEqual(
    elected.body.results.map((r: AnyBody) => [r.partition, r.alreadyLed, r.error]),
    [
      [0, false, null],
      [1, false, null],
      [2, true, null],
    ],
  );
  const afterElection = await describeTopicWithKafka(kafka.version, bootstrap(), 'legacy-leaders');
  assert.deepEqual(
    afterElection.map((p) => p.leader),
    [2, 3, 2],
  );

  const unclean = await api('POST', `/clusters/${withZooKeeper}/elections`, {
    type: 'unclean',
    partitions: [{ topic: 'legacy-leaders' }],
    acceptDataLoss: true,
  });
  assert.equal(unclean.status, 400);
  assert.match(unclean.body.detail, /unclean\.leader\.election\.enable/);
});

test('an unreachable ZooKeeper is reported as unavailable, with the address', async () => {
  await assert.rejects(
    electPreferredLeadersThroughZooKeeper('127.0.0.1:9', [{ topic: 't', partition: 0 }], { timeoutMs: 1000 }),
    (error: ZooKeeperRequestError) => {
      assert.equal(error.kind, 'unavailable');
      assert.match(error.message, /No ZooKeeper server answered \(127\.0\.0\.1:9: /);
      return true;
    },
  );
});

test('SCRAM users and quotas are read from ZooKeeper; without a connect string the API says so', async () => {
  await kafkaConfigs([
    '--alter',
    '--entity-type',
    'users',
    '--entity-name',
    'alice',
    '--add-config',
    'SCRAM-SHA-256=[iterations=8192,password=alice-secret],producer_byte_rate=1048576',
  ]);
  await kafkaConfigs([
    '--alter',
    '--entity-type',
    'users',
    '--entity-name',
    'bob',
    '--add-config',
    'SCRAM-SHA-512=[password=bob-secret]',
  ]);
  await kafkaConfigs([
    '--alter',
    '--entity-type',
    'clients',
    '--entity-default',
    '--add-config',
    'consumer_byte_rate=2048',
  ]);
  const users = await api('GET', `/clusters/${withZooKeeper}/scram-users`);
  assert.equal(users.status, 200, JSON.stringify(users.body));
  assert.deepEqual(users.body.users, [
    { user: 'alice', mechanisms: [{ mechanism: 'SCRAM-SHA-256', iterations: 8192 }] },
    { user: 'bob', mechanisms: [{ mechanism: 'SCRAM-SHA-512', iterations: 4096 }] },
  ]);
  const quotas = await api('GET', `/clusters/${withZooKeeper}/quotas`);
  assert.equal(quotas.status, 200, JSON.stringify(quotas.body));
  assert.deepEqual(
    [...quotas.body.quotas].sort((a: AnyBody, b: AnyBody) =>
      JSON.stringify(a.entity).localeCompare(JSON.stringify(b.entity)),
    ),
    [
      { entity: { 'client-id': null }, values: { consumer_byte_rate: 2048 } },
      { entity: { user: 'alice' }, values: { producer_byte_rate: 1048576 } },
    ],
  );

  for (const path of ['scram-users', 'quotas']) {
    const bare = await api('GET', `/clusters/${withoutZooKeeper}/${path}`);
    assert.equal(bare.status, 400, path);
    assert.match(bare.body.detail, /add the cluster's ZooKeeper connect string in its settings/);
  }
});

test('without ZooKeeper a reassignment is refused before anything changes', async () => {
  const started = await api('POST', `/clusters/${withoutZooKeeper}/reassignments`, {
    moves: [{ topic: 'ledger', partition: 0, replicas: [1, 2, 3] }],
    throttleBytesPerSecond: 100_000,
  });
  assert.equal(started.status, 400);
  assert.match(started.body.detail, /Kafka before 2\.4.*add the cluster's ZooKeeper connect string/);
  assert.deepEqual(await topicOverrides('ledger'), {}, 'no throttle was set');
  assert.deepEqual((await api('GET', `/clusters/${withoutZooKeeper}/jobs`)).body.jobs, []);
});

test('a throttled reassignment runs through ZooKeeper, cannot be cancelled once submitted, and cleans up', async () => {
  await createTopic(kafka, 'moving', {
    partitions: 3,
    assignments: [0, 1, 2].map((partition) => ({ partition, brokers: [1] })),
  });
  // Kafka lets a throttled replica burst for its first quota windows (about 11 s of the rate), so the
  // data is sized to keep the moves running well past that, while the test cancels.
  await produceRecords(kafka, 'moving', 2000, { valueBytes: 3000 });
  const plan = await api('POST', `/clusters/${withZooKeeper}/reassignments/plan`, {
    topics: ['moving'],
    replicationFactor: 2,
  });
  assert.equal(plan.status, 200, JSON.stringify(plan.body));
  const moves = plan.body.moves.map((m: AnyBody) => ({
    topic: m.topic,
    partition: m.partition,
    replicas: m.to,
  }));
  const started = await api('POST', `/clusters/${withZooKeeper}/reassignments`, {
    moves,
    throttleBytesPerSecond: 100_000,
  });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const job = (id: string) => api('GET', `/clusters/${withZooKeeper}/jobs/${id}`);
  let current = (await job(started.body.id)).body;
  for (let i = 0; i < 100 && current.progress.phase !== 'wait'; i++) {
    await wait(100);
    current = (await job(started.body.id)).body;
  }
  assert.equal(current.progress.phase, 'wait', JSON.stringify(current));
  assert.ok(
    (await topicOverrides('moving'))['leader.replication.throttled.replicas'],
    'throttled while moving',
  );
  const cancel = await api('POST', `/clusters/${withZooKeeper}/jobs/${started.body.id}/cancel`);
  assert.equal(cancel.status, 409, JSON.stringify(cancel.body));
  assert.match(cancel.body.detail, /cannot cancel a reassignment once it is submitted/);

  for (let i = 0; i < 240 && current.state === 'running'; i++) {
    await wait(500);
    current = (await job(started.body.id)).body;
  }
  assert.equal(current.state, 'succeeded', JSON.stringify(current));
  const described = await describeTopicWithKafka(kafka.version, bootstrap(), 'moving');
  assert.deepEqual(
    described.map((p) => p.replicas),
    moves.map((m: AnyBody) => m.replicas),
  );
  assert.deepEqual(
    described.map((p) => p.leader),
    moves.map((m: AnyBody) => m.replicas[0]),
    'the planned leaders lead',
  );
  assert.deepEqual(await topicOverrides('moving'), {}, 'the throttle is gone from the topic');
  for (const broker of [1, 2, 3]) {
    const output = await kafkaConfigs([
      '--entity-type',
      'brokers',
      '--entity-name',
      String(broker),
      '--describe',
    ]);
    assert.doesNotMatch(output, /throttled\.rate/, `the throttle is gone from broker ${broker}`);
  }
  // A refused cancel changes nothing, so the history has no cancel; the moves went through ZooKeeper.
  const types = current.history.map((e: AnyBody) => e.type);
  assert.deepEqual(types.slice(0, 3), ['started', 'throttle-set', 'step']);
  assert.match(
    current.history[2].detail,
    /^Submitted 3 of 3 move\(s\) to the controller through ZooKeeper\.$/,
  );
  assert.deepEqual(types.slice(-3), ['step', 'throttle-removed', 'finished']);
  assert.ok(!types.includes('cancel-requested'));
});
