import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  commitOffsets,
  createTopic,
  type KafkaCluster,
  produceRecords,
  startKafkaCluster,
} from '@weir/testkit';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, type RunningWeir, screenshot, startWeir } from './support.ts';

let kafka: KafkaCluster;
let weir: RunningWeir;
let browser: Browser;
let page: Page;
let clusterId: string;

const api = (method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ([method, url, body]) => {
      const response = await fetch(url as string, {
        method: method as string,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    [method, `/api/v1${path}`, body] as const,
  );

before(async () => {
  [kafka, weir] = await Promise.all([startKafkaCluster({ version: '3.9' }), startWeir()]);
  await createTopic(kafka, 'payments', { partitions: 2 });
  await produceRecords(kafka, 'payments', 40);
  await commitOffsets(kafka, 'settlement', 'payments', [
    { partition: 0, offset: 15 },
    { partition: 1, offset: 15 },
  ]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await page.goto(`${weir.url}/login`);
  await page.getByLabel('Password').fill(weir.initialPassword!);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Clusters' }).waitFor();
  const added = await api('POST', '/clusters', {
    name: 'ops',
    bootstrapServers: [kafka.bootstrapServers.plaintext],
  });
  assert.equal(added.status, 201);
  clusterId = added.body.cluster.id;
});

after(async () => {
  await browser?.close();
  await weir?.stop();
  await kafka?.stop();
});

test('create a topic: a bad name shows the reason, validate, then create', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/topics`);
  await page.getByRole('button', { name: 'Create topic' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Topic name').fill('bad name');
  await dialog.getByRole('button', { name: 'Validate' }).click();
  await dialog.getByText(/contains " "/).waitFor();
  await dialog.getByLabel('Topic name').fill('e2e-orders');
  await dialog.getByLabel('Partitions').fill('3');
  await dialog.getByRole('button', { name: 'Validate' }).click();
  await dialog.getByText('The controller would accept this topic.').waitFor();
  await screenshot(page, 'create-topic');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForURL(/\/topics\/e2e-orders$/);
  const detail = await api('GET', `/clusters/${clusterId}/topics/e2e-orders?refresh=true`);
  assert.equal(detail.body.topic.partitions, 3);
});

test('edit a topic config: the diff is shown before it is applied', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/e2e-orders?tab=configs`);
  await page.getByLabel('retention.ms', { exact: true }).fill('3600000');
  await page.getByRole('button', { name: /Review 1 change/ }).click();
  const diff = page.getByRole('dialog');
  await diff.getByRole('row', { name: /retention\.ms 604800000 3600000/ }).waitFor();
  await diff.getByRole('button', { name: 'Apply' }).click();
  await diff.waitFor({ state: 'hidden' });
  const configs = await api('GET', `/clusters/${clusterId}/topics/e2e-orders?refresh=true`);
  const retention = configs.body.configs.find((c: { name: string }) => c.name === 'retention.ms');
  assert.equal(retention.value, '3600000');
});

test('cluster-wide broker defaults: edited with the same diff', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/brokers`);
  await page.getByRole('button', { name: 'Cluster-wide defaults' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByPlaceholder('Filter configs').fill('log.cleaner.threads');
  await drawer.getByLabel('log.cleaner.threads', { exact: true }).fill('2');
  await drawer.getByRole('button', { name: /Review 1 change/ }).click();
  const diff = page.getByRole('dialog').filter({ hasText: 'Config changes: before and after' });
  await diff.getByRole('row', { name: /log\.cleaner\.threads 1 2/ }).waitFor();
  await diff.getByRole('button', { name: 'Apply' }).click();
  await diff.waitFor({ state: 'hidden' });
  const broker = await api('GET', `/clusters/${clusterId}/brokers/1`);
  const threads = broker.body.configs.find((c: { name: string }) => c.name === 'log.cleaner.threads');
  assert.deepEqual([threads.value, threads.source], ['2', 'dynamic-default-broker']);
});

test('produce a message and find it by search, with progress', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/e2e-orders?tab=messages`);
  await page.getByRole('button', { name: 'Produce' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('textbox', { name: 'Key', exact: true }).fill('order-42');
  await drawer.getByRole('textbox', { name: 'Value', exact: true }).fill('{"id":42,"status":"paid"}');
  await drawer.getByRole('button', { name: 'Send' }).click();
  await drawer.getByText(/Wrote 1 record/).waitFor();
  await drawer.getByRole('textbox', { name: 'Value', exact: true }).fill('{"id":43,"status":"open"}');
  await drawer.getByRole('textbox', { name: 'Key', exact: true }).fill('order-43');
  await drawer.getByRole('button', { name: 'Send' }).click();
  await drawer.getByText(/Wrote 1 record/).waitFor();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByLabel('Text to find').fill('"status":"paid"');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page
    .getByTestId('search-progress')
    .getByText(/Scanned 2, matched 1 .*finished/)
    .waitFor();
  const values = await page.getByTestId('message-value').allTextContents();
  assert.deepEqual(values, ['{"id":42,"status":"paid"}']);
  await page.getByTestId('message-value').first().click();
  await page.getByTestId('message-detail').getByText('"status": "paid"').waitFor();
  await screenshot(page, 'messages-search');
});

test('reset a group: preview per partition, then apply; Kafka has the new offsets', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/groups/settlement`);
  await page.getByRole('button', { name: 'Reset offsets' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('row', { name: /payments 0 15 0 / }).waitFor();
  await dialog.getByLabel('Name to confirm').fill('settlement');
  await screenshot(page, 'group-reset');
  await dialog.getByRole('button', { name: 'Apply the reset' }).click();
  await dialog.getByText('Offsets reset.').waitFor();
  const group = await api('GET', `/clusters/${clusterId}/groups/settlement?refresh=true`);
  assert.deepEqual(
    group.body.partitions.map((p: { committedOffset: number }) => p.committedOffset),
    [0, 0],
  );
});

test('delete the topic: the button waits for the typed name', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/e2e-orders`);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete topic' }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: 'Delete the topic' });
  assert.equal(await confirm.isDisabled(), true);
  await dialog.getByLabel('Name to confirm').fill('e2e-orders');
  await confirm.click();
  await page.waitForURL(/\/topics$/);
  const gone = await api('GET', `/clusters/${clusterId}/topics/e2e-orders?refresh=true`);
  assert.equal(gone.status, 404);
  const audit = await api('GET', '/audit?action=topic.delete');
  assert.equal(audit.body.entries[0].target, `${clusterId}/e2e-orders`);
});

test('jobs page: plan a reassignment for a topic', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/jobs`);
  await page.getByLabel('Topics to spread').click();
  await page.getByTitle('payments').click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Plan' }).click();
  await page.getByText(/0 partition\(s\) move\./).waitFor();
  await screenshot(page, 'jobs');
});

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(
  matches: (element: { tag: string; text: string; label: string | null }) => boolean,
  limit = 40,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return {
        tag: element?.tagName ?? '',
        text: element?.textContent?.trim() ?? '',
        label: element?.getAttribute('aria-label') ?? null,
      };
    });
    if (matches(focused)) return;
  }
  assert.fail('the element was not reached with Tab');
}

test('keyboard only: search the topic list, open a topic, with a visible focus ring', async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/topics`);
  await page.getByRole('link', { name: 'payments' }).waitFor();
  await tabTo((e) => e.label === 'Search topics');
  await page.keyboard.type('pay');
  await page.keyboard.press('Enter');
  await page.waitForURL(/search=pay/);
  await tabTo((e) => e.tag === 'A' && e.text === 'payments');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  assert.notEqual(outline.split(' ')[0], 'none', `focused link has no outline (${outline})`);
  assert.notEqual(outline.split(' ')[1], '0px', `focused link has no outline (${outline})`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/topics\/payments$/);
});

test('a ZooKeeper-mode cluster shows its ensemble on the overview', async () => {
  const legacy = await startKafkaCluster({ version: '2.8' });
  try {
    const added = await api('POST', '/clusters', {
      name: 'legacy',
      bootstrapServers: [legacy.bootstrapServers.plaintext],
      zookeeperConnect: legacy.zookeeper?.connect,
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    await page.goto(`${weir.url}/clusters/${added.body.cluster.id}/overview`);
    const panel = page.getByTestId('zookeeper-panel');
    await panel
      .getByRole('row', { name: new RegExp(`${legacy.zookeeper?.connect} standalone 3\\.5\\.`) })
      .waitFor();
    await screenshot(page, 'zookeeper');
  } finally {
    await legacy.stop();
  }
});
