import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createWeirClient } from '@weir/api';
import { type RunningWeir, startWeir, WEIR_BIN } from '@weir/testkit';

const scratch = () => mkdtempSync(join(tmpdir(), 'weir-cli-'));

function runCli(args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [WEIR_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    input,
    timeout: 30_000,
  });
}

const servers: RunningWeir[] = [];
after(async () => {
  for (const server of servers) await server.stop();
});

test('weir --help lists the commands; an unknown command says how to get help', () => {
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /serve\s+Run the Weir server/);
  const unknown = runCli(['frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown command "frobnicate". Run "weir --help"/);
  const typo = runCli(['topcis', 'list']);
  assert.equal(typo.status, 2);
  assert.equal(
    typo.stderr,
    'Unknown command "topcis"; did you mean "weir topics"? Run "weir --help" to see the commands.\n',
  );
});

test("a mistyped subcommand or flag gets Weir's own message with the closest match, before any server is asked", () => {
  const flag = runCli(['topics', 'create', 'orders', '--partitons', '3', '--url', 'http://127.0.0.1:9']);
  assert.equal(flag.status, 2);
  assert.equal(
    flag.stderr,
    'unknown flag --partitons for topics create; did you mean --partitions?\nRun "weir topics create --help" to see its flags.\n',
  );
  const far = runCli(['groups', 'list', '--colour']);
  assert.equal(far.status, 2);
  assert.match(far.stderr, /^unknown flag --colour for groups list\n/);
  const subcommand = runCli(['brokers', 'descirbe', 'local', '1']);
  assert.equal(subcommand.status, 2);
  assert.match(subcommand.stderr, /^unknown subcommand "descirbe" for brokers; did you mean describe\?\n/);
  const missingValue = runCli(['topics', 'list', '--cluster']);
  assert.equal(missingValue.status, 2);
  assert.match(missingValue.stderr, /^--cluster needs a value for topics list\./);
  const valueForSwitch = runCli(['topics', 'list', '--json=yes']);
  assert.match(valueForSwitch.stderr, /^--json takes no value for topics list; got "--json=yes"/);
});

test('an enum flag lists its values in its help and in the error for another value', () => {
  const cases: [string[], string, string[]][] = [
    [['topics'], 'sort', ['name', 'partitions', 'size', 'underReplicated', 'messages']],
    [['messages'], 'isolation', ['read_committed', 'read_uncommitted']],
    [['messages'], 'compression', ['none', 'gzip', 'snappy', 'lz4', 'zstd']],
    [['messages'], 'encoding', ['text', 'json', 'base64', 'hex']],
    [['messages'], 'format', ['json', 'csv']],
    [['clusters'], 'security-protocol', ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL']],
    [['clusters'], 'sasl-mechanism', ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER']],
  ];
  for (const [command, flag, values] of cases) {
    const help = runCli([...command, '--help']);
    assert.equal(help.status, 0);
    assert.match(
      help.stdout,
      new RegExp(`\\n {2}--${flag} +${values.join(', ')}(\\n|$)`),
      `${command} --${flag}`,
    );
    const wrong = runCli([...command, 'list', `--${flag}`, 'bogus']);
    assert.equal(wrong.status, 2);
    const listed =
      values.length === 2 ? values.join(' or ') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
    assert.equal(wrong.stderr, `--${flag} must be ${listed}; got "bogus"\n`, `${command} --${flag}`);
  }
  const near = runCli(['messages', 'browse', 'orders', '--compression', 'gzp']);
  assert.match(
    near.stderr,
    /^--compression must be none, gzip, snappy, lz4 or zstd; got "gzp"; did you mean gzip\?$/m,
  );
});

test('--json errors: a refused token is {"error": {...}} on stderr with exit 1; a list is {"items", "total"}', async () => {
  const weir = await startWeir();
  servers.push(weir);
  const env = { WEIR_CLI_HOME: scratch() };
  const refused = runCli(['clusters', 'list', '--url', weir.url, '--token', 'weir_pat_wrong', '--json'], env);
  assert.equal(refused.status, 1);
  assert.equal(refused.stdout, '');
  const error = JSON.parse(refused.stderr).error;
  assert.equal(error.status, 401);
  assert.equal(typeof error.title, 'string');
  assert.equal(typeof error.detail, 'string');
  assert.deepEqual(error.problems, []);
  const plain = runCli(['clusters', 'list', '--url', weir.url, '--token', 'weir_pat_wrong'], env);
  assert.equal(plain.status, 1);
  assert.match(plain.stderr, /^401 /);

  const admin = createWeirClient({ baseUrl: weir.url });
  const { sessionCookie } = await admin.auth.login({ username: 'admin', password: weir.initialPassword! });
  const asAdmin = createWeirClient({ baseUrl: weir.url, auth: { cookie: sessionCookie! } });
  const { secret } = await asAdmin.auth.createToken({ name: 'cli test', expiresInDays: 1 });
  const list = runCli(['clusters', 'list', '--url', weir.url, '--token', secret, '--json'], env);
  assert.equal(list.status, 0, list.stderr);
  assert.deepEqual(JSON.parse(list.stdout), { items: [], total: 0 });
  const unreachable = runCli(
    ['clusters', 'list', '--url', 'http://127.0.0.1:9', '--token', secret, '--json'],
    env,
  );
  assert.equal(unreachable.status, 1);
  assert.deepEqual(Object.keys(JSON.parse(unreachable.stderr).error), [
    'status',
    'title',
    'detail',
    'problems',
  ]);
});

test('weir version prints the version on Node 24', () => {
  const result = runCli(['version']);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^weir \d+\.\d+\.\d+ \(node v24\./);
});

test('weir serve with bad settings exits 2 listing every problem and its fix', () => {
  const result = runCli(['serve', '--port', '99999'], { WEIR_LOG_LEVEL: 'chatty', WEIR_DATA_DIR: scratch() });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--port: "99999" is not a port/);
  assert.match(result.stderr, /WEIR_LOG_LEVEL: "chatty" is not a log level/);
  const unknownFlag = runCli(['serve', '--prot', '1']);
  assert.equal(unknownFlag.status, 2);
  assert.match(unknownFlag.stderr, /^unknown flag --prot for serve; did you mean --port\?$/m);
});

test('weir serve prints the initial admin password once; weir login stores a working token', async () => {
  const dataDir = scratch();
  const first = await startWeir({ dataDir });
  assert.equal(typeof first.initialPassword, 'string');

  const cliHome = scratch();
  const wrong = runCli(
    ['login', '--url', first.url, '--password-stdin'],
    { WEIR_CLI_HOME: cliHome },
    'wrong\n',
  );
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /401 Unauthorized: Invalid username or password/);

  const login = runCli(
    ['login', '--url', first.url, '--password-stdin'],
    { WEIR_CLI_HOME: cliHome },
    `${first.initialPassword}\n`,
  );
  assert.equal(login.status, 0, login.stderr);
  assert.match(login.stdout, /Logged in to .* as admin/);
  const credentialsFile = join(cliHome, 'credentials.json');
  assert.equal(statSync(credentialsFile).mode & 0o777, 0o600);
  const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8'));
  const saved = createWeirClient({ baseUrl: first.url, auth: { bearer: credentials.token } });
  assert.equal((await saved.auth.me()).username, 'admin');

  // Graceful shutdown on SIGTERM: exit code 0; a restart on the same data does not print a password again.
  assert.equal(await first.stop(), 0);
  const second = await startWeir({ dataDir });
  servers.push(second);
  assert.equal(second.initialPassword, undefined);
  assert.equal(
    second.logLines.some((line) => line.includes('initialPassword')),
    false,
  );
});

test('weir plugins and weir schemas: list, disable and enable a plugin; upload a schema with an import, delete it by name', async () => {
  const weir = await startWeir();
  servers.push(weir);
  const admin = createWeirClient({ baseUrl: weir.url });
  const { sessionCookie } = await admin.auth.login({ username: 'admin', password: weir.initialPassword! });
  const asAdmin = createWeirClient({ baseUrl: weir.url, auth: { cookie: sessionCookie! } });
  const { secret } = await asAdmin.auth.createToken({ name: 'cli plugins', expiresInDays: 1 });
  const dir = scratch();
  const env = { WEIR_CLI_HOME: dir, WEIR_URL: weir.url, WEIR_TOKEN: secret };

  const list = runCli(['plugins', 'list'], env);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^weir\.builtin +\S+ +built-in +active +serdes:raw /m);
  assert.match(list.stdout, /^weir\.serdes +1\.0\.0 +built-in +active +serdes:avro serdes:protobuf /m);

  const money = join(dir, 'money.proto');
  const payment = join(dir, 'payment.proto');
  writeFileSync(money, 'syntax = "proto3";\npackage shop.common;\nmessage Money { string currency = 1; }\n');
  writeFileSync(
    payment,
    'syntax = "proto3";\npackage shop;\nimport "common/money.proto";\nmessage Payment { shop.common.Money amount = 1; }\n',
  );
  const upload = runCli(
    [
      'schemas',
      'upload',
      'payments',
      '--format',
      'protobuf',
      payment,
      '--import',
      `common/money.proto=${money}`,
    ],
    env,
  );
  assert.equal(upload.status, 0, upload.stderr);
  assert.equal(upload.stdout, 'Uploaded protobuf schema payments; types: shop.Payment, shop.common.Money\n');
  const missingImport = runCli(['schemas', 'upload', 'broken', '--format', 'protobuf', payment], env);
  assert.equal(missingImport.status, 1);
  assert.match(missingImport.stderr, /payment\.proto imports "common\/money\.proto", which was not uploaded/);
  const shown = JSON.parse(runCli(['schemas', 'list', '--json'], env).stdout);
  assert.deepEqual(
    shown.items.map((s: { name: string; files: { path: string }[] }) => [s.name, s.files.map((f) => f.path)]),
    [['payments', ['payment.proto', 'common/money.proto']]],
  );

  const wrongName = runCli(['schemas', 'delete', 'payments', '--confirm', 'payment'], env);
  assert.equal(wrongName.status, 1);
  assert.match(wrongName.stderr, /Type the schema's exact name to confirm: "payments"/);
  assert.equal(runCli(['schemas', 'delete', 'payments', '--confirm', 'payments'], env).status, 0);
  assert.deepEqual(JSON.parse(runCli(['schemas', 'list', '--json'], env).stdout).items, []);

  const disabled = runCli(['plugins', 'disable', 'weir.serdes'], env);
  assert.equal(disabled.status, 0, disabled.stderr);
  assert.match(disabled.stdout, /State: +disabled: turned off by an admin/);
  const noSerde = runCli(['schemas', 'upload', 'payments', '--format', 'protobuf', money], env);
  assert.equal(noSerde.status, 1);
  assert.match(noSerde.stderr, /No active serde reads protobuf schemas/);
  assert.match(runCli(['plugins', 'enable', 'weir.serdes'], env).stdout, /State: +active\n/);
});
