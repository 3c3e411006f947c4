import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  commitOffsets,
  createTopic,
  type KafkaCluster,
  produceRecords,
  runKafkaTool,
  startConsumer,
  startKafkaCluster,
} from '@weir/testkit';
import { createTestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';
import { describeGroupWithKafka, describeTopicWithKafka } from './kafka-oracle.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let kafka: KafkaCluster;
let clusterId: string;
/** Stores a restarted app took over; removed at the end. */
const leftoverDirs: string[] = [];

const api = apiClient(
  () => app,
  () => cookie,
);
const cluster = (path: string) => `/clusters/${clusterId}${path}`;
const bootstrap = () => kafka.bootstrapServers.plaintext;

/** Topic-level overrides as kafka-configs --describe prints them. */
async function topicOverrides(topic: string): Promise<Record<string, string>> {
  const output = await runKafkaTool(kafka.version, 'kafka-configs', [
    '--bootstrap-server',
    bootstrap(),
    '--entity-type',
    'topics',
    '--entity-name',
    topic,
    '--describe',
  ]);
  return overridesIn(output);
}

async function brokerOverrides(broker: number): Promise<Record<string, string>> {
  const output = await runKafkaTool(kafka.version, 'kafka-configs', [
    '--bootstrap-server',
    bootstrap(),
    '--entity-type',
    'brokers',
    '--entity-name',
    String(broker),
    '--describe',
  ]);
  return overridesIn(output);
}

function overridesIn(output: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^\s+([a-z0-9.]+)=(\S*) sensitive=/.exec(line);
    if (match) entries[match[1] as string] = match[2] as string;
  }
  return entries;
}

/** Log start offsets as Kafka's GetOffsetShell prints them (`topic:partition:offset`). */
async function startOffsets(topic: string): Promise<number[]> {
  const output = await runKafkaTool(kafka.version, 'kafka-get-offsets', [
    '--bootstrap-server',
    bootstrap(),
    '--topic',
    topic,
    '--time',
    '-2',
  ]);
  return output
    .trim()
    .split('\n')
    .map((line) => line.split(':'))
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((parts) => Number(parts[2]));
}

async function listTopics(): Promise<string[]> {
  const output = await runKafkaTool(kafka.version, 'kafka-topics', [
    '--bootstrap-server',
    bootstrap(),
    '--list',
  ]);
  return output.trim().split('\n');
}

before(async () => {
  kafka = await startKafkaCluster({ version: '3.9', brokers: 3 });
  app = await createTestApp();
  cookie = await app.login();
  const added = await api('POST', '/clusters', { name: 'ops', bootstrapServers: bootstrap().split(',') });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterId = added.body.cluster.id;
});
after(async () => {
  await app?.close();
  await kafka?.stop();
  for (const dir of leftoverDirs) rmSync(dir, { recursive: true, force: true });
});

describe('topics', () => {
  test("the overview's under-min-ISR count honours a topic's own min.insync.replicas", async () => {
    const before = await api('GET', cluster('/overview?refresh=true'));
    const created = await api('POST', cluster('/topics'), {
      name: 'strict-isr',
      partitions: 2,
      replicationFactor: 1,
      configs: { 'min.insync.replicas': '2' },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    // New topics reach every broker's metadata a moment after CreateTopics answers.
    let after = await api('GET', cluster('/overview?refresh=true'));
    for (
      let i = 0;
      i < 40 &&
      after.body.overview.underMinIsrPartitions.value === before.body.overview.underMinIsrPartitions.value;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 250));
      after = await api('GET', cluster('/overview?refresh=true'));
    }
    assert.equal(after.body.overview.underMinIsrPartitions.complete, true);
    assert.equal(
      after.body.overview.underMinIsrPartitions.value,
      before.body.overview.underMinIsrPartitions.value + 2,
    );
    assert.equal(
      (await api('DELETE', cluster('/topics/strict-isr'), { confirmName: 'strict-isr' })).status,
      204,
    );
  });

  test('bad names, impossible counts and unknown configs are refused with the reason, and nothing is created', async () => {
    const badName = await api('POST', cluster('/topics'), {
      name: 'orders eu',
      partitions: 1,
      replicationFactor: 1,
    });
    assert.equal(badName.status, 400);
    assert.match(badName.body.problems[0], /contains " "; use only letters, digits/);

    const tooMany = await api('POST', cluster('/topics'), {
      name: 'rf-five',
      partitions: 1,
      replicationFactor: 5,
    });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.detail, /INVALID_REPLICATION_FACTOR/);

    const unknownConfig = await api('POST', cluster('/topics'), {
      name: 'odd-config',
      partitions: 1,
      replicationFactor: 1,
      configs: { 'retention.msx': '1000' },
    });
    assert.equal(unknownConfig.status, 400);
    assert.match(unknownConfig.body.detail, /INVALID_CONFIG|retention\.msx/);

    const dryRun = await api('POST', cluster('/topics'), {
      name: 'dry-run',
      partitions: 4,
      replicationFactor: 2,
      validateOnly: true,
    });
    assert.equal(dryRun.status, 200);
    assert.deepEqual(dryRun.body, {
      name: 'dry-run',
      partitions: 4,
      replicationFactor: 2,
      validateOnly: true,
      warnings: [],
    });

    const topics = await listTopics();
    for (const name of ['rf-five', 'odd-config', 'dry-run'])
      assert.ok(!topics.includes(name), `${name} was created`);
  });

  test('create with configs, then a duplicate is a conflict; a viewer may not create', async () => {
    const created = await api('POST', cluster('/topics'), {
      name: 'payments',
      partitions: 3,
      replicationFactor: 2,
      configs: { 'cleanup.policy': 'compact', 'retention.ms': '3600000' },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const described = await describeTopicWithKafka(kafka.version, bootstrap(), 'payments');
    assert.equal(described.length, 3);
    assert.ok(described.every((p) => p.replicas.length === 2));
    assert.deepEqual(await topicOverrides('payments'), {
      'cleanup.policy': 'compact',
      'retention.ms': '3600000',
    });

    const again = await api('POST', cluster('/topics'), {
      name: 'payments',
      partitions: 1,
      replicationFactor: 1,
    });
    assert.equal(again.status, 409);
    assert.match(again.body.detail, /TOPIC_ALREADY_EXISTS/);

    const viewer = await app.loginAs('viewer');
    const refused = await api(
      'POST',
      cluster('/topics'),
      { name: 'viewer-topic', partitions: 1, replicationFactor: 1 },
      viewer,
    );
    assert.equal(refused.status, 403);
    assert.match(refused.body.detail, /topics:write/);
  });

  test('adding partitions: fewer is refused, more is applied with the ordering warning', async () => {
    const fewer = await api('POST', cluster('/topics/payments/partitions'), { count: 2 });
    assert.equal(fewer.status, 400);
    assert.match(fewer.body.detail, /has 3 partitions; Kafka can only add partitions/);
    const more = await api('POST', cluster('/topics/payments/partitions'), { count: 5 });
    assert.equal(more.status, 200);
    assert.match(more.body.warning, /changes which partition a key hashes to/);
    assert.equal((await describeTopicWithKafka(kafka.version, bootstrap(), 'payments')).length, 5);
  });

  test('topic configs: the preview diffs and changes nothing; apply changes only the named keys', async () => {
    const changes = [
      { name: 'retention.ms', value: '7200000' },
      { name: 'cleanup.policy', value: null },
    ];
    const preview = await api('POST', cluster('/topics/payments/configs/preview'), { changes });
    assert.equal(preview.status, 200);
    assert.deepEqual(
      preview.body.changes.map((c: AnyBody) => [c.name, c.before, c.after, c.reset]),
      [
        ['retention.ms', '3600000', '7200000', false],
        ['cleanup.policy', 'compact', 'delete', true],
      ],
    );
    assert.equal(preview.body.applied, false);
    assert.deepEqual(await topicOverrides('payments'), {
      'cleanup.policy': 'compact',
      'retention.ms': '3600000',
    });

    const applied = await api('PATCH', cluster('/topics/payments/configs'), { changes });
    assert.equal(applied.status, 200);
    assert.equal(applied.body.api, 'IncrementalAlterConfigs');
    assert.deepEqual(await topicOverrides('payments'), { 'retention.ms': '7200000' });

    const typo = await api('PATCH', cluster('/topics/payments/configs'), {
      changes: [{ name: 'retention.msx', value: '1' }],
    });
    assert.equal(typo.status, 400);
    assert.deepEqual(typo.body.problems, [
      'retention.msx: is not a config of this resource; did you mean "retention.ms"?',
    ]);
    const outOfRange = await api('PATCH', cluster('/topics/payments/configs'), {
      changes: [{ name: 'min.insync.replicas', value: '0' }],
    });
    assert.equal(outOfRange.status, 400);
    assert.match(outOfRange.body.detail, /INVALID_CONFIG|min\.insync\.replicas/);
  });

  test('broker configs: one broker and the cluster-wide default', async () => {
    const one = await api('PATCH', cluster('/brokers/2/configs'), {
      changes: [{ name: 'leader.replication.throttled.rate', value: '5000000' }],
    });
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.equal((await brokerOverrides(2))['leader.replication.throttled.rate'], '5000000');
    await api('PATCH', cluster('/brokers/2/configs'), {
      changes: [{ name: 'leader.replication.throttled.rate', value: null }],
    });
    assert.equal((await brokerOverrides(2))['leader.replication.throttled.rate'], undefined);

    const missing = await api('PATCH', cluster('/brokers/9/configs'), {
      changes: [{ name: 'x', value: '1' }],
    });
    assert.equal(missing.status, 404);

    const cluster_wide = await api('PATCH', cluster('/broker-defaults/configs'), {
      changes: [{ name: 'log.retention.ms', value: '86400000' }],
    });
    assert.equal(cluster_wide.status, 200, JSON.stringify(cluster_wide.body));
    const defaults = await runKafkaTool(kafka.version, 'kafka-configs', [
      '--bootstrap-server',
      bootstrap(),
      '--entity-type',
      'brokers',
      '--entity-default',
      '--describe',
    ]);
    assert.equal(overridesIn(defaults)['log.retention.ms'], '86400000');
  });

  test('truncate: previewed per partition, needs the name, and moves the log start', async () => {
    await createTopic(kafka, 'truncate-me', { partitions: 2 });
    await produceRecords(kafka, 'truncate-me', 100);
    const preview = await api('POST', cluster('/topics/truncate-me/truncate/preview'), {
      target: { type: 'offset', offset: 10 },
      partitions: [0],
    });
    assert.equal(preview.status, 200);
    assert.deepEqual(
      preview.body.partitions.map((p: AnyBody) => [p.partition, p.start, p.newStart, p.deleted]),
      [[0, 0, 10, 10]],
    );
    const unconfirmed = await api('POST', cluster('/topics/truncate-me/truncate'), {
      target: { type: 'end' },
      confirmName: 'truncate',
    });
    assert.equal(unconfirmed.status, 400);
    assert.deepEqual(await startOffsets('truncate-me'), [0, 0]);

    const toOffset = await api('POST', cluster('/topics/truncate-me/truncate'), {
      target: { type: 'offset', offset: 10 },
      partitions: [0],
      confirmName: 'truncate-me',
    });
    assert.equal(toOffset.status, 200, JSON.stringify(toOffset.body));
    assert.deepEqual(await startOffsets('truncate-me'), [10, 0]);

    const toEnd = await api('POST', cluster('/topics/truncate-me/truncate'), {
      target: { type: 'end' },
      confirmName: 'truncate-me',
    });
    assert.equal(toEnd.status, 200);
    const ends = toEnd.body.partitions.map((p: AnyBody) => p.end);
    assert.deepEqual(await startOffsets('truncate-me'), ends);
  });

  test('clone copies partitions, replication factor and overrides', async () => {
    const cloned = await api('POST', cluster('/topics/payments/clone'), { name: 'payments-copy' });
    assert.equal(cloned.status, 200, JSON.stringify(cloned.body));
    const described = await describeTopicWithKafka(kafka.version, bootstrap(), 'payments-copy');
    assert.equal(described.length, 5);
    assert.ok(described.every((p) => p.replicas.length === 2));
    assert.deepEqual(await topicOverrides('payments-copy'), { 'retention.ms': '7200000' });
  });

  test('delete needs the exact name, and is audited with the result', async () => {
    const wrong = await api('DELETE', cluster('/topics/payments-copy'), { confirmName: 'payments' });
    assert.equal(wrong.status, 400);
    assert.ok((await listTopics()).includes('payments-copy'));
    const deleted = await api('DELETE', cluster('/topics/payments-copy'), { confirmName: 'payments-copy' });
    assert.equal(deleted.status, 204);
    // Kafka deletes asynchronously: the broker kafka-topics asks may list the topic a moment longer.
    for (let tries = 0; (await listTopics()).includes('payments-copy'); tries++) {
      assert.ok(tries < 30, 'payments-copy is still listed by kafka-topics 30 s after the delete');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const missing = await api('DELETE', cluster('/topics/payments-copy'), { confirmName: 'payments-copy' });
    assert.equal(missing.status, 404);

    const audit = await api('GET', '/audit?limit=100');
    const actions = audit.body.entries.map((e: AnyBody) => `${e.action}:${e.result}`);
    for (const expected of [
      'topic.create:success',
      'topic.create:failure',
      'topic.add-partitions:success',
      'topic.configs.update:success',
      'broker.configs.update:success',
      'topic.truncate:success',
      'topic.delete:success',
    ]) {
      assert.ok(actions.includes(expected), `audit lacks ${expected}: ${actions.join(' ')}`);
    }
    const configChange = audit.body.entries.find((e: AnyBody) => e.action === 'topic.configs.update');
    assert.deepEqual(configChange.before, { 'retention.ms': '3600000', 'cleanup.policy': 'compact' });
    assert.deepEqual(configChange.after, { 'retention.ms': '7200000', 'cleanup.policy': 'delete' });
  });
});

describe('consumer groups', () => {
  before(async () => {
    await createTopic(kafka, 'events', { partitions: 3 });
    await produceRecords(kafka, 'events', 300);
  });

  test('reset is refused while the group has members, then applied once it is stopped', async () => {
    const consumer = await startConsumer(kafka, 'billing', 'events');
    try {
      for (let i = 0; i < 100 && consumer.consumed() < 300; i++) await new Promise((r) => setTimeout(r, 100));
      const preview = await api('POST', cluster('/groups/billing/offsets/preview'), {
        to: { type: 'earliest' },
      });
      assert.equal(preview.status, 200);
      assert.equal(preview.body.activeMembers, 1);
      assert.match(preview.body.blockedBy, /Stop its consumers/);
      const refused = await api('POST', cluster('/groups/billing/offsets/reset'), {
        to: { type: 'earliest' },
        confirmName: 'billing',
      });
      assert.equal(refused.status, 409);
      assert.match(refused.body.detail, /active member/);
    } finally {
      await consumer.stop();
    }
    // The coordinator drops the member when the consumer leaves.
    let preview: AnyBody = {};
    for (let i = 0; i < 60; i++) {
      preview = (
        await api('POST', cluster('/groups/billing/offsets/preview'), { to: { type: 'shift', by: -30 } })
      ).body;
      if (preview.blockedBy === null) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(preview.blockedBy, null);
    const committed = await describeGroupWithKafka(kafka.version, bootstrap(), 'billing');
    assert.deepEqual(
      preview.partitions.map((p: AnyBody) => [p.partition, p.current, p.target, p.lagAfter]),
      committed.map((c) => [
        c.partition,
        c.committedOffset!,
        c.committedOffset! - 30,
        c.endOffset - c.committedOffset! + 30,
      ]),
    );
    const reset = await api('POST', cluster('/groups/billing/offsets/reset'), {
      to: { type: 'shift', by: -30 },
      topics: [{ topic: 'events', partitions: [0, 1] }],
      confirmName: 'billing',
    });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    const lag = await describeGroupWithKafka(kafka.version, bootstrap(), 'billing');
    assert.deepEqual(
      lag.map((l) => [l.partition, l.committedOffset]),
      committed.map((c) => [c.partition, c.partition < 2 ? c.committedOffset! - 30 : c.committedOffset!]),
    );
    const audit = (await api('GET', '/audit?limit=20&action=group.offsets.reset')).body.entries;
    assert.deepEqual(
      audit.map((e: AnyBody) => e.result),
      ['success', 'failure'],
    );
  });

  test('reset to a timestamp and to an offset clamp as Kafka does', async () => {
    const future = await api('POST', cluster('/groups/billing/offsets/reset'), {
      to: { type: 'timestamp', timestamp: Date.now() + 3_600_000 },
      confirmName: 'billing',
    });
    assert.equal(future.status, 200);
    assert.ok(future.body.partitions.every((p: AnyBody) => p.target === p.end));
    const beyond = await api('POST', cluster('/groups/billing/offsets/reset'), {
      to: { type: 'offset', offset: 5000 },
      confirmName: 'billing',
    });
    assert.ok(beyond.body.partitions.every((p: AnyBody) => p.target === p.end));
    const past = await api('POST', cluster('/groups/billing/offsets/reset'), {
      to: { type: 'timestamp', timestamp: 0 },
      confirmName: 'billing',
    });
    assert.ok(past.body.partitions.every((p: AnyBody) => p.target === 0));
    const lag = await describeGroupWithKafka(kafka.version, bootstrap(), 'billing');
    assert.ok(lag.every((l) => l.committedOffset === 0));
  });

  test("deleting one topic's offsets, then the group", async () => {
    await commitOffsets(kafka, 'reporting', 'events', [{ partition: 0, offset: 5 }]);
    await commitOffsets(kafka, 'reporting', 'payments', [{ partition: 1, offset: 0 }]);
    const unconfirmed = await api('DELETE', cluster('/groups/reporting/offsets/events'));
    assert.equal(unconfirmed.status, 400);
    assert.match(unconfirmed.body.problems[0], /"confirmName"/);
    const dropped = await api('DELETE', cluster('/groups/reporting/offsets/events'), {
      confirmName: 'reporting',
    });
    assert.equal(dropped.status, 200);
    assert.deepEqual(dropped.body.partitions, [0]);
    const lag = await describeGroupWithKafka(kafka.version, bootstrap(), 'reporting');
    assert.deepEqual(
      lag.map((l) => l.topic),
      ['payments'],
    );
    const wrongName = await api('DELETE', cluster('/groups/reporting'), { confirmName: 'report' });
    assert.equal(wrongName.status, 400);
    const deleted = await api('DELETE', cluster('/groups/reporting'), { confirmName: 'reporting' });
    assert.equal(deleted.status, 204);
    const groups = await runKafkaTool(kafka.version, 'kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap(),
      '--list',
    ]);
    assert.ok(!groups.split('\n').includes('reporting'));
  });
});

describe('replicas', () => {
  test('a plan naming a broker that does not exist is refused', async () => {
    const plan = await api('POST', cluster('/reassignments/plan'), { topics: ['events'], brokers: [1, 7] });
    assert.equal(plan.status, 400);
    assert.match(plan.body.detail, /Broker\(s\) 7 are not in the cluster/);
    const execute = await api('POST', cluster('/reassignments'), {
      moves: [{ topic: 'events', partition: 0, replicas: [1, 7] }],
    });
    assert.equal(execute.status, 400);
    assert.match(execute.body.problems[0], /broker\(s\) 7 do not exist/);
  });

  test('a throttled reassignment survives a Weir restart, finishes, and removes its throttle', async () => {
    await createTopic(kafka, 'moving', {
      partitions: 3,
      assignments: [0, 1, 2].map((partition) => ({ partition, brokers: [1] })),
    });
    await produceRecords(kafka, 'moving', 1200, { valueBytes: 3000 });
    const plan = await api('POST', cluster('/reassignments/plan'), {
      topics: ['moving'],
      replicationFactor: 2,
    });
    assert.equal(plan.status, 200);
    assert.equal(plan.body.moves.length, 3);
    assert.deepEqual(
      plan.body.brokers.map((b: AnyBody) => b.replicasAfter),
      [2, 2, 2],
    );
    const started = await api('POST', cluster('/reassignments'), {
      moves: plan.body.moves.map((m: AnyBody) => ({
        topic: m.topic,
        partition: m.partition,
        replicas: m.to,
      })),
      throttleBytesPerSecond: 100_000,
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const jobId = started.body.id;

    for (let i = 0; i < 100; i++) {
      const job = (await api('GET', cluster(`/jobs/${jobId}`))).body;
      if (job.progress.phase !== 'throttle' && job.progress.phase !== 'submit') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // While it runs, the throttle is set on the topic and the brokers, as kafka-reassign-partitions does.
    const [topicThrottle, brokerThrottle] = await Promise.all([topicOverrides('moving'), brokerOverrides(1)]);
    assert.ok(topicThrottle['leader.replication.throttled.replicas']);
    assert.equal(brokerThrottle['leader.replication.throttled.rate'], '100000');

    const { dataDir, secretKey } = app;
    await app.shutDown();
    app = await createTestApp({ restartFrom: { dataDir, secretKey } });
    cookie = await app.login();
    try {
      const done = await app.jobs.settled(jobId, 120_000);
      assert.equal(done.state, 'succeeded', JSON.stringify(done));
      assert.ok((done.progress as AnyBody).partitions.every((p: AnyBody) => p.state === 'done'));
      const described = await describeTopicWithKafka(kafka.version, bootstrap(), 'moving');
      assert.deepEqual(
        described.map((p) => [...p.replicas].sort()),
        plan.body.moves.map((m: AnyBody) => [...m.to].sort()),
      );
      const topicConfigs = await topicOverrides('moving');
      assert.equal(topicConfigs['leader.replication.throttled.replicas'], undefined);
      assert.equal(topicConfigs['follower.replication.throttled.replicas'], undefined);
      for (const broker of [1, 2, 3]) {
        const configs = await brokerOverrides(broker);
        assert.equal(configs['leader.replication.throttled.rate'], undefined, `broker ${broker}`);
        assert.equal(configs['follower.replication.throttled.rate'], undefined, `broker ${broker}`);
      }
      const jobs = (await api('GET', cluster('/jobs'))).body.jobs;
      assert.equal(jobs[0].createdBy, 'admin');

      // The history tells the whole story, the restart included, in the order it happened.
      const { history } = (await api('GET', cluster(`/jobs/${jobId}`))).body;
      const types = history.map((e: AnyBody) => e.type);
      assert.deepEqual(types.slice(0, 3), ['started', 'throttle-set', 'step'], JSON.stringify(history));
      assert.match(history[0].detail, /^Started by admin: reassignment, 3 partition move\(s\) of moving/);
      assert.deepEqual(history[1].data, { bytesPerSecond: 100_000, brokers: [1, 2, 3], topics: ['moving'] });
      assert.match(history[2].detail, /^Submitted 3 of 3 move\(s\)/);
      assert.equal(types.filter((t: string) => t === 'resumed').length, 1, 'one restart, one resume');
      const resumed = history[types.indexOf('resumed')];
      assert.ok(types.indexOf('resumed') > 2);
      assert.match(resumed.detail, /^Resumed after a restart of Weir at phase (wait|elect|cleanup)/);
      const moved = history.filter((e: AnyBody) => /moved to replicas/.test(e.detail));
      assert.deepEqual(
        moved.map((e: AnyBody) => e.data.partition).sort(),
        [0, 1, 2],
        'one entry per partition that arrived',
      );
      assert.deepEqual(types.slice(-3), ['step', 'throttle-removed', 'finished']);
      assert.match(history.at(-3).detail, /preferred leader election on 3 moved partition/);
      for (const event of history) {
        assert.ok(Date.parse(event.at) >= Date.parse(done.createdAt), JSON.stringify(event));
        assert.ok(Date.parse(event.at) <= Date.parse(done.finishedAt as string), JSON.stringify(event));
      }
    } finally {
      leftoverDirs.push(dataDir);
    }
  });

  test('cancelling a reassignment rolls it back and removes the throttle', async () => {
    await createTopic(kafka, 'slow-move', { partitions: 1, assignments: [{ partition: 0, brokers: [2] }] });
    await produceRecords(kafka, 'slow-move', 300, { valueBytes: 3000 });
    const started = await api('POST', cluster('/reassignments'), {
      moves: [{ topic: 'slow-move', partition: 0, replicas: [2, 3] }],
      throttleBytesPerSecond: 1024,
    });
    assert.equal(started.status, 202);
    for (let i = 0; i < 100; i++) {
      const job = (await api('GET', cluster(`/jobs/${started.body.id}`))).body;
      if (job.progress.phase === 'wait') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const cancelled = await api('POST', cluster(`/jobs/${started.body.id}/cancel`));
    assert.equal(cancelled.status, 200);
    const done = await app.jobs.settled(started.body.id, 60_000);
    assert.equal(done.state, 'cancelled');
    const [partition] = await describeTopicWithKafka(kafka.version, bootstrap(), 'slow-move');
    assert.deepEqual(partition?.replicas, [2]);
    assert.equal((await topicOverrides('slow-move'))['leader.replication.throttled.replicas'], undefined);
    assert.equal((await brokerOverrides(3))['follower.replication.throttled.rate'], undefined);
    const again = await api('POST', cluster(`/jobs/${started.body.id}/cancel`));
    assert.equal(again.status, 409);
    const { history } = (await api('GET', cluster(`/jobs/${started.body.id}`))).body;
    assert.deepEqual(
      history.map((e: AnyBody) => e.type),
      ['started', 'throttle-set', 'step', 'cancel-requested', 'step', 'throttle-removed', 'cancelled'],
      JSON.stringify(history),
    );
    assert.match(history[4].detail, /^Cancelled 1 move\(s\) still in progress/);
    assert.deepEqual(history[4].data, { partitions: ['slow-move-0'] });
  });

  test('a preferred election moves leaders back after a broker returns; unclean needs acceptDataLoss', async () => {
    await createTopic(kafka, 'leaders', {
      partitions: 3,
      assignments: [
        { partition: 0, brokers: [1, 2, 3] },
        { partition: 1, brokers: [1, 3, 2] },
        { partition: 2, brokers: [2, 3, 1] },
      ],
    });
    await kafka.stopBroker(1);
    await kafka.startBroker(1);
    let before = await describeTopicWithKafka(kafka.version, bootstrap(), 'leaders');
    for (let i = 0; i < 60 && !before.every((p) => p.isr.length === 3); i++) {
      await new Promise((r) => setTimeout(r, 500));
      before = await describeTopicWithKafka(kafka.version, bootstrap(), 'leaders');
    }
    assert.notEqual(before[0]?.leader, 1, 'broker 1 lost leadership while it was down');

    const elected = await api('POST', cluster('/elections'), {
      type: 'preferred',
      partitions: [{ topic: 'leaders' }],
    });
    assert.equal(elected.status, 200, JSON.stringify(elected.body));
    // Weir's answer waits for its bootstrap broker's Metadata; the broker kafka-topics asks may lag.
    let afterElection = await describeTopicWithKafka(kafka.version, bootstrap(), 'leaders');
    for (let i = 0; i < 30 && afterElection.some((p) => p.leader !== p.replicas[0]); i++) {
      await new Promise((r) => setTimeout(r, 500));
      afterElection = await describeTopicWithKafka(kafka.version, bootstrap(), 'leaders');
    }
    assert.deepEqual(
      afterElection.map((p) => p.leader),
      afterElection.map((p) => p.replicas[0]),
    );

    const unclean = await api('POST', cluster('/elections'), {
      type: 'unclean',
      partitions: [{ topic: 'leaders' }],
    });
    assert.equal(unclean.status, 400);
    assert.match(unclean.body.detail, /records it never received are lost/);
  });
});

describe('exact message counts', () => {
  test('a count reads each partition from its own leader, on every broker, and matches kcat', async () => {
    await createTopic(kafka, 'spread-count', {
      partitions: 3,
      assignments: [1, 2, 3].map((broker, partition) => ({ partition, brokers: [broker] })),
    });
    await produceRecords(kafka, 'spread-count', 900);
    const perPartition = execFileSync(
      'kcat',
      ['-C', '-b', bootstrap(), '-t', 'spread-count', '-e', '-q', '-f', '%p\\n'],
      { encoding: 'utf8', timeout: 60_000 },
    )
      .split('\n')
      .filter(Boolean);
    const started = await api('POST', cluster('/topics/spread-count/message-count'));
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const done = await app.jobs.settled(started.body.id, 120_000);
    assert.equal(done.state, 'succeeded', JSON.stringify(done));
    const progress = done.progress as AnyBody;
    assert.equal(progress.records, perPartition.length);
    assert.deepEqual(
      progress.partitions.map((p: AnyBody) => p.records),
      [0, 1, 2].map((partition) => perPartition.filter((p) => p === String(partition)).length),
    );
    const leaders = (await describeTopicWithKafka(kafka.version, bootstrap(), 'spread-count')).map(
      (p) => p.leader,
    );
    assert.deepEqual(leaders, [1, 2, 3], 'one leader on each broker');
  });
});
