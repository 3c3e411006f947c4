import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
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

// Requests that must reach a partition's leader (Fetch, ListOffsets, DeleteRecords) and a group's
// coordinator (OffsetFetch, DescribeGroups, OffsetCommit, …), on 3 brokers whose leaders are placed
// on purpose, and moved while Weir reads. kcat and Kafka's own tools are the oracles.

let kafka: KafkaCluster;
let app: TestApp;
let cookie: string;
let clusterId: string;
const api = apiClient(
  () => app,
  () => cookie,
);
const cluster = (path: string) => `/clusters/${clusterId}${path}`;
const bootstrap = () => kafka.bootstrapServers.plaintext;

/** Every record of a topic as kcat reads it: `partition|key|value`, sorted. */
async function readWithKcat(topic: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    'kcat',
    ['-b', bootstrap(), '-C', '-t', topic, '-e', '-q', '-f', '%p|%k|%s\\n'],
    { timeout: 60_000 },
  );
  return stdout.trim().split('\n').filter(Boolean).sort();
}

/** `topic:partition:offset` lines of GetOffsetShell at a time (-2 earliest, -1 latest), by partition. */
async function offsetsWithKafka(topic: string, time: -1 | -2): Promise<number[]> {
  const output = await runKafkaTool(kafka.version, 'kafka-get-offsets', [
    '--bootstrap-server',
    bootstrap(),
    '--topic',
    topic,
    '--time',
    String(time),
  ]);
  return output
    .trim()
    .split('\n')
    .map((line) => line.split(':'))
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((parts) => Number(parts[2]));
}

const asRows = (messages: AnyBody[]) =>
  messages.map((m) => `${m.partition}|${m.key.text ?? ''}|${m.value.text ?? ''}`).sort();

async function browseAll(topic: string) {
  const browsed = await api('GET', cluster(`/topics/${topic}/messages?from=oldest&limit=500`));
  assert.equal(browsed.status, 200, JSON.stringify(browsed.body));
  return browsed.body;
}

/** A search's NDJSON events. */
async function search(topic: string, body: unknown): Promise<AnyBody[]> {
  const answer = await api('POST', cluster(`/topics/${topic}/messages/search`), body);
  assert.equal(answer.status, 200, answer.raw);
  return answer.body;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Kafka's GroupCoordinator: the offsets partition is abs(groupId.hashCode) % partition count. */
function offsetsPartitionOf(groupId: string, partitions: number): number {
  let hash = 0;
  for (const char of groupId) hash = (Math.imul(31, hash) + (char.codePointAt(0) as number)) | 0;
  return (hash === -2147483648 ? 0 : Math.abs(hash)) % partitions;
}

/** Makes `leader` the leader of one partition: replicas reordered, then a preferred election. */
async function moveLeader(topic: string, partition: number, leader: number) {
  const [current] = (await describeTopicWithKafka(kafka.version, bootstrap(), topic)).filter(
    (p) => p.partition === partition,
  );
  assert.ok(current, `${topic}-${partition} exists`);
  const replicas = [leader, ...current.replicas.filter((r) => r !== leader)];
  const plan = JSON.stringify({ version: 1, partitions: [{ topic, partition, replicas }] });
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const file = join(mkdtempSync(join(kafka.dataDir, 'plan-')), 'plan.json');
  writeFileSync(file, plan);
  await runKafkaTool(kafka.version, 'kafka-reassign-partitions', [
    '--bootstrap-server',
    bootstrap(),
    '--reassignment-json-file',
    file,
    '--execute',
  ]);
  await until(async () => {
    const [now] = (await describeTopicWithKafka(kafka.version, bootstrap(), topic)).filter(
      (p) => p.partition === partition,
    );
    return now?.replicas[0] === leader;
  }, `the reassignment of ${topic}-${partition}`);
  await runKafkaTool(kafka.version, 'kafka-leader-election', [
    '--bootstrap-server',
    bootstrap(),
    '--election-type',
    'PREFERRED',
    '--topic',
    topic,
    '--partition',
    String(partition),
  ]);
  // The election answers once the controller decided; the broker kafka-topics asks learns it after.
  await until(async () => {
    const [now] = (await describeTopicWithKafka(kafka.version, bootstrap(), topic)).filter(
      (p) => p.partition === partition,
    );
    return now?.leader === leader;
  }, `the election of ${leader} for ${topic}-${partition}`);
}

before(async () => {
  kafka = await startKafkaCluster({ version: '3.9', brokers: 3 });
  app = await createTestApp();
  cookie = await app.login();
  const added = await api('POST', '/clusters', { name: 'leaders', bootstrapServers: bootstrap().split(',') });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterId = added.body.cluster.id;
  for (const broker of [1, 2, 3]) {
    await createTopic(kafka, `on-broker-${broker}`, {
      partitions: 2,
      assignments: [0, 1].map((partition) => ({ partition, brokers: [broker] })),
    });
  }
  // Replicated, with no leader on node 1 (the lowest id, which a wrong lookup tends to land on).
  await createTopic(kafka, 'replicated', {
    partitions: 3,
    assignments: [
      { partition: 0, brokers: [2, 3, 1] },
      { partition: 1, brokers: [3, 2, 1] },
      { partition: 2, brokers: [2, 1, 3] },
    ],
  });
  for (const topic of ['on-broker-1', 'on-broker-2', 'on-broker-3']) await produceRecords(kafka, topic, 40);
  await produceRecords(kafka, 'replicated', 90);
});
after(async () => {
  await app?.close();
  await kafka?.stop();
});

describe('requests that must reach the partition leader', () => {
  test('the topics are placed as intended: leaders on brokers 1, 2 and 3, and none of replicated on 1', async () => {
    for (const broker of [1, 2, 3]) {
      const partitions = await describeTopicWithKafka(kafka.version, bootstrap(), `on-broker-${broker}`);
      assert.deepEqual(
        partitions.map((p) => p.leader),
        [broker, broker],
      );
    }
    const replicated = await describeTopicWithKafka(kafka.version, bootstrap(), 'replicated');
    assert.deepEqual(
      replicated.map((p) => p.leader),
      [2, 3, 2],
    );
  });

  test('browse reads every record of topics led by each broker, as kcat does', async () => {
    for (const topic of ['on-broker-1', 'on-broker-2', 'on-broker-3', 'replicated']) {
      const browsed = await browseAll(topic);
      assert.deepEqual(
        browsed.partitions.filter((p: AnyBody) => p.error),
        [],
        `${topic}: no partition failed`,
      );
      assert.deepEqual(asRows(browsed.messages), await readWithKcat(topic), topic);
    }
  });

  test('search finds the records kcat has, on topics led by each broker', async () => {
    for (const topic of ['on-broker-2', 'on-broker-3', 'replicated']) {
      const events = await search(topic, {
        filters: [{ target: 'value', match: 'contains', value: '-1' }],
      });
      const end = events.find((e) => e.type === 'end');
      assert.equal(end.reason, 'end', JSON.stringify(end));
      assert.deepEqual(
        end.progress.partitions.filter((p: AnyBody) => p.error),
        [],
      );
      const expected = (await readWithKcat(topic)).filter((row) => row.split('|')[2]?.includes('-1'));
      assert.ok(expected.length > 0);
      assert.deepEqual(
        asRows(events.filter((e) => e.type === 'match').map((e) => e.message)),
        expected,
        topic,
      );
    }
  });

  test('partition offsets and truncation on each broker match GetOffsetShell', async () => {
    assert.equal((await api('GET', cluster('/topics?refresh=true'))).status, 200);
    for (const topic of ['on-broker-1', 'on-broker-2', 'on-broker-3', 'replicated']) {
      const detail = await api('GET', cluster(`/topics/${topic}`));
      assert.equal(detail.status, 200, JSON.stringify(detail.body));
      const partitions = detail.body.partitions ?? detail.body.topic?.partitions;
      assert.deepEqual(
        partitions.map((p: AnyBody) => p.endOffset),
        await offsetsWithKafka(topic, -1),
        `${topic} end offsets`,
      );
      assert.deepEqual(
        partitions.map((p: AnyBody) => p.startOffset),
        await offsetsWithKafka(topic, -2),
        `${topic} start offsets`,
      );
    }
    for (const topic of ['on-broker-2', 'on-broker-3', 'replicated']) {
      const ends = await offsetsWithKafka(topic, -1);
      const preview = await api('POST', cluster(`/topics/${topic}/truncate/preview`), {
        target: { type: 'offset', offset: 3 },
      });
      assert.equal(preview.status, 200, JSON.stringify(preview.body));
      assert.deepEqual(
        preview.body.partitions.map((p: AnyBody) => p.end),
        ends,
      );
      const truncated = await api('POST', cluster(`/topics/${topic}/truncate`), {
        target: { type: 'offset', offset: 3 },
        confirmName: topic,
      });
      assert.equal(truncated.status, 200, JSON.stringify(truncated.body));
      assert.deepEqual(
        await offsetsWithKafka(topic, -2),
        ends.map((end) => Math.min(3, end)),
        `${topic} log starts after truncation`,
      );
      assert.deepEqual(
        truncated.body.applied.map((p: AnyBody) => p.start),
        ends.map((end) => Math.min(3, end)),
      );
      // What is browsed after truncation is what kcat reads.
      assert.deepEqual(asRows((await browseAll(topic)).messages), await readWithKcat(topic), topic);
    }
  });

  test('produce right after a leader moves writes each record once, to the new leader', async () => {
    const produce = (tag: string) =>
      api('POST', cluster('/topics/replicated/messages'), {
        messages: [0, 1, 2].map((partition) => ({ key: `${tag}-${partition}`, value: tag, partition })),
      });
    // The first write leaves the producer with Metadata that the election then makes stale.
    const first = await produce('before-move');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    await moveLeader('replicated', 1, 2);
    const second = await produce('after-move');
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.deepEqual(
      second.body.partitions.map((p: AnyBody) => [p.partition, p.count]),
      [
        [0, 1],
        [1, 1],
        [2, 1],
      ],
    );
    const rows = await readWithKcat('replicated');
    for (const tag of ['before-move', 'after-move'])
      assert.deepEqual(
        rows.filter((row) => row.endsWith(`|${tag}`)),
        [0, 1, 2].map((partition) => `${partition}|${tag}-${partition}|${tag}`),
        `${tag}: each record once, in its partition`,
      );
    assert.equal((await describeTopicWithKafka(kafka.version, bootstrap(), 'replicated'))[1]?.leader, 2);
  });

  test('a live tail keeps reading across a leader election, and a browse after it reads the new leader', async () => {
    const before = (await readWithKcat('replicated')).length;
    const tail = search('replicated', {
      start: { type: 'oldest' },
      follow: true,
      maxMatches: before + 30,
      maxMs: 120_000,
    });
    // Leadership of partition 0 moves from broker 2 to broker 1 while the tail is reading.
    await moveLeader('replicated', 0, 1);
    const moved = await describeTopicWithKafka(kafka.version, bootstrap(), 'replicated');
    assert.equal(moved[0]?.leader, 1);
    await produceRecords(kafka, 'replicated', 30);
    const events = await tail;
    const end = events.find((e) => e.type === 'end');
    assert.equal(end.reason, 'limit', JSON.stringify(end));
    assert.deepEqual(
      end.progress.partitions.filter((p: AnyBody) => p.error),
      [],
    );
    const all = await readWithKcat('replicated');
    assert.equal(all.length, before + 30);
    assert.deepEqual(asRows(events.filter((e) => e.type === 'match').map((e) => e.message)), all);
    assert.deepEqual(asRows((await browseAll('replicated')).messages), all);
  });
});

describe('requests that must reach the group coordinator', () => {
  const groupId = 'moved-g';

  /**
   * The group's partitions, offsets and lag through the API, after a forced refresh; null while
   * ListGroups does not list it. Groups and their committed offsets must always be read without error.
   */
  async function groupThroughWeir() {
    const listed = await api('GET', cluster('/groups?refresh=true'));
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const { refreshError, partErrors } = listed.body.freshness;
    assert.equal(refreshError, null);
    assert.deepEqual(
      Object.keys(partErrors).filter((part) => /groups|committed/i.test(part)),
      [],
      JSON.stringify(partErrors),
    );
    const summary = listed.body.groups.find((g: AnyBody) => g.groupId === groupId);
    if (!summary) return null;
    const detail = await api('GET', cluster(`/groups/${groupId}`));
    assert.equal(detail.status, 200, JSON.stringify(detail.body));
    return {
      summary,
      partitions: detail.body.partitions.map((p: AnyBody) => ({
        topic: p.topic,
        partition: p.partition,
        committedOffset: p.committedOffset,
        endOffset: p.endOffset,
        lag: p.lag,
      })),
    };
  }

  async function coordinatorPartition() {
    const offsets = await describeTopicWithKafka(kafka.version, bootstrap(), '__consumer_offsets');
    const partition = offsetsPartitionOf(groupId, offsets.length);
    return offsets[partition] as (typeof offsets)[number];
  }

  before(async () => {
    await createTopic(kafka, 'group-input', {
      partitions: 3,
      assignments: [
        { partition: 0, brokers: [1, 2, 3] },
        { partition: 1, brokers: [2, 3, 1] },
        { partition: 2, brokers: [3, 1, 2] },
      ],
    });
    await produceRecords(kafka, 'group-input', 120);
    // An Empty group with committed offsets (a stopped consumer), so its lag stays put.
    await commitOffsets(
      kafka,
      groupId,
      'group-input',
      [0, 1, 2].map((partition) => ({ partition, offset: 7 })),
    );
  });

  test('while and right after the offsets partition of a group changes leader, the group reads as Kafka describes it', async () => {
    const expected = await describeGroupWithKafka(kafka.version, bootstrap(), groupId);
    assert.ok(expected.length === 3 && expected.every((p) => p.committedOffset === 7 && (p.lag ?? 0) > 0));
    const holder = await coordinatorPartition();
    const target = (holder.replicas.find((r) => r !== holder.leader) ?? 1) as number;
    // Read again and again while the leader moves: the old coordinator may still be asked, or the new
    // one still be loading the group. Every read that lists the group must show what Kafka shows,
    // never 0 partitions. (For a moment Kafka's ListGroups lists it on neither broker: the old
    // coordinator has unloaded it and the new one not loaded it yet; kafka-consumer-groups --list
    // misses it too.)
    let moving = true;
    const moved = moveLeader('__consumer_offsets', holder.partition, target).finally(() => {
      moving = false;
    });
    const during: NonNullable<Awaited<ReturnType<typeof groupThroughWeir>>>[] = [];
    while (moving) {
      const read = await groupThroughWeir();
      if (read) during.push(read);
    }
    await moved;
    // Right after the election: listed, and exact.
    const after: Awaited<ReturnType<typeof groupThroughWeir>>[] = [];
    for (let i = 0; i < 3; i++) after.push(await groupThroughWeir());
    assert.equal((await coordinatorPartition()).leader, target);
    assert.deepEqual(await describeGroupWithKafka(kafka.version, bootstrap(), groupId), expected);
    assert.ok(
      after.every((read) => read !== null),
      'listed on every read after the election',
    );
    for (const weir of [...during, ...after]) {
      assert.deepEqual(weir?.partitions, expected);
      assert.equal(weir?.summary.partitions, 3);
      assert.deepEqual(
        [weir?.summary.totalLag.value, weir?.summary.totalLag.complete],
        [expected.reduce((sum, p) => sum + (p.lag ?? 0), 0), true],
      );
    }
  });

  test('an offset reset right after the coordinator moves again is committed, as Kafka then describes', async () => {
    const holder = await coordinatorPartition();
    const target = (holder.replicas.find((r) => r !== holder.leader) ?? 1) as number;
    await moveLeader('__consumer_offsets', holder.partition, target);
    const reset = await api('POST', cluster(`/groups/${groupId}/offsets/reset`), {
      to: { type: 'offset', offset: 9 },
      confirmName: groupId,
    });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    const oracle = await describeGroupWithKafka(kafka.version, bootstrap(), groupId);
    assert.deepEqual(
      oracle.map((p) => p.committedOffset),
      [9, 9, 9],
    );
    assert.deepEqual((await groupThroughWeir())?.partitions, oracle);
  });

  test('with the coordinator broker stopped, the group and a browse still read from the brokers that took over', async () => {
    const holder = await coordinatorPartition();
    assert.ok(holder.leader !== null);
    await kafka.stopBroker(holder.leader);
    try {
      await until(
        async () => {
          const now = await coordinatorPartition();
          return now.leader !== null && now.leader !== holder.leader;
        },
        'a new coordinator',
        90_000,
      );
      const weir = await groupThroughWeir();
      const oracle = await describeGroupWithKafka(kafka.version, bootstrap(), groupId);
      assert.deepEqual(weir?.partitions, oracle);
      assert.equal(weir?.summary.partitions, 3);
      // Every partition of replicated has a live replica to lead it; the browse equals kcat.
      assert.deepEqual(asRows((await browseAll('replicated')).messages), await readWithKcat('replicated'));
      // A topic whose only replica is on the stopped broker says so per partition, instead of reading empty.
      const offline = await browseAll(`on-broker-${holder.leader}`);
      assert.equal(offline.messages.length, 0);
      assert.deepEqual(
        offline.partitions.map((p: AnyBody) => [p.partition, /no leader|offline/.test(p.error ?? '')]),
        [
          [0, true],
          [1, true],
        ],
      );
    } finally {
      await kafka.startBroker(holder.leader);
    }
  });
});

describe('topic names Kafka forbids', () => {
  // Covered by topic-rules.test.ts instead: names over 249 characters, which this branch's router
  // refuses (414) before any route runs for being over 100 (issue 11, item 11), and "." and "..",
  // which URL parsing resolves as path segments before routing (issue 11, item 10).
  for (const name of ['a/b', 'bad name', 'tab\there', 'ünïcode', '+plus', 'a:b']) {
    test(`message routes answer 400 with Kafka's naming rule for ${JSON.stringify(name)}`, async () => {
      const path = cluster(`/topics/${encodeURIComponent(name)}/messages`);
      const answers = [
        await api('GET', path),
        await api('POST', `${path}/search`, {}),
        await api('POST', `${path}/export`, { format: 'json' }),
        await api('POST', path, { messages: [{ value: 'x' }] }),
      ];
      for (const answer of answers) {
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
        assert.match(
          answer.body.detail,
          /cannot be a Kafka topic name: .*(use only letters, digits, "\.", "_" and "-"|is reserved|at most 249)/,
        );
      }
    });
  }
});
