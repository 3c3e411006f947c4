import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  writeTransactions,
} from '@weir/testkit';

let kafka: KafkaCluster;
let weir: RunningWeir;
const cliHome = mkdtempSync(join(tmpdir(), 'weir-cli-home-'));
/** A record's timestamp as tables show it: to the millisecond, with its zone (UTC by default). */
const RECORD_TIME = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC`;

const weirCli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [WEIR_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WEIR_CLI_HOME: cliHome },
    input,
    timeout: 60_000,
  });

before(async () => {
  // One after the other, so a failed start leaves nothing running that after() cannot stop.
  kafka = await startKafkaCluster({ version: '3.9', sasl: true });
  weir = await startWeir();
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
  assert.match(
    good.stdout,
    /ok {3}cluster .*: kraft, Kafka 3\.9 \(exact: ApiVersions: 3\.9\), 1 broker\(s\), controller 1/,
  );
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
    /^TOPIC\s+PARTITIONS\s+RF\s+SIZE\s+MESSAGES\(EST\.\)\s+URP\s+OFFLINE\npayments\s+4\s+1\s+[\d.]+ KiB\s+≈200\s+0\s+0\n1 of 1 topics/,
  );
  const json = JSON.parse(weirCli(['topics', 'list', '--cluster', 'local', '--internal', '--json']).stdout);
  assert.deepEqual(json.items.map((t: { name: string }) => t.name).sort(), [
    '__consumer_offsets',
    'payments',
  ]);

  const describe = weirCli(['topics', 'describe', 'payments', '--cluster', 'local']);
  assert.match(describe.stdout, /Topic: payments {2}Partitions: 4 {2}RF: 1/);
  assert.match(describe.stdout, /Messages: ≈200 \(estimate: end − start offsets/);
  // The summary and the partitions, then the configs, then the groups reading the topic.
  const [partitions, configs, readers] = describe.stdout.trim().split('\n\n');
  assert.equal(partitions?.split('\n').length, 6);
  assert.match(configs ?? '', /^CONFIG\s+VALUE\s+SOURCE\s+FLAGS\n/);
  assert.match(readers ?? '', /^GROUP\s+STATE\s+LAG\nsettlement\s+Empty\s+160$/);

  const groups = weirCli(['groups', 'list', '--cluster', 'local']);
  assert.match(groups.stdout, /settlement\s+Empty\s+-\s+payments\s+160/);
  const group = JSON.parse(
    weirCli(['groups', 'describe', 'settlement', '--cluster', 'local', '--json']).stdout,
  );
  assert.equal(group.partitions.length, 4);
  assert.deepEqual([group.group.totalLag.value, group.group.totalLag.complete], [160, true]);

  assert.match(
    weirCli(['brokers', 'list', '--cluster', 'local']).stdout,
    /^ID\s+HOST\s+RACK\s+CONTROLLER.*\n1\s+127\.0\.0\.1:\d+\s+-\s+yes\s+/,
  );
});

test('operations: create, reconfigure, produce, search, export, truncate and delete a topic; reset a group', () => {
  const ok = (args: string[], input?: string) => {
    const run = weirCli(args, input);
    assert.equal(run.status, 0, `weir ${args.join(' ')}\n${run.stderr}${run.stdout}`);
    return run.stdout;
  };
  const on = ['--cluster', 'local'];
  assert.match(
    ok([
      'topics',
      'create',
      'cli-orders',
      ...on,
      '--partitions',
      '3',
      '--replication-factor',
      '1',
      '--config',
      'retention.ms=3600000',
    ]),
    /Created cli-orders: 3 partition\(s\), RF 1/,
  );
  const bad = weirCli([
    'topics',
    'create',
    'bad name',
    ...on,
    '--partitions',
    '1',
    '--replication-factor',
    '1',
  ]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /400 .*cannot be a topic name.\n {2}- .*contains " "/);

  assert.match(
    ok(['topics', 'set-config', 'cli-orders', ...on, '--set', 'retention.ms=7200000', '--dry-run']),
    /retention\.ms\s+3600000\s+7200000\nNot applied \(dry run\)/,
  );
  assert.match(
    ok(['topics', 'set-config', 'cli-orders', ...on, '--set', 'retention.ms=7200000']),
    /Applied with/,
  );

  assert.match(
    ok([
      'messages',
      'produce',
      'cli-orders',
      ...on,
      '--key',
      'k1',
      '--value',
      '{"id":1}',
      '--header',
      'src=cli',
    ]),
    /Wrote 1 record\(s\): partition \d from offset 0/,
  );
  const file = join(cliHome, 'batch.ndjson');
  writeFileSync(
    file,
    Array.from({ length: 20 }, (_, i) => JSON.stringify({ key: `k${i}`, value: `{"id":${i + 100}}` })).join(
      '\n',
    ),
  );
  assert.match(
    ok(['messages', 'produce', 'cli-orders', ...on, '--file', file, '--compression', 'gzip']),
    /Wrote 20 record/,
  );

  const search = weirCli(['messages', 'search', 'cli-orders', ...on, '--json-path', '$.id=105']);
  assert.equal(search.status, 0, search.stderr);
  assert.match(
    search.stdout,
    new RegExp(`^\\d\\t\\d+\\t${RECORD_TIME}\\tCreateTime\\t-\\tk5\\t\\{"id":105\\}\\n$`),
  );
  assert.match(search.stderr, /scanned 21, matched 1: stopped \(end\)/);
  assert.match(search.stderr, /\nscanned from the oldest: 21 of 21 records\n/);
  const lookup = weirCli(['messages', 'search', 'cli-orders', ...on, '--key-equals', 'k1', '--json']);
  const events = lookup.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(events[0].partitions.length, 1);
  assert.deepEqual(
    events
      .filter((e) => e.type === 'match')
      .map((e) => e.message.value.text)
      .sort(),
    ['{"id":101}', '{"id":1}'].sort(),
  );
  // Weir's produce placed the keys with murmur2; looked up as if fnv1a had, some key is not where
  // fnv1a puts it, and the CLI says so and offers every partition.
  let missed: { key: string; stderr: string } | null = null;
  for (let i = 0; i < 20 && !missed; i++) {
    const tried = weirCli([
      'messages',
      'search',
      'cli-orders',
      ...on,
      '--key-equals',
      `k${i}`,
      '--partitioner',
      'fnv1a',
    ]);
    assert.equal(tried.status, 0, tried.stderr);
    if (tried.stdout === '') missed = { key: `k${i}`, stderr: tried.stderr };
  }
  assert.ok(missed, 'some key lies outside its fnv1a partition');
  assert.match(missed.stderr, /matched 0: stopped \(end\)\nkey in partition \d by fnv1a\n/);
  assert.match(missed.stderr, /where fnv1a puts it; .* run again with --all-partitions/);
  const everywhere = weirCli([
    'messages',
    'search',
    'cli-orders',
    ...on,
    '--key-equals',
    missed.key,
    '--partitioner',
    'fnv1a',
    '--all-partitions',
  ]);
  assert.equal(everywhere.status, 0, everywhere.stderr);
  assert.match(
    everywhere.stdout,
    new RegExp(`^\\d\\t\\d+\\t${RECORD_TIME}\\tCreateTime\\t-\\t${missed.key}\\t`),
  );
  assert.match(everywhere.stderr, /key looked up in all partitions \(fnv1a gives partition \d\)\n/);
  assert.doesNotMatch(everywhere.stderr, /--all-partitions/);

  const csv = join(cliHome, 'export.csv');
  ok(['messages', 'export', 'cli-orders', ...on, '--format', 'csv', '--output', csv, '--header', 'src=cli']);
  const exported = readFileSync(csv, 'utf8').trim().split('\r\n');
  assert.equal(exported.length, 2);
  assert.match(exported[1] as string, /,k1,utf8,"\{""id"":1\}",utf8,"\{""src"":""cli""\}"$/);
  assert.match(
    ok(['messages', 'browse', 'cli-orders', ...on, '--from', 'oldest', '--limit', '3']),
    /^PARTITION\s+OFFSET/,
  );

  const preview = ok(['topics', 'truncate', 'cli-orders', ...on, '--to', 'end']);
  assert.match(preview, /Preview only: add --confirm cli-orders/);
  const wrong = weirCli(['topics', 'truncate', 'cli-orders', ...on, '--to', 'end', '--confirm', 'other']);
  assert.equal(wrong.status, 2);
  ok(['topics', 'truncate', 'cli-orders', ...on, '--to', 'end', '--confirm', 'cli-orders']);
  assert.match(ok(['messages', 'browse', 'cli-orders', ...on, '--from', 'oldest']), /^PARTITION.*\n?$/);

  const resetPreview = ok(['groups', 'reset-offsets', 'settlement', ...on, '--to', 'earliest']);
  assert.match(resetPreview, /payments\s+0\s+10\s+0\s+/);
  assert.match(resetPreview, /Preview only/);
  ok([
    'groups',
    'reset-offsets',
    'settlement',
    ...on,
    '--to',
    'shift:-5',
    '--topic',
    'payments:0',
    '--confirm',
    'settlement',
  ]);
  const group = JSON.parse(ok(['groups', 'describe', 'settlement', ...on, '--json']));
  assert.equal(group.partitions.find((p: { partition: number }) => p.partition === 0).committedOffset, 5);

  assert.match(ok(['replicas', 'elect', ...on, '--topic', 'payments']), /payments\s+\d\s+/);
  assert.match(ok(['jobs', 'list', ...on]), /^ID\s+KIND\s+STATE/);
  assert.match(
    ok(['brokers', 'set-config', 'defaults', ...on, '--set', 'log.cleaner.threads=2', '--dry-run']),
    /log\.cleaner\.threads/,
  );

  assert.equal(weirCli(['topics', 'delete', 'cli-orders', ...on]).status, 2);
  assert.match(
    ok(['topics', 'delete', 'cli-orders', ...on, '--confirm', 'cli-orders']),
    /Deleted cli-orders/,
  );
});

test('messages --isolation hides or marks aborted transactions; timestamp type and transaction columns', async () => {
  await createTopic(kafka, 'cli-txn', { partitions: 1 });
  const producer = await writeTransactions(kafka, 'cli-txn', 'cli-tx', [
    { outcome: 'commit', records: [{ partition: 0, value: 'kept' }] },
    { outcome: 'abort', records: [{ partition: 0, value: 'dropped' }] },
  ]);
  await producer.close();
  const on = ['--cluster', 'local', '--from', 'oldest'];
  const browse = (...extra: string[]) => {
    const run = weirCli(['messages', 'browse', 'cli-txn', ...on, ...extra]);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trim().split('\n');
  };
  const [header, ...committed] = browse();
  assert.match(
    header as string,
    /^PARTITION\s+OFFSET\s+TIMESTAMP\s+TIMESTAMP TYPE\s+TRANSACTION\s+KEY\s+VALUE/,
  );
  assert.equal(committed.length, 1);
  assert.match(
    committed[0] as string,
    new RegExp(`^0\\s+0\\s+${RECORD_TIME}\\s+CreateTime\\s+committed \\d+/\\d+\\s+\\(null\\)\\s+kept$`),
  );
  const all = browse('--isolation', 'read_uncommitted').slice(1);
  assert.equal(all.length, 2);
  assert.match(
    all[1] as string,
    new RegExp(`^0\\s+2\\s+${RECORD_TIME}\\s+CreateTime\\s+aborted \\d+/\\d+\\s+\\(null\\)\\s+dropped$`),
  );
  const search = weirCli(['messages', 'search', 'cli-txn', ...on, '--isolation', 'read_uncommitted']);
  assert.match(
    search.stdout,
    new RegExp(`^0\\t2\\t${RECORD_TIME}\\tCreateTime\\taborted \\d+/\\d+\\t\\(null\\)\\tdropped$`, 'm'),
  );
  const wrong = weirCli(['messages', 'browse', 'cli-txn', ...on, '--isolation', 'dirty']);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--isolation must be read_committed or read_uncommitted/);
});

test("jobs show prints a job's history as a table and as JSON", async () => {
  const on = ['--cluster', 'local'];
  const planFile = join(cliHome, 'plan.json');
  // A move onto the replica it already has: a real job through every phase, quick on one broker.
  writeFileSync(
    planFile,
    JSON.stringify({ moves: [{ topic: 'payments', partition: 0, from: [1], to: [1] }] }),
  );
  const execute = weirCli([
    'replicas',
    'execute',
    ...on,
    '--plan',
    planFile,
    '--throttle',
    '1000000',
    '--json',
  ]);
  assert.equal(execute.status, 0, execute.stderr);
  const jobId = JSON.parse(execute.stdout).id as string;
  let job: { state: string; history: { type: string; detail: string; at: string }[] } | undefined;
  for (let i = 0; i < 240; i++) {
    const show = weirCli(['jobs', 'show', jobId, ...on, '--json']);
    assert.equal(show.status, 0, show.stderr);
    job = JSON.parse(show.stdout);
    if (job?.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.equal(job?.state, 'succeeded', JSON.stringify(job));
  assert.deepEqual(
    job?.history.map((e) => e.type),
    ['started', 'throttle-set', 'step', 'step', 'step', 'throttle-removed', 'finished'],
  );
  const table = weirCli(['jobs', 'show', jobId, ...on]);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, new RegExp(`^Job ${jobId}  reassignment  state: succeeded`));
  assert.match(
    table.stdout,
    /\nTIME\s+EVENT\s+DETAIL\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\s+started\s+Started by admin: reassignment, 1 partition move/,
  );
  assert.match(
    table.stdout,
    /throttle-set\s+Replication throttle of 1000000 B\/s set on broker\(s\) 1 and topic\(s\) payments/,
  );
  assert.match(table.stdout, /step\s+payments-0 moved to replicas \[1\]/);
  assert.match(table.stdout, /throttle-removed\s+Replication throttle removed/);
  assert.match(table.stdout, /finished\s+Finished\./);
});

test('topics count --wait prints the exact count per partition, as kcat reads it', () => {
  const on = ['--cluster', 'local'];
  const kcat = spawnSync(
    'kcat',
    ['-C', '-b', kafka.bootstrapServers.plaintext, '-t', 'payments', '-e', '-q', '-f', '%p\\n'],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const oracle = kcat.stdout.split('\n').filter(Boolean);
  const count = weirCli(['topics', 'count', 'payments', ...on, '--wait']);
  assert.equal(count.status, 0, count.stderr);
  assert.match(
    count.stdout,
    new RegExp(
      `^payments: ${oracle.length} record\\(s\\), counted exactly \\(read_committed\\) at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\n`,
    ),
  );
  for (const partition of [0, 1, 2, 3]) {
    const records = oracle.filter((p) => p === String(partition)).length;
    assert.match(count.stdout, new RegExp(`\\n${partition}\\s+0\\s+${records}\\s+${records}\\s+0\\s+0\\s+-`));
  }
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
