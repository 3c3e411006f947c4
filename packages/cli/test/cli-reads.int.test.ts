import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  BrokerDetail,
  BrokerSummary,
  ClusterOverview,
  ClusterView,
  Freshness,
  GroupSummary,
  JobView,
  TopicDetail,
  TopicSummary,
  Total,
} from '@weir/api';
import { formatSignedPercent } from '@weir/api/display';
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

// TypeBox checks formats only once told how; the server's Ajv knows these three.
FormatRegistry.Set('date-time', (value) =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value),
);
FormatRegistry.Set('uri', (value) => URL.canParse(value));
FormatRegistry.Set('uuid', (value) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
);

let kafka: KafkaCluster;
let weir: RunningWeir;
const cliHome = mkdtempSync(join(tmpdir(), 'weir-cli-reads-'));
const on = ['--cluster', 'local'];

const weirCli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [WEIR_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WEIR_TIME_ZONE: '', WEIR_CLI_HOME: cliHome, ...env },
    timeout: 60_000,
  });
const ok = (args: string[], env?: Record<string, string>) => {
  const run = weirCli(args, env);
  assert.equal(run.status, 0, `weir ${args.join(' ')}\n${run.stderr}${run.stdout}`);
  return run;
};
const json = (args: string[]) => JSON.parse(ok([...args, '--json']).stdout);

/** Fails with what does not match: the CLI's --json must be the API's own types. */
function assertShape(schema: TSchema, value: unknown, what: string) {
  const errors = [...Value.Errors(schema, value)].slice(0, 3);
  assert.equal(errors.length, 0, `${what}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
}

const DATA_AGE = /^data from \d+ s ago; --refresh reads the cluster now$/m;
const UTC_TIME = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/;

before(async () => {
  // One after the other, so a failed start leaves nothing running that after() cannot stop.
  kafka = await startKafkaCluster({ version: '3.9', brokers: 3 });
  weir = await startWeir({ timeoutMs: 120_000 });
  await createTopic(kafka, 'orders', { partitions: 1, assignments: [{ partition: 0, brokers: [1] }] });
  // Every leader on broker 1: the leader skew has a sign.
  await createTopic(kafka, 'skewed', {
    partitions: 3,
    assignments: [0, 1, 2].map((partition) => ({ partition, brokers: [1] })),
  });
  await produceRecords(kafka, 'orders', 1500);
  await commitOffsets(kafka, 'billing', 'orders', [{ partition: 0, offset: 1000 }]);
  const login = spawnSync(process.execPath, [WEIR_BIN, 'login', '--url', weir.url, '--password-stdin'], {
    encoding: 'utf8',
    env: { ...process.env, WEIR_CLI_HOME: cliHome },
    input: `${weir.initialPassword}\n`,
  });
  assert.equal(login.status, 0, login.stderr);
  ok(['clusters', 'add', '--name', 'local', '--bootstrap', kafka.bootstrapServers.plaintext]);
  ok(['topics', 'set-config', 'orders', ...on, '--set', 'retention.ms=3600000']);
});
after(async () => {
  await weir?.stop();
  await kafka?.stop();
});

test('clusters describe: version, mode, controller, brokers, counts and health totals, then the brokers', () => {
  const run = ok(['clusters', 'describe', 'local', '--refresh']);
  for (const line of [
    /^Cluster: +local \([0-9a-f-]{36}\)$/m,
    /^Kafka: +3\.9 \(exact: ApiVersions: 3\.9\)$/m,
    /^Mode: +kraft$/m,
    /^Controller: +[123]$/m,
    /^Quorum: +leader [123], epoch \d+, voters [123,]+, max voter lag \d+$/m,
    /^Brokers: +3 alive$/m,
    /^Topics: +\d+ \(\d+ internal\)$/m,
    /^Partitions: +\d+$/m,
    /^Under-replicated: +0$/m,
    /^Under min ISR: +0$/m,
    /^Offline: +0$/m,
    /^Leaderless: +0$/m,
    /^Groups: +1 \(Empty 1\)$/m,
    /\n\nID\s+HOST\s+RACK\s+CONTROLLER\s+LEADERS\s+REPLICAS\s+SKEW\s+DISK USED\n1\s+127\.0\.0\.1:\d+/,
  ])
    assert.match(run.stdout, line);
  assert.match(run.stderr, DATA_AGE);

  const described = json(['clusters', 'describe', 'local']);
  assert.deepEqual(Object.keys(described).sort(), ['brokers', 'cluster', 'freshness', 'overview']);
  assertShape(ClusterView, described.cluster, 'cluster');
  assertShape(ClusterOverview, described.overview, 'overview');
  assertShape(Freshness, described.freshness, 'freshness');
  for (const broker of described.brokers) assertShape(BrokerSummary, broker, 'broker');
  assert.match(run.stdout, new RegExp(`^Partitions: +${described.overview.partitions}$`, 'm'));
});

test('brokers describe: host, rack, controller role, leaders, replicas, log dirs, then its configs', () => {
  const detail = json(['brokers', 'describe', 'local', '1']);
  assertShape(BrokerDetail, detail, 'broker detail');
  const run = ok(['brokers', 'describe', 'local', '1']);
  for (const line of [
    /^Broker: +1$/m,
    /^Host: +127\.0\.0\.1:\d+$/m,
    /^Rack: +-$/m,
    new RegExp(`^Controller: +${detail.broker.controller ? 'yes \\(the active controller\\)' : 'no'}$`, 'm'),
    new RegExp(`^Leaders: +${detail.broker.leaders}$`, 'm'),
    new RegExp(`^Replicas: +${detail.broker.replicas}$`, 'm'),
    /^Disk used: +[\d.,]+ (B|KiB|MiB)$/m,
    /\nLOG DIR\s+USED\s+REPLICAS\s+FREE\s+TOTAL\s+ERROR\n\/\S+\s+[\d.,]+ (B|KiB|MiB)\s+\d+\s+[\d.,]+ [KMGT]?i?B\s+[\d.,]+ [KMGT]?i?B\n/,
    /\nCONFIG\s+VALUE\s+SOURCE\s+FLAGS\n/,
    /^node\.id\s+1\s+static-broker/m,
    /^\d+ more at Kafka's defaults: --all-configs shows them/m,
  ])
    assert.match(run.stdout, line);
  assert.match(run.stderr, DATA_AGE);
  const all = ok(['brokers', 'describe', '1', '--cluster', 'local', '--all-configs']).stdout;
  const configRows = all.slice(all.indexOf('\nCONFIG')).trim().split('\n').length - 1;
  assert.equal(configRows, detail.configs.length);

  const missing = weirCli(['brokers', 'describe', 'local', '9']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^404 /);
});

test('topics describe shows the partitions, the configs set on the topic and the groups reading it', () => {
  const detail = json(['topics', 'describe', 'orders', ...on]);
  assertShape(TopicDetail, detail, 'topic detail');
  const run = ok(['topics', 'describe', 'orders', ...on]);
  assert.match(
    run.stdout,
    /^Topic: orders {2}Partitions: 1 {2}RF: 1 {2}Size: [\d.]+ KiB {2}Messages: ≈1,500/,
  );
  assert.match(
    run.stdout,
    /\nPARTITION\s+LEADER\s+REPLICAS\s+ISR\s+START\s+END\n0\s+1\s+1\s+1\s+0\s+1,500\n/,
  );
  assert.match(run.stdout, /\nCONFIG\s+VALUE\s+SOURCE\s+FLAGS\n(.+\n)*retention\.ms\s+3600000\s+topic\s*\n/);
  assert.match(run.stdout, /\nGROUP\s+STATE\s+LAG\nbilling\s+Empty\s+500\n$/);
  assert.deepEqual(
    detail.consumerGroups.map((g: { groupId: string; lag: { value: number } }) => [g.groupId, g.lag.value]),
    [['billing', 500]],
  );
  assert.match(run.stderr, DATA_AGE);
  const all = ok(['topics', 'describe', 'orders', ...on, '--all-configs']).stdout;
  const section = all.slice(all.indexOf('\nCONFIG'), all.indexOf('\nGROUP')).trim().split('\n');
  assert.equal(section.length - 1, detail.configs.length);
});

test('every list prints {items, total, freshness} with --json, items typed as the API types them', () => {
  const shapes: [string[], TSchema, string[]][] = [
    [['clusters', 'list'], ClusterView, ['items', 'total']],
    [['topics', 'list', ...on, '--internal'], TopicSummary, ['freshness', 'items', 'total']],
    [['groups', 'list', ...on], GroupSummary, ['freshness', 'items', 'listing', 'total']],
    [['brokers', 'list', ...on], BrokerSummary, ['freshness', 'items', 'total']],
    [['jobs', 'list', ...on], JobView, ['items', 'total']],
  ];
  ok(['topics', 'count', 'orders', ...on, '--wait']);
  for (const [args, item, keys] of shapes) {
    const list = json(args);
    assert.deepEqual(Object.keys(list).sort(), keys, args.join(' '));
    assert.ok(list.items.length > 0, args.join(' '));
    assert.equal(list.total, list.items.length, args.join(' '));
    for (const entry of list.items) assertShape(item, entry, args.join(' '));
    if (list.freshness) assertShape(Freshness, list.freshness, args.join(' '));
    if (list.listing) assertShape(Total, list.listing, args.join(' '));
  }
});

test('tables: thousands separators, binary sizes, signed skew; every read says how old its data is', () => {
  const topics = ok(['topics', 'list', ...on]);
  assert.match(topics.stdout, /\norders\s+1\s+1\s+[\d.]+ KiB\s+≈1,500\s+0\s+0\n/);
  assert.match(topics.stdout, /\n2 of 2 topics\n$/);
  assert.match(topics.stderr, DATA_AGE);
  assert.match(ok(['groups', 'list', ...on]).stdout, /billing\s+Empty\s+-\s+orders\s+500/);

  const brokers = json(['brokers', 'list', ...on]).items as { nodeId: number; leaderSkewPercent: number }[];
  const table = ok(['brokers', 'list', ...on]);
  assert.match(table.stderr, DATA_AGE);
  for (const broker of brokers) {
    const skew = formatSignedPercent(broker.leaderSkewPercent / 100);
    assert.match(
      table.stdout,
      new RegExp(
        `\\n${broker.nodeId}\\s+\\S+\\s+\\S*\\s*(yes\\s+)?\\d+\\s+\\d+\\s+${skew.replace('+', '\\+')}\\s`,
      ),
    );
  }
  assert.ok(
    brokers.some((b) => b.leaderSkewPercent > 0) && /\s\+\d+(\.\d)?%\s/.test(table.stdout),
    table.stdout,
  );
});

test('timestamps are UTC by default, local with --local or WEIR_TIME_ZONE=local; progress stays on stderr', () => {
  const count = ok(['topics', 'count', 'orders', ...on, '--wait']);
  assert.match(
    count.stdout,
    /^orders: 1,500 record\(s\), counted exactly \(read_committed\) at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n/,
  );
  assert.doesNotMatch(count.stdout, /counting/);
  assert.doesNotMatch(count.stderr, /\r/);
  assert.match(count.stderr, /^count succeeded$/m);

  const india = { TZ: 'Asia/Kolkata' };
  assert.match(ok(['jobs', 'list', ...on, '--local'], india).stdout, / UTC\+05:30/);
  assert.match(ok(['jobs', 'list', ...on], { ...india, WEIR_TIME_ZONE: 'local' }).stdout, / UTC\+05:30/);
  const utc = ok(['jobs', 'list', ...on, '--utc'], { ...india, WEIR_TIME_ZONE: 'local' }).stdout;
  assert.match(utc, UTC_TIME);
  assert.doesNotMatch(utc, /UTC\+/);
  const wrongZone = weirCli(['jobs', 'list', ...on], { WEIR_TIME_ZONE: 'mars' });
  assert.equal(wrongZone.status, 2);
  assert.match(wrongZone.stderr, /WEIR_TIME_ZONE must be utc or local; got "mars"/);

  const browse = ok(['messages', 'browse', 'orders', ...on, '--from', 'oldest', '--limit', '1']);
  assert.match(
    browse.stdout,
    /\n0\s+0\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC\s+CreateTime\s+-\s+key-0\s+value-0\n$/,
  );

  const search = ok(['messages', 'search', 'orders', ...on, '--value-contains', 'no-such-value']);
  assert.equal(search.stdout, '');
  assert.doesNotMatch(search.stderr, /\r/);
  assert.match(search.stderr, /^scanned 1,500, matched 0: stopped \(end\)$/m);
});

test('with --json an error is {"error": {status, title, detail, problems}} on stderr, with the same exit code', () => {
  const missing = weirCli(['topics', 'describe', 'no-such-topic', ...on, '--json']);
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout, '');
  const notFound = JSON.parse(missing.stderr);
  assert.deepEqual(Object.keys(notFound.error).sort(), ['detail', 'problems', 'status', 'title']);
  assert.equal(notFound.error.status, 404);
  assert.match(notFound.error.detail, /no-such-topic/);

  const invalid = weirCli([
    'topics',
    'create',
    'bad name',
    ...on,
    '--partitions',
    '1',
    '--replication-factor',
    '1',
    '--json',
  ]);
  assert.equal(invalid.status, 1);
  const refused = JSON.parse(invalid.stderr).error;
  assert.equal(refused.status, 400);
  assert.ok(
    refused.problems.some((p: string) => /contains " "/.test(p)),
    invalid.stderr,
  );

  const usage = weirCli(['topics', 'list', ...on, '--sort', 'sizes', '--json']);
  assert.equal(usage.status, 2);
  assert.deepEqual(JSON.parse(usage.stderr), {
    error: {
      status: null,
      title: 'Bad usage',
      detail:
        '--sort must be name, partitions, size, underReplicated or messages; got "sizes"; did you mean size?',
      problems: [],
    },
  });

  const badRegex = weirCli(['messages', 'search', 'orders', ...on, '--value-regex', '(', '--json']);
  assert.equal(badRegex.status, 1);
  assert.equal(JSON.parse(badRegex.stderr).error.status, 400);

  const target = weirCli(['groups', 'reset-offsets', 'billing', ...on, '--to', 'earlist']);
  assert.equal(target.status, 2);
  assert.equal(
    target.stderr,
    '--to is one of earliest, latest, offset, timestamp, shift; got "earlist"; did you mean earliest?\n',
  );

  const typo = weirCli(['topics', 'list', '--cluster', 'locl']);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /^No cluster "locl"; did you mean "local"\? Known: local\.$/m);
});
