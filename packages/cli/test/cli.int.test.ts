import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  commitOffsets,
  createTopic,
  type KafkaCluster,
  produceRecords,
  type RunningWeir,
  startKafkaCluster,
  startWeir,
  WEIR_BIN,
} from '@weir/testkit';

let kafka: KafkaCluster;
let weir: RunningWeir;
const cliHome = mkdtempSync(join(tmpdir(), 'weir-cli-home-'));

const weirCli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [WEIR_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WEIR_CLI_HOME: cliHome },
    input,
    timeout: 60_000,
  });

before(async () => {
  [kafka, weir] = await Promise.all([startKafkaCluster({ version: '3.9', sasl: true }), startWeir()]);
  await createTopic(kafka, 'payments', { partitions: 4 });
  await produceRecords(kafka, 'payments', 200);
  await commitOffsets(
    kafka,
    'settlement',
    'payments',
    [0, 1, 2, 3].map((partition) => ({ partition, offset: 10 })),
  );
  const login = weirCli(['login', '--url', weir.url, '--password-stdin'], `${weir.initialPassword}\n`);
  assert.equal(login.status, 0, login.stderr);
});
after(async () => {
  await weir?.stop();
  await kafka?.stop();
});

test('clusters test reports each step; a wrong SASL password fails with exit code 1', () => {
  const args = [
    'clusters',
    'test',
    '--bootstrap',
    kafka.bootstrapServers.sasl!,
    '--security-protocol',
    'SASL_PLAINTEXT',
    '--sasl-mechanism',
    'SCRAM-SHA-512',
    '--sasl-username',
    'alice',
    '--sasl-password-stdin',
  ];
  const good = weirCli(args, 'alice-secret\n');
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /Connection OK/);
  assert.match(good.stdout, /ok {3}cluster .*: kraft, Kafka 3\.9, 1 broker\(s\), controller 1/);
  const bad = weirCli(args, 'nope\n');
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /FAIL authentication: Authentication failed for user alice with SCRAM-SHA-512/);
});

test('clusters add and list; topics, groups and brokers as tables and JSON', () => {
  const add = weirCli([
    'clusters',
    'add',
    '--name',
    'local',
    '--bootstrap',
    kafka.bootstrapServers.plaintext,
    '--tag',
    'dev',
  ]);
  assert.equal(add.status, 0, add.stderr);
  assert.match(add.stdout, /^Added local \(/);
  assert.match(
    weirCli(['clusters', 'list']).stdout,
    /^NAME\s+BOOTSTRAP\s+SECURITY\s+TAGS\s+ID\nlocal\s+127\.0\.0\.1:\d+\s+PLAINTEXT\s+dev\s+/,
  );

  const topics = weirCli(['topics', 'list', '--cluster', 'local']);
  assert.equal(topics.status, 0, topics.stderr);
  assert.match(
    topics.stdout,
    /^TOPIC\s+PARTITIONS\s+RF\s+SIZE\s+MESSAGES\s+URP\s+OFFLINE\npayments\s+4\s+1\s+[\d.]+ KiB\s+200\s+0\s+0\n1 of 1 topics/,
  );
  const json = JSON.parse(weirCli(['topics', 'list', '--cluster', 'local', '--internal', '--json']).stdout);
  assert.deepEqual(json.items.map((t: { name: string }) => t.name).sort(), [
    '__consumer_offsets',
    'payments',
  ]);

  const describe = weirCli(['topics', 'describe', 'payments', '--cluster', 'local']);
  assert.match(describe.stdout, /Topic: payments {2}Partitions: 4 {2}RF: 1/);
  assert.equal(describe.stdout.trim().split('\n').length, 6);

  const groups = weirCli(['groups', 'list', '--cluster', 'local']);
  assert.match(groups.stdout, /settlement\s+Empty\s+-\s+payments\s+160/);
  const group = JSON.parse(
    weirCli(['groups', 'describe', 'settlement', '--cluster', 'local', '--json']).stdout,
  );
  assert.equal(group.partitions.length, 4);
  assert.equal(group.group.totalLag, 160);

  assert.match(
    weirCli(['brokers', 'list', '--cluster', 'local']).stdout,
    /^ID\s+HOST\s+RACK\s+CONTROLLER.*\n1\s+127\.0\.0\.1:\d+\s+-\s+yes\s+/,
  );
});

test('an unknown cluster name lists the known ones; remove needs --yes', () => {
  const unknown = weirCli(['topics', 'list', '--cluster', 'prod']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /No cluster "prod". Known: local\./);
  const refused = weirCli(['clusters', 'remove', 'local']);
  assert.match(refused.stderr, /needs --yes/);
  assert.equal(weirCli(['clusters', 'remove', 'local', '--yes']).status, 0);
  assert.match(weirCli(['clusters', 'list']).stdout, /^NAME/);
});
