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

const TOPIC_COUNT = 10_000;
const SASL = { mechanism: 'SCRAM-SHA-256', username: 'alice', password: 'alice-secret' } as const;
// One SASL and TLS Kafka with 10,000 topics and one Weir for the file (starting them is what takes time).
// The read-only tests share the cluster registered in `before`; the tests that add, edit or remove
// a cluster make their own registration of the same Kafka.
let kafka: KafkaCluster;
let weir: RunningWeir;
let browser: Browser;
let pages: Awaited<ReturnType<typeof loggedInPages>>;
let clusterId: string;
let consumer: Awaited<ReturnType<typeof startConsumer>>;

/** The same data the page shows, straight from the API, to compare numbers. */
const apiGet = async (page: Page, path: string) =>
  (await apiCall(page, 'GET', `/clusters/${clusterId}${path}`)).body;

const register = async (page: Page, name: string): Promise<string> => {
  const added = await apiCall(page, 'POST', '/clusters', {
    name,
    bootstrapServers: [kafka.bootstrapServers.sasl!],
    securityProtocol: 'SASL_PLAINTEXT',
    sasl: SASL,
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  return added.body.cluster.id;
};

before(async () => {
  [kafka, weir] = await Promise.all([
    startKafkaCluster({ version: '3.9', sasl: true, tls: true, heapMb: 1024 }),
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
  pages = await loggedInPages(browser, weir);
  const page = await pages.page();
  clusterId = await register(page, 'local-sasl');
  // The first read builds the snapshot of 10,000 topics; done here, no test's wait pays for it.
  const overview = await apiCall(page, 'GET', `/clusters/${clusterId}/overview`);
  assert.equal(overview.status, 200, JSON.stringify(overview.body));
  await page.context().close();
});

after(async () => {
  await pages?.close();
  await browser?.close();
  await consumer?.stop();
  await weir?.stop();
  await kafka?.stop();
});

test('the add-cluster form tests each step: a wrong password is shown, the right one saves', async () => {
  const page = await pages.page();
  await page.getByRole('button', { name: 'Add cluster', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('added-by-form');
  await page.getByLabel('Bootstrap servers').fill(kafka.bootstrapServers.sasl!);
  await page.getByLabel('Security protocol').click();
  await page.getByTitle('SASL_PLAINTEXT', { exact: true }).click();
  await page.getByLabel('SASL mechanism').click();
  await page.getByTitle('SCRAM-SHA-256', { exact: true }).click();
  await page.getByLabel('Username', { exact: true }).fill('alice');
  await page.getByLabel('Password or token').fill('wrong-password');
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  const report = page.getByTestId('connection-report');
  await report.getByText(/Authentication failed for user alice with SCRAM-SHA-256/).waitFor();
  await page.getByText('The connection test failed.').waitFor();
  await screenshot(page, 'add-cluster-wrong-password');

  await page.getByLabel('Password or token').fill('alice-secret');
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await page.getByText('The cluster answered every step.').waitFor();
  await report.getByText(/kraft|KRaft/).waitFor();
  await page.getByRole('button', { name: 'Test and save', exact: true }).click();
  await page.waitForURL(/\/clusters\/[0-9a-f-]+\/overview$/);
  const added = page.url().split('/')[4]!;
  const { cluster } = (await apiCall(page, 'GET', `/clusters/${added}`)).body;
  assert.deepEqual(
    [cluster.name, cluster.securityProtocol, cluster.sasl.hasPassword],
    ['added-by-form', 'SASL_PLAINTEXT', true],
  );
  // The clusters list is left as the other tests expect it.
  const removed = await apiCall(page, 'DELETE', `/clusters/${added}`, { confirmName: 'added-by-form' });
  assert.equal(removed.status, 204, JSON.stringify(removed.body));
});

test('the add-cluster form takes every setting: TLS, ZooKeeper, description, tags, metrics and Connect', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/new`);
  await page.getByLabel('Name', { exact: true }).fill('every-field');
  const bootstrap = page.getByLabel('Bootstrap servers');

  // A bad address is explained once, not once in the detail and again in the list of problems.
  await bootstrap.fill('broker-1');
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'has no port' }).waitFor();
  const said = await page.getByRole('alert').filter({ hasText: 'has no port' }).textContent();
  assert.equal(said?.match(/has no port/g)?.length, 1, said ?? '');

  // Nothing listens on port 9: the socket error is advice, and the next test's result replaces it.
  await bootstrap.fill('127.0.0.1:9');
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  const report = page.getByTestId('connection-report');
  await report
    .getByText(/nothing listens on 127\.0\.0\.1:9; check the port and the broker's listeners/)
    .waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'has no port' }).count(), 0);

  await bootstrap.fill(kafka.bootstrapServers.ssl!);
  await page.getByLabel('Security protocol').click();
  await page.getByTitle('SSL', { exact: true }).click();
  await page.getByLabel('CA certificate (PEM)', { exact: true }).fill(kafka.tlsCa!);
  await page.getByLabel('Description').fill('Payments, EU region');
  await page.getByLabel('Tags', { exact: true }).fill('prod');
  await page.keyboard.press('Enter');
  // Its icon is named too ("plus Add an endpoint"), so the name is matched at its end.
  await page.getByRole('button', { name: /Add an endpoint$/ }).click();
  await page.getByLabel('Endpoint URL').fill('http://127.0.0.1:7071/metrics');
  await page.getByLabel('Broker id').fill('1');
  await page.getByLabel('Kafka Connect URLs (optional)').fill('http://127.0.0.1:8083');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Schema registry (optional)' }).click();
  await page.getByLabel('Schema registry URL').fill('http://127.0.0.1:8081');
  await page.getByLabel('Registry username').fill('weir');
  await page.getByLabel('Registry password').fill('registry-secret');
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await page.getByText('The cluster answered every step.').waitFor();
  assert.equal(await report.getByText(/nothing listens/).count(), 0, 'the old result is still shown');
  await screenshot(page, 'add-cluster-tls');
  await page.getByRole('button', { name: 'Test and save', exact: true }).click();
  await page.waitForURL(/\/clusters\/[0-9a-f-]+\/overview$/);
  const added = page.url().split('/')[4]!;
  const { cluster } = (await apiCall(page, 'GET', `/clusters/${added}`)).body;
  assert.deepEqual(
    {
      protocol: cluster.securityProtocol,
      tls: cluster.tls,
      description: cluster.description,
      tags: cluster.tags,
      metrics: cluster.metricsEndpoints,
      connect: cluster.connectUrls,
      registry: cluster.schemaRegistry,
    },
    {
      protocol: 'SSL',
      tls: { ca: kafka.tlsCa!.trim(), hasKey: false, verifyHostname: true },
      description: 'Payments, EU region',
      tags: ['prod'],
      metrics: [{ type: 'prometheus', url: 'http://127.0.0.1:7071/metrics', brokerId: 1 }],
      connect: ['http://127.0.0.1:8083'],
      // The password is sealed and never sent back: only that it is set.
      registry: { url: 'http://127.0.0.1:8081', username: 'weir', hasPassword: true, hasToken: false },
    },
  );
  // Saving the form again keeps the registry and its stored password.
  await page.goto(`${weir.url}/clusters/${added}/edit`);
  await page.getByLabel('Description').fill('Payments, EU region, edited');
  await page.getByRole('button', { name: 'Test and save', exact: true }).click();
  await page.waitForURL(/\/overview$/);
  assert.deepEqual((await apiCall(page, 'GET', `/clusters/${added}`)).body.cluster.schemaRegistry, {
    url: 'http://127.0.0.1:8081',
    username: 'weir',
    hasPassword: true,
    hasToken: false,
  });
  const removed = await apiCall(page, 'DELETE', `/clusters/${added}`, { confirmName: 'every-field' });
  assert.equal(removed.status, 204, JSON.stringify(removed.body));
});

test('overview numbers equal the API', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/overview`);
  const { overview } = await apiGet(page, '/overview');
  // A statistic reads "<title><value>"; the value is the number it ends with.
  const shown = async (id: string) =>
    (/([\d,]+|–)$/.exec((await page.getByTestId(id).textContent()) ?? '')?.[1] ?? '').replaceAll(',', '');
  await eventually(() => shown('stat-topics'), String(overview.topics - overview.internalTopics), 'topics');
  await eventually(() => shown('stat-partitions'), String(overview.partitions), 'partitions');
  await eventually(() => shown('stat-brokers'), '1', 'brokers');
  await eventually(() => shown('stat-offline'), '0', 'offline partitions');
  await page.getByText(/KRaft quorum — leader 1/).waitFor();
  await screenshot(page, 'overview');
});

test(`topics: ${TOPIC_COUNT.toLocaleString('en')} topics, first page rendered, search and sort through a deep link`, async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/overview`);
  const started = Date.now();
  await page.getByRole('link', { name: 'Topics', exact: true }).click();
  await page.getByRole('link', { name: 'bulk-00000', exact: true }).waitFor();
  const firstPageMs = Date.now() - started;
  console.log(`# topic list with ${TOPIC_COUNT} topics: first page rendered in ${firstPageMs} ms`);
  await page.getByText(`${TOPIC_COUNT.toLocaleString('en')} topics`).waitFor();
  await screenshot(page, 'topics');

  const fresh = await pages.page();
  await fresh.goto(`${weir.url}/clusters/${clusterId}/topics?search=orders&sort=messages&order=desc`);
  await fresh.getByRole('link', { name: 'orders', exact: true }).waitFor();
  assert.equal(await fresh.getByRole('searchbox', { name: 'Search topics' }).inputValue(), 'orders');
  const rows = fresh.getByRole('table').locator('tbody').getByRole('row');
  await eventually(() => rows.count(), 1, 'rows for the search "orders"');
  await rows.first().getByRole('cell', { name: '≈ 1,200', exact: true }).waitFor();
});

test('topic detail: partitions equal the API, configs with sources, consumer groups', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/orders`);
  await page.getByRole('tab', { name: 'Partitions' }).waitFor();
  const detail = await apiGet(page, '/topics/orders');
  const rows = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Leader', exact: true }) })
    .locator('tbody')
    .getByRole('row');
  await eventually(() => rows.count(), detail.partitions.length, 'partition rows');
  await screenshot(page, 'topic');
  await page.getByRole('tab', { name: 'Configs' }).click();
  await page.getByText('retention.ms', { exact: true }).first().waitFor();
  await page.getByRole('tab', { name: /Consumer groups/ }).click();
  await page.getByRole('link', { name: 'reporting', exact: true }).waitFor();
});

test('groups: lag equals the API; the detail shows per-partition lag and members', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/groups`);
  await page.getByRole('link', { name: 'reporting', exact: true }).waitFor();
  const { groups } = await apiGet(page, '/groups');
  const reporting = groups.find((g: { groupId: string }) => g.groupId === 'reporting');
  assert.deepEqual([reporting.totalLag.value, reporting.totalLag.complete], [1200 - 300, true]);
  await page
    .getByRole('row', { name: /reporting/ })
    .getByText('900', { exact: true })
    .waitFor();
  await screenshot(page, 'groups');
  await page.getByRole('link', { name: 'reporting', exact: true }).click();
  await eventually(() => page.getByTestId('group-total-lag').textContent(), '900', 'total lag');
  await eventually(
    () => page.getByRole('row', { name: /^orders \d+ / }).count(),
    6,
    'rows of orders partitions in the lag table',
  );
  await page.getByText('No active members: the group is not consuming.').waitFor();
  await screenshot(page, 'group');
});

test('brokers, broker configs, security', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/brokers`);
  await page.getByText('controller', { exact: true }).waitFor();
  await screenshot(page, 'brokers');
  await page.getByRole('link', { name: '1', exact: true }).click();
  await page.getByPlaceholder('Filter configs').fill('log.retention');
  await page.getByText('log.retention.hours', { exact: true }).waitFor();
  await screenshot(page, 'broker-configs');

  await page.goto(`${weir.url}/clusters/${clusterId}/security`);
  await page.getByText('This cluster runs without an authorizer, so it has no ACLs.').waitFor();
  await page.getByRole('cell', { name: 'alice', exact: true }).waitFor();
});

test('the clusters list shows health, version and size', async () => {
  const page = await pages.page();
  const row = page.getByRole('row', { name: /local-sasl/ });
  await row.getByRole('link', { name: 'local-sasl', exact: true }).waitFor();
  await row.getByText('Kafka 3.9').waitFor();
  await row.getByText(/1 broker · 10,000 topics/).waitFor();
  await screenshot(page, 'clusters');
});

test('editing keeps the stored password when left blank; removing needs the typed name', async () => {
  const page = await pages.page();
  const edited = await register(page, 'edited-then-removed');
  await page.goto(`${weir.url}/clusters/${edited}/overview`);
  await page.getByRole('link', { name: 'Edit settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Edit edited-then-removed' }).waitFor();
  await page.getByText('Leave empty to keep the stored secret.').waitFor();
  await page.getByLabel('Tags').fill('edited');
  await page.getByLabel('Tags').press('Enter');
  await page.getByRole('button', { name: 'Test and save', exact: true }).click();
  await page.waitForURL(/\/overview$/);
  const { cluster } = (await apiCall(page, 'GET', `/clusters/${edited}`)).body;
  assert.deepEqual(cluster.tags, ['edited']);
  assert.equal(cluster.sasl.hasPassword, true);

  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  const confirm = page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true });
  assert.equal(await confirm.isDisabled(), true);
  await page.getByLabel('Cluster name to confirm').fill('edited-then-removed');
  await confirm.click();
  await page.waitForURL(/\/clusters$/);
  await page.getByRole('link', { name: 'local-sasl', exact: true }).waitFor();
  await page.getByRole('link', { name: 'edited-then-removed' }).waitFor({ state: 'detached' });
  assert.equal((await apiCall(page, 'GET', `/clusters/${edited}`)).status, 404);
});

test('no page of the walk broke a rule of the Content-Security-Policy', () => {
  assert.deepEqual(cspViolationsSeen(), []);
});
