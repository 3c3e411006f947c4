import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { WeirClient } from '@weir/api';
import { type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import { createTestApp } from '../src/testing.ts';

/**
 * The example plugin (examples/weir-plugin-topic-naming) as a third party would ship it: copied out
 * of the workspace, given the SDK from the tarball `npm pack` makes, type-checked against it, then
 * loaded by Weir from its plugins folder and run on a real cluster.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'weir-example-plugin-'));
const pluginsDir = join(scratch, 'plugins');
const pluginDir = join(pluginsDir, 'topic-naming');

let kafka: KafkaCluster;
let app: Awaited<ReturnType<typeof createTestApp>>;
let client: WeirClient;
let clusterId: string;

before(async () => {
  mkdirSync(pluginsDir, { recursive: true });
  cpSync(join(root, 'examples', 'weir-plugin-topic-naming'), pluginDir, { recursive: true });
  execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], {
    cwd: join(root, 'packages', 'plugin-sdk'),
    stdio: 'pipe',
  });
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack made the SDK tarball');
  execFileSync(
    'npm',
    ['install', '--no-save', '--offline', '--no-audit', '--no-fund', join(scratch, tarball)],
    {
      cwd: pluginDir,
      stdio: 'pipe',
    },
  );
  kafka = await startKafkaCluster({ version: '3.9' });
  app = await createTestApp({ plugins: { directory: pluginsDir } });
  client = await app.client();
  const { cluster } = await client.clusters.create({
    name: 'naming',
    bootstrapServers: [kafka.bootstrapServers.plaintext],
  });
  clusterId = cluster.id;
  for (const name of ['orders', 'payments.eu', 'Bad_Topic'])
    await client.topics.create(clusterId, { name, partitions: 1, replicationFactor: 1 });
});
after(async () => {
  await app?.close();
  await kafka?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

test('the example plugin type-checks against the packed SDK, outside the workspace', () => {
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  // Throws with tsc's errors when the plugin does not fit the SDK it was given.
  execFileSync(tsc, ['--noEmit', '-p', pluginDir], { stdio: 'pipe' });
});

test('Weir loads it from its plugins folder: active, with its checks and its settings schema', async () => {
  const { plugin } = await client.plugins.get('example.topic-naming');
  assert.equal(plugin.state, 'active', plugin.reason ?? '');
  assert.equal(plugin.source, 'directory');
  assert.equal(plugin.version, '1.0.0');
  assert.deepEqual(
    plugin.extensions.map((e) => `${e.kind}:${e.id}`),
    ['healthChecks:topic-naming', 'healthChecks:leaderless-partitions'],
  );
  assert.deepEqual(Object.keys((plugin.settingsSchema?.properties ?? {}) as object), [
    'pattern',
    'severity',
    'includeInternal',
  ]);
});

test('its checks run on the real cluster: the badly named topic is found, with the reason', async () => {
  const report = await client.health.checks(clusterId);
  const naming = report.checks.find((c) => c.check === 'topic-naming');
  assert.equal(naming?.status, 'warning');
  assert.equal(naming?.error, null);
  const bad = report.findings.filter((f) => f.check === 'topic-naming' && f.subject.type === 'topic');
  assert.deepEqual(
    bad.map((f) => f.subject.name),
    ['Bad_Topic'],
  );
  assert.match(bad[0]?.reason ?? '', /"Bad_Topic" does not match the naming convention/);
  const summary = report.findings.find((f) => f.check === 'topic-naming' && f.subject.type === 'cluster');
  assert.equal(summary?.value, 1);
  assert.match(summary?.reason ?? '', /^1 of 3 topics do not match/);
  assert.equal(report.checks.find((c) => c.check === 'leaderless-partitions')?.status, 'ok');
});

test('new settings reload it: a stricter pattern and severity change the verdicts; a bad pattern fails it with the reason', async () => {
  await client.plugins.saveSettings('example.topic-naming', {
    settings: { pattern: '^[a-z]+$', severity: 'critical' },
  });
  const report = await client.health.checks(clusterId);
  assert.equal(report.checks.find((c) => c.check === 'topic-naming')?.status, 'critical');
  assert.deepEqual(
    report.findings
      .filter((f) => f.check === 'topic-naming' && f.subject.type === 'topic')
      .map((f) => f.subject.name)
      .sort(),
    ['Bad_Topic', 'payments.eu'],
  );
  await client.plugins.saveSettings('example.topic-naming', { settings: { pattern: '([a-z' } });
  const { plugin } = await client.plugins.get('example.topic-naming');
  assert.equal(plugin.state, 'failed');
  assert.match(plugin.reason ?? '', /activate threw: the pattern \(\[a-z is not a regular expression/);
  const without = await client.health.checks(clusterId);
  assert.equal(
    without.checks.some((c) => c.plugin === 'example.topic-naming'),
    false,
  );
});
