import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'weir-config-'));

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  assert.fail('expected a ConfigError');
};

test('defaults: 127.0.0.1:8080, ./data, SQLite, info', () => {
  const cwd = scratch();
  const config = loadConfig({ env: {}, cwd });
  assert.deepEqual(config, {
    host: '127.0.0.1',
    port: 8080,
    dataDir: join(cwd, 'data'),
    databaseUrl: undefined,
    adminPassword: undefined,
    secretKey: undefined,
    logLevel: 'info',
    trustProxy: [],
    plugins: [],
    pluginsDir: join(cwd, 'data', 'plugins'),
  });
});

test('flags win over the environment, which wins over the file', () => {
  const cwd = scratch();
  const file = join(cwd, 'weir.json');
  writeFileSync(file, JSON.stringify({ port: 9000, host: '0.0.0.0', logLevel: 'debug' }));
  const config = loadConfig({
    env: { WEIR_PORT: '9100', WEIR_HOST: '::1' },
    flags: { port: '9200' },
    configFile: file,
    cwd,
  });
  assert.equal(config.port, 9200);
  assert.equal(config.host, '::1');
  assert.equal(config.logLevel, 'debug');
});

test('every problem is listed at once, each naming the setting as the user gave it and the fix', () => {
  const cwd = scratch();
  const file = join(cwd, 'weir.json');
  writeFileSync(file, JSON.stringify({ prot: 1 }));
  const problems = problemsOf(() =>
    loadConfig({
      env: {
        WEIR_PORT: 'eighty',
        WEIR_DATABASE_URL: 'mysql://x',
        WEIR_LOG_LEVEL: 'loud',
        WEIR_ADMIN_PASSWORD: 'short',
        WEIR_SECRET_KEY: 'dG9vIHNob3J0',
      },
      configFile: file,
      cwd,
    }),
  );
  assert.equal(problems.length, 6, problems.join('\n'));
  assert.match(problems.join('\n'), /WEIR_SECRET_KEY: must be base64 of 32 bytes/);
  assert.match(problems[0]!, /unknown key "prot"; known keys are host, port/);
  assert.match(problems.join('\n'), /WEIR_PORT: "eighty" is not a port; use a whole number from 0 to 65535/);
  assert.match(problems.join('\n'), /WEIR_DATABASE_URL: must be a postgres:\/\/ URL/);
  assert.match(problems.join('\n'), /WEIR_LOG_LEVEL: "loud" is not a log level/);
  assert.match(problems.join('\n'), /WEIR_ADMIN_PASSWORD: must be at least 8 characters/);
});

test('a port above 65535 given as a flag names the flag', () => {
  const problems = problemsOf(() => loadConfig({ env: {}, flags: { port: '70000' }, cwd: scratch() }));
  assert.match(problems[0]!, /^--port: "70000" is not a port/);
});

test('an unusable data directory is refused with the path and the fix', () => {
  const cwd = scratch();
  const file = join(cwd, 'a-file');
  writeFileSync(file, 'x');
  const problems = problemsOf(() => loadConfig({ env: { WEIR_DATA_DIR: join(file, 'data') }, cwd }));
  assert.match(problems[0]!, /WEIR_DATA_DIR: data directory .*a-file\/data is not usable/);
  if (process.getuid?.() !== 0) {
    const locked = join(cwd, 'locked');
    chmodSync(cwd, 0o500);
    assert.equal(problemsOf(() => loadConfig({ env: { WEIR_DATA_DIR: locked }, cwd })).length, 1);
  }
});

test('trusted proxies are addresses, CIDRs or range names; anything else is named with the fix', () => {
  const config = loadConfig({
    env: { WEIR_TRUST_PROXY: ' 10.0.0.5, 192.168.1.0/24,::1,fd00::/8 ,loopback' },
    cwd: scratch(),
  });
  assert.deepEqual(config.trustProxy, ['10.0.0.5', '192.168.1.0/24', '::1', 'fd00::/8', 'loopback']);
  const problems = problemsOf(() =>
    loadConfig({ env: {}, flags: { trustProxy: 'proxy.local,10.0.0.0/33,1.2.3.4/8/1' }, cwd: scratch() }),
  );
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(
    problems[0]!,
    /^--trust-proxy: "proxy.local" is not a proxy address; use IP addresses or CIDRs/,
  );
  assert.match(problems[1]!, /"10.0.0.0\/33"/);
  assert.match(problems[2]!, /"1.2.3.4\/8\/1"/);
});

test('a config file that is not a JSON object is reported', () => {
  const cwd = scratch();
  const file = join(cwd, 'weir.json');
  writeFileSync(file, '[1,2]');
  assert.match(
    problemsOf(() => loadConfig({ env: {}, configFile: file, cwd }))[0]!,
    /must hold a JSON object/,
  );
});

test('the loggable config masks the database password', () => {
  const config = loadConfig({
    env: { WEIR_DATABASE_URL: 'postgres://weir:hunter2@db:5432/weir' },
    cwd: scratch(),
  });
  const described = JSON.stringify(describeConfig(config));
  assert.equal(described.includes('hunter2'), false);
  assert.match(described, /postgres:\/\/weir:\*\*\*@db:5432\/weir/);
});
