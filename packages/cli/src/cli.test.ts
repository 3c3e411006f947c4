import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
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
  assert.match(unknownFlag.stderr, /Unknown option '--prot'/);
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
