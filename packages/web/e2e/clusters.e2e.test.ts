import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  commitOffsets,
  createManyTopics,
  createTopic,
  type KafkaCluster,
  produceRecords,
  startConsumer,
  startKafkaCluster,
} from '@weir/testkit';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, type RunningWeir, screenshot, startWeir, watchCspViolations } from './support.ts';

const TOPIC_COUNT = 10_000;
let kafka: KafkaCluster;
let weir: RunningWeir;
let browser: Browser;
let page: Page;
let cspViolations: string[];
let clusterId: string;
let consumer: Awaited<ReturnType<typeof startConsumer>>;

/** The same data the page shows, straight from the API, to compare numbers. */
const apiGet = (path: string) =>
  page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/clusters/${clusterId}${path}`);

before(async () => {
  [kafka, weir] = await Promise.all([
    startKafkaCluster({ version: '3.9', sasl: true, heapMb: 1024 }),
    startWeir(),
  ]);
  await createManyTopics(
    kafka,
    Array.from({ length: TOPIC_COUNT - 1 }, (_, i) => `bulk-${String(i).padStart(5, '0')}`),
  );
  await createTopic(kafka, 'orders', { partitions: 6 });
  await produceRecords(kafka, 'orders', 1200);
  await commitOffsets(
    kafka,
    'reporting',
    'orders',
    [0, 1, 2, 3, 4, 5].map((partition) => ({ partition, offset: 50 })),
  );
  consumer = await startConsumer(kafka, 'billing', 'orders');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  cspViolations = await watchCspViolations(page);
  await page.goto(`${weir.url}/login`);
  await page.getByLabel('Password').fill(weir.initialPassword!);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Clusters' }).waitFor();
});

after(async () => {
  await browser?.close();
  await consumer?.stop();
  await weir?.stop();
  await kafka?.stop();
});

test('the add-cluster form tests each step: a wrong password is shown, the right one saves', async () => {
  await page.getByRole('button', { name: 'Add cluster' }).first().click();
  await page.getByLabel('Name').fill('local-sasl');
  await page.getByLabel('Bootstrap servers').fill(kafka.bootstrapServers.sasl!);
  await page.getByLabel('Security protocol').click();
  await page.getByTitle('SASL_PLAINTEXT').click();
  await page.getByLabel('SASL mechanism').click();
  await page.getByTitle('SCRAM-SHA-256').click();
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password or token').fill('wrong-password');
  await page.getByRole('button', { name: 'Test connection' }).click();
  const report = page.getByTestId('connection-report');
  await report.getByText(/Authentication failed for user alice with SCRAM-SHA-256/).waitFor();
  await page.getByText('The connection test failed.').waitFor();
  await screenshot(page, 'add-cluster-wrong-password');

  await page.getByLabel('Password or token').fill('alice-secret');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('The cluster answered every step.').waitFor();
  await report.getByText(/kraft|KRaft/).waitFor();
  await page.getByRole('button', { name: 'Test and save' }).click();
  await page.waitForURL(/\/clusters\/[0-9a-f-]+\/overview$/);
  clusterId = page.url().split('/')[4]!;
});

test('overview numbers equal the API', async () => {
  await page.getByTestId('stat-topics').waitFor();
  const { overview } = await apiGet('/overview');
  const shown = async (id: string) =>
    (await page.getByTestId(id).locator('.ant-statistic-content-value').textContent())?.replaceAll(',', '');
  assert.equal(await shown('stat-topics'), String(overview.topics - overview.internalTopics));
  assert.equal(await shown('stat-partitions'), String(overview.partitions));
  assert.equal(await shown('stat-brokers'), '1');
  assert.equal(await shown('stat-offline'), '0');
  await page.getByText(/KRaft quorum — leader 1/).waitFor();
  await screenshot(page, 'overview');
});

test(`topics: ${TOPIC_COUNT.toLocaleString('en')} topics, first page rendered, search and sort through a deep link`, async () => {
  const started = Date.now();
  await page.getByRole('link', { name: 'Topics' }).click();
  await page.getByRole('link', { name: 'bulk-00000' }).waitFor();
  const firstPageMs = Date.now() - started;
  console.log(`# topic list with ${TOPIC_COUNT} topics: first page rendered in ${firstPageMs} ms`);
  await page.getByText(`${TOPIC_COUNT.toLocaleString('en')} topics`).waitFor();
  await screenshot(page, 'topics');

  const deepLink = `${weir.url}/clusters/${clusterId}/topics?search=orders&sort=messages&order=desc`;
  const fresh = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    storageState: await page.context().storageState(),
  });
  await fresh.goto(deepLink);
  await fresh.getByRole('link', { name: 'orders' }).waitFor();
  assert.equal(await fresh.getByRole('searchbox', { name: 'Search topics' }).inputValue(), 'orders');
  assert.equal(await fresh.locator('tbody tr.ant-table-row').count(), 1);
  assert.match((await fresh.locator('tbody tr.ant-table-row td').nth(4).textContent()) ?? '', /^1,200$/);
  await fresh.close();
});

test('topic detail: partitions equal the API, configs with sources, consumer groups', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/orders`);
  await page.getByRole('tab', { name: 'Partitions' }).waitFor();
  const detail = await apiGet('/topics/orders');
  assert.equal(await page.locator('tbody tr.ant-table-row').count(), detail.partitions.length);
  await screenshot(page, 'topic');
  await page.getByRole('tab', { name: 'Configs' }).click();
  await page.getByText('retention.ms').first().waitFor();
  await page.getByRole('tab', { name: /Consumer groups/ }).click();
  await page.getByRole('link', { name: 'reporting' }).waitFor();
});

test('groups: lag equals the API; the detail shows per-partition lag and members', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/groups`);
  await page.getByRole('link', { name: 'reporting' }).waitFor();
  const { groups } = await apiGet('/groups');
  const reporting = groups.find((g: { groupId: string }) => g.groupId === 'reporting');
  assert.equal(reporting.totalLag, 1200 - 300);
  await page
    .getByRole('row', { name: /reporting/ })
    .getByText('900')
    .waitFor();
  await screenshot(page, 'groups');
  await page.getByRole('link', { name: 'reporting' }).click();
  assert.equal(await page.getByTestId('group-total-lag').textContent(), '900');
  assert.equal(await page.locator('tbody tr.ant-table-row').count(), 6);
  await page.getByText('No active members: the group is not consuming.').waitFor();
  await screenshot(page, 'group');
});

test('brokers, broker configs, security', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/brokers`);
  await page.getByText('controller', { exact: true }).waitFor();

  await screenshot(page, 'brokers');
  await page.getByRole('link', { name: '1', exact: true }).click();
  await page.getByPlaceholder('Filter configs').fill('log.retention');
  await page.getByText('log.retention.hours', { exact: true }).waitFor();
  await screenshot(page, 'broker-configs');

  await page.goto(`${weir.url}/clusters/${clusterId}/security`);
  await page.getByText('This cluster runs without an authorizer, so it has no ACLs.').waitFor();
  await page.getByRole('cell', { name: 'alice' }).waitFor();
});

test('the clusters list shows health, version and size', async () => {
  await page.goto(`${weir.url}/clusters`);
  await page.getByRole('link', { name: 'local-sasl' }).waitFor();
  await page.getByText('Kafka 3.9').waitFor();
  await page.getByText(/1 brokers · 10,000 topics/).waitFor();
  await screenshot(page, 'clusters');
});

test('editing keeps the stored password when left blank; removing needs the typed name', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/overview`);
  await page.getByRole('link', { name: 'Edit settings' }).click();
  await page.getByRole('heading', { name: 'Edit local-sasl' }).waitFor();
  await page.getByText('Leave empty to keep the stored secret.').waitFor();
  await page.getByLabel('Tags').fill('edited');
  await page.getByLabel('Tags').press('Enter');
  await page.getByRole('button', { name: 'Test and save' }).click();
  await page.waitForURL(/\/overview$/);
  const { cluster } = await page.evaluate(
    async (url) => (await fetch(url)).json(),
    `/api/v1/clusters/${clusterId}`,
  );
  assert.deepEqual(cluster.tags, ['edited']);
  assert.equal(cluster.sasl.hasPassword, true);

  await page.getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('dialog').getByRole('button', { name: 'Remove' });
  assert.equal(await confirm.isDisabled(), true);
  await page.getByLabel('Cluster name to confirm').fill('local-sasl');
  await confirm.click();
  await page.waitForURL(/\/clusters$/);
  await page.getByText('No clusters yet').waitFor();
});

test('no page of the walk broke a rule of the Content-Security-Policy', () => {
  assert.deepEqual(cspViolations, []);
});
