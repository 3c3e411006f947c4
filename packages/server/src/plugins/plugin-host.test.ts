import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ApiProblem } from '@weir/api';
import { PartReader } from '../serdes/part-reader.ts';
import { createTestApp } from '../testing.ts';

const scratch = mkdtempSync(join(tmpdir(), 'weir-plugins-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A plugin folder in the plugins directory, its module given as JavaScript source. */
function pluginFolder(directory: string, name: string, source: string): void {
  mkdirSync(join(directory, name), { recursive: true });
  writeFileSync(join(directory, name, 'index.js'), source);
}

const manifest = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    name: id,
    version: '1.0.0',
    apiVersion: '^1.0.0',
    contributes: ['healthChecks'],
    permissions: ['cluster:read'],
    ...extra,
  });

test('a manifest for another plugin API version is refused with the reason, and Weir serves the rest', async () => {
  const directory = join(scratch, 'api-version');
  pluginFolder(
    directory,
    'future',
    `export default { manifest: ${manifest('acme.future', { apiVersion: '^2.0.0' })}, activate() { throw new Error('must not run'); } };`,
  );
  pluginFolder(
    directory,
    'no-permission',
    `export default { manifest: ${manifest('acme.nosy', { permissions: [] })}, activate: () => ({}) };`,
  );
  pluginFolder(directory, 'not-a-plugin', `export const something = 1;`);
  const app = await createTestApp({ plugins: { directory } });
  try {
    const client = await app.client();
    const { plugins, apiVersion } = await client.plugins.list();
    assert.equal(apiVersion, '1.0.0');
    const future = plugins.find((p) => p.id === 'acme.future');
    assert.equal(future?.state, 'refused');
    assert.match(future?.reason ?? '', /written for plugin API \^2\.0\.0, and this Weir implements 1\.0\.0/);
    const nosy = plugins.find((p) => p.id === 'acme.nosy');
    assert.equal(nosy?.state, 'refused');
    assert.match(nosy?.reason ?? '', /contributing healthChecks needs the "cluster:read" permission/);
    const bare = plugins.find((p) => p.location.endsWith('not-a-plugin'));
    assert.equal(bare?.state, 'refused');
    assert.match(bare?.reason ?? '', /no default export/);
    const builtin = plugins.find((p) => p.id === 'weir.builtin');
    assert.equal(builtin?.state, 'active');
    assert.ok(builtin?.extensions.some((e) => e.kind === 'topicPresets' && e.id === 'compacted'));
    assert.ok(
      (await client.topics.presets()).presets.some(
        (p) => p.id === 'compacted' && p.plugin === 'weir.builtin',
      ),
    );
  } finally {
    await app.close();
  }
});

test('a plugin that throws at load, or fails to import, is failed with the reason; the others stay active', async () => {
  const directory = join(scratch, 'throws');
  pluginFolder(
    directory,
    'a-throws',
    `export default { manifest: ${manifest('acme.throws')}, activate() { throw new Error('no licence key'); } };`,
  );
  pluginFolder(directory, 'b-syntax', `export default { manifest: ;`);
  pluginFolder(
    directory,
    'c-fine',
    `export default { manifest: ${manifest('acme.fine')}, activate: () => ({ healthChecks: [{ id: 'always-ok', title: 'Always OK', run: () => [] }] }) };`,
  );
  const app = await createTestApp({ plugins: { directory } });
  try {
    const { plugins } = await (await app.client()).plugins.list();
    const throws = plugins.find((p) => p.id === 'acme.throws');
    assert.equal(throws?.state, 'failed');
    assert.equal(throws?.reason, 'activate threw: no licence key');
    const syntax = plugins.find((p) => p.location.endsWith('b-syntax'));
    assert.equal(syntax?.state, 'failed');
    assert.match(syntax?.reason ?? '', /could not be imported/);
    assert.equal(plugins.find((p) => p.id === 'acme.fine')?.state, 'active');
  } finally {
    await app.close();
  }
});

test('a health check that throws in use disables its plugin with the reason; Weir keeps serving and can retry it', async () => {
  const directory = join(scratch, 'in-use');
  writeFileSync(join(scratch, 'flaky-state.json'), JSON.stringify({ broken: true }));
  pluginFolder(
    directory,
    'flaky',
    `import { readFileSync } from 'node:fs';
     const state = ${JSON.stringify(join(scratch, 'flaky-state.json'))};
     export default { manifest: ${manifest('acme.flaky')}, activate: () => ({ healthChecks: [{ id: 'flaky', title: 'Flaky', run() {
       if (JSON.parse(readFileSync(state, 'utf8')).broken) throw new TypeError('cannot read properties of undefined');
       return [{ subject: { type: 'cluster', name: 'x' }, status: 'ok', reason: 'fine' }];
     } }] }) };`,
  );
  const app = await createTestApp({ plugins: { directory } });
  try {
    const client = await app.client();
    // The check runs on a cluster's read model; none is needed to see the plugin fail in use.
    const { extensions } = await client.plugins.get('acme.flaky').then((r) => r.plugin);
    assert.deepEqual(extensions, [{ kind: 'healthChecks', id: 'flaky', title: 'Flaky' }]);
    const extension = app.plugins
      .extensions('healthChecks')
      .find((e) => e.pluginId === 'acme.flaky')?.extension;
    await assert.rejects(
      app.plugins.run('acme.flaky', 'health check flaky', () =>
        extension?.run({ facts: {} as never, signal: new AbortController().signal }),
      ),
      /Plugin acme\.flaky failed and was disabled: health check flaky threw: cannot read properties of undefined/,
    );
    const failed = (await client.plugins.get('acme.flaky')).plugin;
    assert.equal(failed.state, 'failed');
    assert.equal(failed.reason, 'health check flaky threw: cannot read properties of undefined');
    assert.deepEqual(failed.extensions, []);
    assert.equal(app.plugins.extensions('healthChecks').length, 0);
    // Weir still answers, and turning the plugin on again retries it.
    assert.deepEqual(await client.clusters.list(), []);
    writeFileSync(join(scratch, 'flaky-state.json'), JSON.stringify({ broken: false }));
    assert.equal((await client.plugins.setState('acme.flaky', { enabled: true })).plugin.state, 'active');
    const audit = await client.audit.list({ action: 'plugin.enable' });
    assert.equal(audit.entries[0]?.target, 'acme.flaky');
  } finally {
    await app.close();
  }
});

test('settings are validated against the plugin schema; a secret is sealed, never returned, and kept when left out', async () => {
  const directory = join(scratch, 'settings');
  const schema = {
    type: 'object',
    properties: {
      url: { type: 'string', format: 'uri', title: 'Webhook URL' },
      retries: { type: 'integer', minimum: 0, maximum: 10, default: 3 },
      token: { type: 'string', writeOnly: true, minLength: 8 },
    },
    required: ['url'],
    additionalProperties: false,
  };
  pluginFolder(
    directory,
    'hook',
    `export let seen = null;
     export default { manifest: ${manifest('acme.hook', { contributes: [], permissions: ['secrets'], settingsSchema: schema })},
       activate(context) { globalThis.__acmeHookSettings = context.settings; return {}; } };`,
  );
  const app = await createTestApp({ plugins: { directory } });
  try {
    const client = await app.client();
    const refused = await client.plugins
      .saveSettings('acme.hook', { settings: { url: 'not a url', retries: '3', color: 'red' } })
      .catch((e) => e);
    assert.ok(refused instanceof ApiProblem);
    assert.equal(refused.status, 400);
    const problems = refused.problems;
    assert.ok(
      problems.some((p) => p.includes('"color" is not a setting of this plugin')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('settings.url:')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('settings.retries: must be integer')),
      problems.join('\n'),
    );

    const saved = await client.plugins.saveSettings('acme.hook', {
      settings: { url: 'https://hooks.example/weir', token: 's3cret-token' },
    });
    assert.deepEqual(saved, {
      settings: { url: 'https://hooks.example/weir', retries: 3 },
      secretsSet: ['token'],
    });
    assert.deepEqual((globalThis as unknown as Record<string, unknown>).__acmeHookSettings, {
      url: 'https://hooks.example/weir',
      retries: 3,
      token: 's3cret-token',
    });
    const row = await app.store.db.query<{ value: string }>(
      "SELECT value FROM settings WHERE key = 'plugin-settings:acme.hook'",
    );
    assert.ok(row[0] && !row[0].value.includes('s3cret-token'), 'the token is sealed at rest');
    // A save without the secret keeps it.
    await client.plugins.saveSettings('acme.hook', {
      settings: { url: 'https://hooks.example/other', retries: 5 },
    });
    assert.equal(
      (globalThis as unknown as Record<string, { token: string }>).__acmeHookSettings?.token,
      's3cret-token',
    );
    assert.deepEqual((await client.plugins.settings('acme.hook')).secretsSet, ['token']);
  } finally {
    await app.close();
  }
});

test('an npm package named in WEIR_PLUGINS is found where Weir runs; a missing one says how to install it', async () => {
  const cwd = join(scratch, 'install');
  mkdirSync(join(cwd, 'node_modules', 'weir-plugin-presets'), { recursive: true });
  writeFileSync(join(cwd, 'package.json'), '{"name": "site", "private": true}');
  writeFileSync(
    join(cwd, 'node_modules', 'weir-plugin-presets', 'package.json'),
    JSON.stringify({ name: 'weir-plugin-presets', version: '1.0.0', type: 'module', exports: './main.js' }),
  );
  writeFileSync(
    join(cwd, 'node_modules', 'weir-plugin-presets', 'main.js'),
    `export default { manifest: ${manifest('acme.presets', { contributes: ['topicPresets'], permissions: [] })},
       activate: () => ({ topicPresets: [{ id: 'audit-log', label: 'Audit log (compacted, 1 year)', configs: { 'cleanup.policy': 'compact', 'retention.ms': '31536000000' } }] }) };`,
  );
  const app = await createTestApp({
    plugins: { packages: ['weir-plugin-presets', 'weir-plugin-absent'], cwd },
  });
  try {
    const client = await app.client();
    const { plugins } = await client.plugins.list();
    const found = plugins.find((p) => p.id === 'acme.presets');
    assert.equal(found?.source, 'package');
    assert.equal(found?.state, 'active');
    const absent = plugins.find((p) => p.location === 'weir-plugin-absent');
    assert.equal(absent?.state, 'failed');
    assert.match(absent?.reason ?? '', /not installed where Weir runs .*npm install weir-plugin-absent/);
    const preset = (await client.topics.presets()).presets.find((p) => p.id === 'audit-log');
    assert.deepEqual(preset?.configs, { 'cleanup.policy': 'compact', 'retention.ms': '31536000000' });
    assert.equal(preset?.plugin, 'acme.presets');
  } finally {
    await app.close();
  }
});

test('a decoder that never answers is given up on: the record is shown raw with why, and its plugin is failed', async () => {
  const directory = join(scratch, 'hanging-serde');
  pluginFolder(
    directory,
    'hang',
    `export default { manifest: ${manifest('acme.hang', { contributes: ['serdes'], permissions: ['messages:read'] })},
       activate: () => ({ serdes: [{ id: 'hang', title: 'Hangs', decoder: () => () => new Promise(() => {}) }] }) };`,
  );
  const app = await createTestApp({ plugins: { directory } });
  try {
    const serde = app.plugins.extensions('serdes').find((e) => e.pluginId === 'acme.hang');
    assert.ok(serde, 'the hanging serde is active');
    const reader = new PartReader({
      host: app.plugins,
      resolved: { serde: 'hang', schema: null, messageType: null, rule: 0, canEncode: false },
      chosen: {
        pluginId: 'acme.hang',
        serde: serde.extension,
        binding: { clusterId: 'c', topic: 't', part: 'value' },
      },
      automatic: [],
      decodeDeadlineMs: 200,
    });
    const started = Date.now();
    const payload = await reader.render(Buffer.from('bytes'), 1000);
    assert.ok(Date.now() - started < 2000, 'the read did not wait for the decoder');
    assert.deepEqual(payload, {
      kind: 'text',
      text: 'bytes',
      size: 5,
      truncated: false,
      serde: 'raw',
      decodeError: "hang is disabled: serde hang's decoder gave no answer within 200 ms",
    });
    // The next record does not wait again: the plugin is off.
    const again = Date.now();
    const next = await reader.render(Buffer.from('more'), 1000);
    assert.ok(Date.now() - again < 100, 'the second read did not wait');
    assert.equal(
      next.kind === 'text' && next.decodeError,
      "hang: plugin acme.hang is failed: serde hang's decoder gave no answer within 200 ms",
    );
    const { plugin } = await (await app.client()).plugins.get('acme.hang');
    assert.deepEqual(
      [plugin.state, plugin.reason],
      ['failed', "serde hang's decoder gave no answer within 200 ms"],
    );
  } finally {
    await app.close();
  }
});

test('secrets are top-level writeOnly settings of a plugin with the secrets permission; other manifests are refused', async () => {
  const directory = join(scratch, 'secrets');
  const nested = {
    type: 'object',
    properties: { auth: { type: 'object', properties: { password: { type: 'string', writeOnly: true } } } },
  };
  const topLevel = { type: 'object', properties: { token: { type: 'string', writeOnly: true } } };
  pluginFolder(
    directory,
    'nested',
    `export default { manifest: ${manifest('acme.nested', { contributes: [], permissions: ['secrets'], settingsSchema: nested })}, activate: () => ({}) };`,
  );
  pluginFolder(
    directory,
    'unpermitted',
    `export default { manifest: ${manifest('acme.unpermitted', { contributes: [], permissions: [], settingsSchema: topLevel })}, activate: () => ({}) };`,
  );
  const app = await createTestApp({ plugins: { directory } });
  try {
    const client = await app.client();
    const refused = Object.fromEntries(
      (await client.plugins.list()).plugins.map((p) => [p.id, [p.state, p.reason]]),
    );
    assert.equal(refused['acme.nested']?.[0], 'refused');
    assert.match(
      refused['acme.nested']?.[1] ?? '',
      /manifest\.settingsSchema\.properties\.auth\.properties\.password: writeOnly is only for top-level properties/,
    );
    assert.equal(refused['acme.unpermitted']?.[0], 'refused');
    assert.match(
      refused['acme.unpermitted']?.[1] ?? '',
      /writeOnly secrets, which need the "secrets" permission/,
    );
  } finally {
    await app.close();
  }
});
