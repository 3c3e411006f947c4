import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTopic, type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  apiCall,
  cspViolationsSeen,
  eventually,
  launchBrowser,
  loggedInPages,
  type RunningWeir,
  screenshot,
  startWeir,
} from './support.ts';

// One Kafka, one Weir with a plugins folder holding one plugin with settings (a secret among them),
// and one cluster with the topic "orders", whose values the built-in JSON serde reads.
let kafka: KafkaCluster;
let weir: RunningWeir;
let browser: Browser;
let pages: Awaited<ReturnType<typeof loggedInPages>>;
let clusterId: string;
const pluginsDir = mkdtempSync(join(tmpdir(), 'weir-e2e-plugins-'));

/**
 * A plugin as a third party ships it in the plugins folder: a topic preset, a health check, and settings with a URL
 * of at least 10 characters, a number of retries and a token (a secret, `writeOnly`).
 */
function writeWebhookPlugin(directory: string): void {
  const folder = join(directory, 'webhook');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ type: 'module', exports: './index.js' }));
  const manifest = {
    id: 'e2e.webhook',
    name: 'Webhook presets',
    version: '2.1.0',
    apiVersion: '^1.0.0',
    description: 'A topic preset named after its webhook',
    contributes: ['topicPresets', 'healthChecks'],
    permissions: ['secrets', 'cluster:read'],
    settingsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        url: { type: 'string', title: 'Webhook URL', minLength: 10 },
        retries: { type: 'integer', title: 'Retries', minimum: 0, maximum: 5, default: 2 },
        token: { type: 'string', title: 'Token', writeOnly: true },
      },
    },
  };
  writeFileSync(
    join(folder, 'index.js'),
    `export default {
  manifest: ${JSON.stringify(manifest)},
  activate: ({ settings }) => ({
    topicPresets: [{ id: 'webhook', label: 'Webhook ' + (settings.url ?? 'unset'), configs: {} }],
    healthChecks: [{
      id: 'orders-present',
      title: 'Orders topic present',
      run: ({ facts }) => {
        const orders = facts.topics.find((t) => t.name === 'orders');
        return [{
          subject: { type: 'topic', name: 'orders' },
          status: orders ? 'ok' : 'critical',
          reason: orders ? 'orders has ' + orders.partitions.length + ' partition(s)' : 'orders is missing',
        }];
      },
    }],
  }),
};
`,
  );
}

before(async () => {
  writeWebhookPlugin(pluginsDir);
  [kafka, weir] = await Promise.all([
    startKafkaCluster({ version: '3.9' }),
    startWeir({ env: { WEIR_PLUGINS_DIR: pluginsDir } }),
  ]);
  await createTopic(kafka, 'orders', { partitions: 1 });
  // Written by kcat (librdkafka), not by Weir: one JSON value and one that is not.
  execFileSync('kcat', ['-P', '-b', kafka.bootstrapServers.plaintext, '-t', 'orders', '-p', '0'], {
    input: '{"id":7,"item":"tea"}\nnot json at all\n',
    timeout: 60_000,
  });
  browser = await launchBrowser();
  pages = await loggedInPages(browser, weir);
  const page = await pages.page();
  const added = await apiCall(page, 'POST', '/clusters', {
    name: 'demo',
    bootstrapServers: [kafka.bootstrapServers.plaintext],
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterId = added.body.cluster.id;
  await page.context().close();
});

after(async () => {
  await pages?.close();
  await browser?.close();
  await weir?.stop();
  await kafka?.stop();
  rmSync(pluginsDir, { recursive: true, force: true });
});

/** The plugins page, opened from the navigation. */
async function openPlugins(): Promise<Page> {
  const page = await pages.page();
  await page.getByRole('link', { name: 'Plugins', exact: true }).click();
  await page.getByRole('heading', { name: 'Plugins', level: 1 }).waitFor();
  return page;
}

const pluginRow = (page: Page, id: string): Locator =>
  page.getByRole('row').filter({ has: page.getByText(id, { exact: true }) });

/** The state a row shows: its tag, and the reason beside it when there is one ("disabled · why"). */
const stateOf = async (row: Locator) =>
  (await row.getByTestId('plugin-state').locator('.ant-space-item').allTextContents()).join(' · ');

test('the plugins page lists the built-in plugin active with its serdes, under the plugin API version', async () => {
  const page = await openPlugins();
  assert.equal(await page.title(), 'Plugins · Weir');
  assert.equal(await page.locator('h1').count(), 1);
  const { body } = await apiCall(page, 'GET', '/plugins');
  await page.getByText(`This Weir implements plugin API ${body.apiVersion}.`).waitFor();

  const builtin = pluginRow(page, 'weir.builtin');
  await builtin.waitFor();
  assert.equal(await stateOf(builtin), 'active');
  // One line per extension point, each with the titles of what the plugin contributes there.
  const extensions = await builtin.getByTestId('plugin-extensions').locator('li').allTextContents();
  assert.equal(extensions[0], 'Serdes: Raw (text, JSON or bytes), String (UTF-8), JSON');
  assert.match(extensions[1] ?? '', /^Topic presets: Cluster defaults, Compacted/);
  await builtin.getByText('built-in', { exact: true }).waitFor();
  await builtin.getByText('messages:read', { exact: true }).waitFor();

  const webhook = pluginRow(page, 'e2e.webhook');
  assert.equal(await stateOf(webhook), 'active');
  await webhook.getByText('directory', { exact: true }).waitFor();
  await webhook.getByText('2.1.0', { exact: true }).waitFor();
  // The built-in plugin has no settings; the webhook plugin has.
  assert.equal(await builtin.getByRole('button', { name: /^Settings/ }).count(), 0);
  await webhook.getByRole('button', { name: 'Settings Webhook presets' }).waitFor();
  await screenshot(page, 'plugins');
});

test('disabling the built-in plugin shows it disabled and why; enabling it makes it active again', async () => {
  const page = await openPlugins();
  const builtin = pluginRow(page, 'weir.builtin');
  await builtin.getByRole('button', { name: 'Disable Weir built-ins' }).click();
  // A confirmation first: what the plugin contributes goes with it.
  const confirm = page.getByRole('tooltip').filter({ hasText: 'Disable Weir built-ins?' });
  await confirm.getByRole('button', { name: 'Disable', exact: true }).click();
  await eventually(() => stateOf(builtin), 'disabled · turned off by an admin.', 'the disabled row');
  const disabled = await apiCall(page, 'GET', '/plugins/weir.builtin');
  assert.equal(disabled.body.plugin.state, 'disabled');
  // Its serdes are gone from Weir while it is off.
  const serdes = (await apiCall(page, 'GET', '/serdes')).body.serdes.map((s: { plugin: string }) => s.plugin);
  assert.ok(!serdes.includes('weir.builtin'), JSON.stringify(serdes));

  // Still off after a reload: the server remembers it.
  await page.reload();
  await eventually(() => stateOf(builtin), 'disabled · turned off by an admin.', 'the row after a reload');
  await builtin.getByRole('button', { name: 'Enable Weir built-ins' }).click();
  await eventually(() => stateOf(builtin), 'active', 'the enabled row');
  assert.equal((await apiCall(page, 'GET', '/plugins/weir.builtin')).body.plugin.state, 'active');

  await page.getByRole('link', { name: 'Audit log', exact: true }).click();
  await page.getByRole('row', { name: /Disable plugin .*weir\.builtin.*Success/ }).waitFor();
  await page.getByRole('row', { name: /Enable plugin .*weir\.builtin.*Success/ }).waitFor();
});

test('settings: a form drawn from the schema, the server’s 400 shown, a secret kept when left empty', async () => {
  const page = await openPlugins();
  await pluginRow(page, 'e2e.webhook').getByRole('button', { name: 'Settings Webhook presets' }).click();
  const drawer = page.getByRole('dialog', { name: 'Settings of Webhook presets' });
  await drawer.getByLabel('Webhook URL').waitFor();
  // The schema's default, filled in.
  assert.equal(await drawer.getByLabel('Retries').inputValue(), '2');
  assert.equal(await drawer.getByLabel('Token').getAttribute('type'), 'password');

  // Too short for the schema: the server says so, naming the setting.
  await drawer.getByLabel('Webhook URL').fill('http://x');
  await drawer.getByRole('button', { name: 'Save settings' }).click();
  await drawer.getByRole('alert').filter({ hasText: 'settings.url' }).waitFor();

  await drawer.getByLabel('Webhook URL').fill('https://hooks.example/weir');
  await drawer.getByLabel('Token').fill('s3cret-token');
  await drawer.getByRole('button', { name: 'Save settings' }).click();
  await drawer.getByText('Settings saved; the plugin was reloaded with them.').waitFor();
  await drawer.getByText('Set — leave empty to keep.').waitFor();
  assert.equal(await drawer.getByLabel('Token').inputValue(), '');
  await screenshot(page, 'plugin-settings');
  const saved = await apiCall(page, 'GET', '/plugins/e2e.webhook/settings');
  assert.deepEqual(saved.body, {
    settings: { url: 'https://hooks.example/weir', retries: 2 },
    secretsSet: ['token'],
  });

  // Saved again with the token left empty: the server keeps it.
  await drawer.getByLabel('Retries').fill('4');
  await drawer.getByRole('button', { name: 'Save settings' }).click();
  await drawer.getByText('Settings saved; the plugin was reloaded with them.').waitFor();
  await eventually(
    async () => (await apiCall(page, 'GET', '/plugins/e2e.webhook/settings')).body,
    { settings: { url: 'https://hooks.example/weir', retries: 4 }, secretsSet: ['token'] },
    'the settings after the second save',
  );
  // The plugin was reloaded with them: its preset is named after the new URL.
  const presets = (await apiCall(page, 'GET', '/topic-presets')).body;
  assert.match(JSON.stringify(presets), /Webhook https:\/\/hooks\.example\/weir/);
});

test('the message browser shows a value the JSON serde decoded, and one it could not as raw with why', async () => {
  const page = await pages.page();
  const rules = await apiCall(page, 'PUT', `/clusters/${clusterId}/serde-rules`, {
    rules: [{ topics: 'orders', value: { serde: 'json' } }],
  });
  assert.equal(rules.status, 200, JSON.stringify(rules.body));
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/orders?tab=messages`);
  await page.getByRole('button', { name: 'Browse', exact: true }).click();
  const decoded = page.getByRole('row').filter({ hasText: '{"id":7,"item":"tea"}' });
  await decoded.getByTestId('payload-serde').filter({ hasText: 'json' }).waitFor();
  const raw = page.getByRole('row').filter({ hasText: 'not json at all' });
  await raw.getByTestId('payload-decode-error').waitFor();

  await decoded.getByTestId('message-value').click();
  const detail = page.getByTestId('message-detail');
  await detail.locator('pre').filter({ hasText: '"item": "tea"' }).waitFor();
  await detail.getByTestId('payload-serde').waitFor();
  await raw.getByTestId('message-value').click();
  await page
    .getByTestId('message-detail')
    .getByText(/^json: not JSON/)
    .waitFor();
  await screenshot(page, 'messages-decoded');
});

test('the cluster overview shows what the plugins’ health checks found, with each reason', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/overview`);
  const card = page.locator('.ant-card').filter({ hasText: 'Plugin health checks' });
  const row = card.getByRole('row').filter({ hasText: 'Orders topic present' });
  await row.getByText('OK', { exact: true }).waitFor();
  await row.getByText('Topic orders', { exact: true }).waitFor();
  await row.getByText('orders has 1 partition(s)', { exact: true }).waitFor();
  await screenshot(page, 'plugin-checks');
});

test('no page of this file broke the Content-Security-Policy', () => {
  assert.deepEqual(cspViolationsSeen(), []);
});
