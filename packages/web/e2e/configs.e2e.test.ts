import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import type { Browser, Page } from 'playwright-core';
import {
  apiCall,
  eventually,
  launchBrowser,
  loggedInPages,
  type RunningWeir,
  screenshot,
  startWeir,
} from './support.ts';

// One single-node KRaft cluster (node 1 is broker and controller) and one Weir for the file; each
// test makes its own topic, so any test runs alone.
let kafka: KafkaCluster;
let weir: RunningWeir;
let browser: Browser;
let pages: Awaited<ReturnType<typeof loggedInPages>>;
let clusterId: string;

before(async () => {
  [kafka, weir] = await Promise.all([startKafkaCluster({ version: '3.9' }), startWeir()]);
  browser = await launchBrowser();
  pages = await loggedInPages(browser, weir);
  const page = await pages.page();
  const added = await apiCall(page, 'POST', '/clusters', {
    name: 'configs',
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
});

/** A topic created through Weir with `configs` as overrides, open on its Configs tab. */
async function openTopicConfigs(page: Page, name: string, configs: Record<string, string>): Promise<void> {
  const created = await apiCall(page, 'POST', `/clusters/${clusterId}/topics`, {
    name,
    partitions: 1,
    replicationFactor: 1,
    configs,
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  await eventually(
    async () =>
      (
        await apiCall(
          page,
          'GET',
          `/clusters/${clusterId}/topics?refresh=true&search=${encodeURIComponent(name)}`,
        )
      ).body.items.some((t: { name: string }) => t.name === name),
    true,
    `${name} in Weir's topic list`,
  );
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/${name}?tab=configs`);
  await page.getByRole('button', { name: 'Edit retention.ms', exact: true }).waitFor();
}

const row = (page: Page, key: string) =>
  page.getByRole('row').filter({ has: page.getByRole('cell', { name: key, exact: true }) });

test('topic configs read as people read them, with the raw value, the default and the docs', async () => {
  const page = await pages.page();
  await openTopicConfigs(page, 'readable-configs', {
    'max.message.bytes': '2000000',
    'retention.bytes': '-1',
  });
  // Kafka's defaults: segment.bytes 1073741824, retention.ms 604800000, max.compaction.lag.ms Long.MAX_VALUE.
  await row(page, 'segment.bytes').getByText('1 GiB', { exact: true }).first().waitFor();
  await row(page, 'segment.bytes').getByText('1073741824', { exact: true }).first().waitFor();
  await row(page, 'retention.ms').getByText('7 days', { exact: true }).first().waitFor();
  await row(page, 'max.compaction.lag.ms').getByText('unlimited', { exact: true }).first().waitFor();
  await row(page, 'retention.bytes').getByText('unlimited', { exact: true }).first().waitFor();
  // The override's default is the broker's message.max.bytes, as Kafka's synonyms report it.
  const maxMessage = row(page, 'max.message.bytes');
  await maxMessage.getByText('2000000', { exact: true }).waitFor();
  await maxMessage.getByText('1048588', { exact: true }).waitFor();
  // An entry at its default shows that value as its default, not a dash.
  assert.equal(await row(page, 'segment.bytes').getByText('1073741824', { exact: true }).count(), 2);
  await row(page, 'retention.ms')
    .getByRole('button', { name: /expand row/i })
    .click();
  await page.getByText('If set to -1, no time limit is applied.', { exact: false }).waitFor();
  await screenshot(page, 'topic-configs');
});

test('only the row being edited is an input; a value Kafka refuses shows its reason on that row', async () => {
  const page = await pages.page();
  await openTopicConfigs(page, 'edit-one-row', {});
  assert.equal(await page.getByRole('table').getByRole('textbox').count(), 0);
  await page.getByRole('button', { name: 'Edit min.insync.replicas', exact: true }).click();
  assert.equal(await page.getByRole('table').getByRole('textbox').count(), 1);
  await page.getByLabel('min.insync.replicas', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Review 1 change' }).click();
  const refusal = row(page, 'min.insync.replicas').getByRole('alert');
  await refusal.waitFor();
  assert.match((await refusal.textContent()) ?? '', /min\.insync\.replicas|at least 1/);
  // Nothing was changed: the refusal came from the broker's validation.
  const detail = await apiCall(page, 'GET', `/clusters/${clusterId}/topics/edit-one-row?refresh=true`);
  const minIsr = detail.body.configs.find((c: { name: string }) => c.name === 'min.insync.replicas');
  assert.equal(minIsr.source, 'default');
  // Cancelling the edit turns the row back into its value and clears the refusal.
  await page.getByRole('button', { name: 'Cancel editing min.insync.replicas', exact: true }).click();
  assert.equal(await page.getByRole('table').getByRole('textbox').count(), 0);
  assert.equal(await row(page, 'min.insync.replicas').getByRole('alert').count(), 0);
});

test('the Only overrides switch is labelled with how many overrides there are, and shows only them', async () => {
  const page = await pages.page();
  await openTopicConfigs(page, 'overrides-counted', { 'retention.ms': '-1', 'cleanup.policy': 'compact' });
  const toggle = page.getByRole('switch', { name: 'Only overrides (2)' });
  await toggle.click();
  await eventually(
    async () => (await page.getByRole('table').locator('tbody tr.ant-table-row').allTextContents()).length,
    2,
    'the rows with the switch on',
  );
  await row(page, 'retention.ms').getByText('unlimited', { exact: true }).waitFor();
  await row(page, 'cleanup.policy').waitFor();
});

test("a broker's static settings count as overrides, and its page opens with a summary", async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/brokers/1`);
  const summary = page.getByTestId('broker-summary');
  await summary.getByText(kafka.bootstrapServers.plaintext, { exact: true }).waitFor();
  await summary.getByText('broker and controller', { exact: true }).waitFor();
  await summary.getByText('Active controller', { exact: true }).waitFor();
  await summary
    .getByText(/ used, .* free$/)
    .first()
    .waitFor();
  const detail = await apiCall(page, 'GET', `/clusters/${clusterId}/brokers/1`);
  assert.equal(detail.status, 200, JSON.stringify(detail.body));
  const leaders = String(detail.body.leaders.value);
  await summary.getByText(leaders, { exact: true }).first().waitFor();
  // The testkit writes node.id, listeners and more into server.properties: STATIC_BROKER_CONFIG.
  const overrides = detail.body.configs.filter((c: { source: string }) => c.source !== 'default').length;
  assert.ok(detail.body.configs.some((c: { source: string }) => c.source === 'static-broker'));
  await page.getByRole('switch', { name: `Only overrides (${overrides})` }).click();
  await row(page, 'node.id').waitFor();
  await screenshot(page, 'broker-summary');
});
