import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { API_PREFIX, createWeirClient, encodePathName } from '@weir/api';
import {
  AWKWARD_GROUP_IDS,
  commitOffsets,
  createTopic,
  type KafkaCluster,
  randomGroupIds,
  randomTopicNames,
  runKafkaTool,
  startKafkaCluster,
  WEIR_BIN,
} from '@weir/testkit';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../src/testing.ts';

// Names a user can give, on a real Kafka 4.1 broker, through a real HTTP client (fetch, which drops
// "." and ".." segments as browsers do) and the weir CLI; plus the refusals that name the fix.
const SEED = 11_010;
const cliHome = mkdtempSync(join(tmpdir(), 'weir-cli-names-'));
let kafka: KafkaCluster;
let app: TestApp;
let baseUrl: string;
let cookie: string;
let clusterId: string;

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field.
type Body = any;
/** Over a real socket with the global fetch, which drops "." and ".." segments as browsers do. */
const api = async (method: string, path: string, body?: unknown) => {
  const client = createWeirClient({ baseUrl, auth: { cookie } });
  const answer = await client.request<Body>(method, `${API_PREFIX}${path}`, body);
  return { status: answer.status, body: answer.body };
};
// Asynchronous: the server runs in this process, so a synchronous child would block its answers.
const weirCli = (args: string[], input?: string) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolvePromise) => {
    const child = spawn(process.execPath, [WEIR_BIN, ...args], {
      env: { ...process.env, WEIR_CLI_HOME: cliHome },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdin.end(input ?? '');
    child.once('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
const kafkaTool = (tool: string, args: string[]) =>
  runKafkaTool('4.1', tool, ['--bootstrap-server', kafka.bootstrapServers.plaintext, ...args]);

before(async () => {
  [kafka, app] = await Promise.all([
    startKafkaCluster({ version: '4.1', sasl: true, ipv6: true }),
    createTestApp(),
  ]);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  cookie = await app.login();
  const added = await api('POST', '/clusters', {
    name: 'local',
    bootstrapServers: [kafka.bootstrapServers.plaintext],
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterId = added.body.cluster.id;
  const login = await weirCli(['login', '--url', baseUrl, '--password-stdin'], `${TEST_ADMIN_PASSWORD}\n`);
  assert.equal(login.status, 0, login.stderr);
});
after(async () => {
  await app?.close();
  await kafka?.stop();
});

describe('every name Kafka accepts survives the API and the CLI', () => {
  const groupIds = [...AWKWARD_GROUP_IDS, ...randomGroupIds(SEED, 30)];

  before(async () => {
    await createTopic(kafka, 'named', { partitions: 1 });
    // Committing offsets creates the group, as a stopped consumer leaves it.
    for (const groupId of groupIds)
      await commitOffsets(kafka, groupId, 'named', [{ partition: 0, offset: 0 }]);
  });

  test('group ids with dots, slashes, percent signs, ?, #, spaces and unicode: API and CLI describe each', async () => {
    const listed = await api('GET', `/clusters/${clusterId}/groups?refresh=true`);
    assert.equal(listed.status, 200);
    const known = new Set(listed.body.groups.map((g: { groupId: string }) => g.groupId));
    for (const groupId of groupIds) {
      assert.ok(known.has(groupId), `listed: ${JSON.stringify(groupId)}`);
      const described = await api('GET', `/clusters/${clusterId}/groups/${encodePathName(groupId)}`);
      assert.equal(described.status, 200, `${JSON.stringify(groupId)}: ${JSON.stringify(described.body)}`);
      assert.equal(described.body.group.groupId, groupId);
      assert.deepEqual(described.body.group.topics, ['named']);
    }
    // The CLI takes the id after "--", so one starting with "-" is not read as an option.
    for (const groupId of [...AWKWARD_GROUP_IDS, ...randomGroupIds(SEED, 8)]) {
      const result = await weirCli(['groups', 'describe', '--cluster', 'local', '--json', '--', groupId]);
      assert.equal(result.status, 0, `${JSON.stringify(groupId)}: ${result.stderr}`);
      assert.equal(JSON.parse(result.stdout).group.groupId, groupId);
    }
  });

  test('topic names up to 249 characters can be created, read, browsed and deleted', async () => {
    const names = randomTopicNames(SEED, 5);
    assert.ok(names.some((name) => name.length === 249));
    for (const name of names) {
      const created = await api('POST', `/clusters/${clusterId}/topics`, {
        name,
        partitions: 1,
        replicationFactor: 1,
      });
      assert.equal(created.status, 200, `${name}: ${JSON.stringify(created.body)}`);
    }
    const listed = (await kafkaTool('kafka-topics', ['--list'])).split('\n');
    for (const name of names) {
      assert.ok(listed.includes(name), `kafka-topics lists ${name}`);
      const path = `/clusters/${clusterId}/topics/${encodePathName(name)}`;
      const read = await api('GET', `${path}?refresh=true`);
      assert.equal(read.status, 200, `${name}: ${JSON.stringify(read.body)}`);
      assert.equal(read.body.topic.name, name);
      const browsed = await api('GET', `${path}/messages?from=oldest`);
      assert.equal(browsed.status, 200, `${name}: ${JSON.stringify(browsed.body)}`);
      assert.deepEqual(browsed.body.messages, []);
      assert.equal((await api('DELETE', path, { confirmName: name })).status, 204);
    }
  });
});

describe('topic names Kafka keeps for itself', () => {
  test("Kafka's internal topics cannot be created; __transaction_state stays absent", async () => {
    for (const name of [
      '__consumer_offsets',
      '__transaction_state',
      '__cluster_metadata',
      '__share_group_state',
    ]) {
      const created = await api('POST', `/clusters/${clusterId}/topics`, {
        name,
        partitions: 1,
        replicationFactor: 1,
      });
      assert.equal(created.status, 400, name);
      assert.match(
        created.body.problems[0],
        new RegExp(`^name: "${name}" is reserved: Kafka creates it itself`),
      );
    }
    const listed = (await kafkaTool('kafka-topics', ['--list'])).split('\n');
    assert.ok(!listed.includes('__transaction_state'));
    assert.ok(!listed.includes('__share_group_state'));
  });

  test('a name equal to an existing one once "." and "_" are alike is refused, as Kafka refuses it', async () => {
    await createTopic(kafka, 'metrics.eu', { partitions: 1 });
    const created = await api('POST', `/clusters/${clusterId}/topics`, {
      name: 'metrics_eu',
      partitions: 1,
      replicationFactor: 1,
    });
    assert.equal(created.status, 400);
    assert.deepEqual(created.body.problems, [
      'name: collides with the existing topic "metrics.eu" once "." and "_" are treated alike.',
    ]);
    const kafkasAnswer = await kafkaTool('kafka-topics', ['--create', '--topic', 'metrics_eu']).catch(
      (error: Error) => error.message,
    );
    assert.match(kafkasAnswer, /collides with existing topic/);
    const dotted = await api('POST', `/clusters/${clusterId}/topics`, {
      name: 'audit.log',
      partitions: 1,
      replicationFactor: 1,
      validateOnly: true,
    });
    assert.equal(dotted.status, 200);
    assert.match(
      dotted.body.warnings[0],
      /topics with a period \('\.'\) or underscore \('_'\) could collide/,
    );
  });
});

describe('deleting a group’s offsets for a topic needs the typed confirmation', () => {
  before(async () => {
    await createTopic(kafka, 'kept', { partitions: 2 });
    await createTopic(kafka, 'dropped', { partitions: 2 });
    for (const topic of ['kept', 'dropped'])
      await commitOffsets(
        kafka,
        'offsets-g',
        topic,
        [0, 1].map((partition) => ({ partition, offset: 0 })),
      );
  });

  test('no body and a wrong name are refused naming confirmName; the right one deletes, per Kafka', async () => {
    const path = `/clusters/${clusterId}/groups/offsets-g/offsets/dropped`;
    const bare = await api('DELETE', path);
    assert.equal(bare.status, 400);
    assert.match(bare.body.problems[0], /^body: is missing; send .*\{"confirmName":"…"\}/);
    const wrong = await api('DELETE', path, { confirmName: 'offsets' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body.problems, ['body.confirmName: must equal "offsets-g".']);
    const described = await kafkaTool('kafka-consumer-groups', ['--describe', '--group', 'offsets-g']);
    assert.match(described, /dropped/);
    const right = await api('DELETE', path, { confirmName: 'offsets-g' });
    assert.equal(right.status, 200, JSON.stringify(right.body));
    assert.deepEqual(right.body.partitions, [0, 1]);
    const after = await kafkaTool('kafka-consumer-groups', ['--describe', '--group', 'offsets-g']);
    assert.doesNotMatch(after, /dropped/);
    assert.match(after, /kept/);
    const cli = await weirCli([
      'groups',
      'delete-offsets',
      'offsets-g',
      '--cluster',
      'local',
      '--topic',
      'kept',
      '--confirm',
      'offsets-g',
    ]);
    assert.equal(cli.status, 0, cli.stderr);
    const none = await kafkaTool('kafka-consumer-groups', ['--describe', '--group', 'offsets-g']);
    assert.doesNotMatch(none, /kept/);
  });
});

describe('refusals on real Kafka say what to change', () => {
  test('base64 "zz" is refused naming the field; nothing is written', async () => {
    await createTopic(kafka, 'encoded', { partitions: 1 });
    const produced = await api('POST', `/clusters/${clusterId}/topics/encoded/messages`, {
      messages: [{ value: 'aGk=' }, { value: 'zz' }],
      valueEncoding: 'base64',
    });
    assert.equal(produced.status, 400);
    assert.match(
      produced.body.problems[0],
      /^body\.messages\[1\]\.value: is not base64 \(the last character carries bits that encode nothing\): use standard base64/,
    );
    const browsed = await api('GET', `/clusters/${clusterId}/topics/encoded/messages?from=oldest`);
    assert.deepEqual(browsed.body.messages, []);
  });

  test('a record over max.message.bytes gives the limit and the settings to change', async () => {
    const small = await api('POST', `/clusters/${clusterId}/topics`, {
      name: 'small',
      partitions: 1,
      replicationFactor: 1,
      configs: { 'max.message.bytes': '2048' },
    });
    assert.equal(small.status, 200, JSON.stringify(small.body));
    const produced = await api('POST', `/clusters/${clusterId}/topics/small/messages`, {
      messages: [{ value: 'x'.repeat(10_000) }],
    });
    assert.equal(produced.status, 400, JSON.stringify(produced.body));
    assert.match(
      produced.body.detail,
      /\(MESSAGE_TOO_LARGE\): topic small has max\.message\.bytes = 2048 bytes/,
    );
    assert.match(produced.body.detail, /largest record sent is 10000 bytes/);
    assert.match(produced.body.detail, /broker's message\.max\.bytes/);
    assert.match(produced.body.detail, /max\.request\.size/);
  });

  test('SASL against a PLAINTEXT listener says the listener does not speak SASL', async () => {
    const tested = await api('POST', '/clusters/test', {
      name: 'wrong-listener',
      bootstrapServers: [kafka.bootstrapServers.plaintext],
      securityProtocol: 'SASL_PLAINTEXT',
      sasl: { mechanism: 'SCRAM-SHA-256', username: 'alice', password: 'alice-secret' },
    });
    assert.equal(tested.status, 200);
    assert.equal(tested.body.ok, false);
    const message = tested.body.problems.map((p: { message: string }) => p.message).join(' ');
    assert.match(message, /does not speak SASL .*use security protocol PLAINTEXT or SSL there/);
    assert.doesNotMatch(message, /check the username/);
  });

  test('a cluster is onboarded over IPv6 in bracket form, [::1]:port', async () => {
    const ipv6 = kafka.bootstrapServers.ipv6!;
    assert.match(ipv6, /^\[::1\]:\d+$/);
    const added = await api('POST', '/clusters', { name: 'over-ipv6', bootstrapServers: [ipv6] });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual(added.body.cluster.bootstrapServers, [ipv6]);
    assert.equal(added.body.connection.addresses[0].reachable, true);
    const topics = await api('GET', `/clusters/${added.body.cluster.id}/topics?search=named`);
    assert.equal(topics.status, 200, JSON.stringify(topics.body));
    assert.deepEqual(
      topics.body.items.map((t: { name: string }) => t.name),
      ['named'],
    );
  });
});
