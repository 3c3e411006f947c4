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
import {
  apiCall,
  eventually,
  launchBrowser,
  loggedInPages,
  type RunningWeir,
  screenshot,
  startWeir,
} from './support.ts';

// One Kafka, one Weir and one registered cluster for the file: no test changes the registration, and
// each test makes and names its own topics and groups, so any test can run alone or in any order.
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
    name: 'ops',
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

/**
 * A topic made with Kafka's client (not through Weir), optionally with records, and then a refresh
 * of Weir's snapshot so its pages know the topic.
 */
async function seedTopic(page: Page, name: string, partitions: number, records = 0): Promise<void> {
  await createTopic(kafka, name, { partitions });
  if (records > 0) await produceRecords(kafka, name, records);
  await refreshSnapshot(page, name);
}

/** Refreshes Weir's snapshot until it lists `topic`: a broker learns of a new topic a moment after it is created. */
async function refreshSnapshot(page: Page, topic: string): Promise<void> {
  await eventually(
    async () =>
      (
        await apiCall(
          page,
          'GET',
          `/clusters/${clusterId}/topics?refresh=true&search=${encodeURIComponent(topic)}`,
        )
      ).body.items.some((t: { name: string }) => t.name === topic),
    true,
    `${topic} in Weir's topic list after a refresh`,
  );
}

test('create a topic: a bad name shows the reason, validate, then create', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/topics`);
  await page.getByRole('button', { name: 'Create topic', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a topic' });
  await dialog.getByLabel('Topic name').fill('bad name');
  await dialog.getByRole('button', { name: 'Validate', exact: true }).click();
  await dialog.getByText(/contains " "/).waitFor();
  await dialog.getByLabel('Topic name').fill('created-in-dialog');
  await dialog.getByLabel('Partitions').fill('3');
  await dialog.getByRole('button', { name: 'Validate', exact: true }).click();
  await dialog.getByText('The controller would accept this topic.').waitFor();
  await screenshot(page, 'create-topic');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForURL(/\/topics\/created-in-dialog$/);
  await page.getByRole('tab', { name: 'Partitions' }).waitFor();
  const detail = await apiCall(page, 'GET', `/clusters/${clusterId}/topics/created-in-dialog`);
  assert.equal(detail.status, 200, JSON.stringify(detail.body));
  assert.equal(detail.body.topic.partitions, 3);
});

test('the dialog buttons are named "Validate" and "Create" once nothing loads, even if no animation ever ends', async () => {
  // A busy machine can cancel a CSS transition without a transitionend; a button whose loading
  // icon waits for one keeps "loading" in its name. With every animation paused, nothing ends.
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/topics`);
  await page.getByRole('button', { name: 'Create topic', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a topic' });
  await dialog.getByLabel('Topic name').fill('never-created');
  await eventually(
    () =>
      page.evaluate(
        () =>
          document
            .getAnimations()
            .filter(
              (a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime),
            ).length,
      ),
    0,
    'the dialog is still opening',
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
  await dialog.getByRole('button', { name: 'Validate', exact: true }).click();
  await dialog.getByText('The controller would accept this topic.').waitFor();
  // Playwright computes the accessible name as a screen reader does: "loading Validate" fails here.
  for (const name of ['Validate', 'Create'])
    await dialog.getByRole('button', { name, exact: true }).waitFor();
  assert.equal(await dialog.getByRole('button', { name: /loading/i }).count(), 0);
});

test('edit a topic config: the diff is shown before it is applied', async () => {
  const page = await pages.page();
  await seedTopic(page, 'config-edited', 1);
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/config-edited?tab=configs`);
  await page.getByRole('button', { name: 'Edit retention.ms', exact: true }).click();
  await page.getByLabel('retention.ms', { exact: true }).fill('3600000');
  await page.getByRole('button', { name: 'Review 1 change' }).click();
  const diff = page.getByRole('dialog', { name: 'Config changes: before and after' });
  await diff.getByRole('row', { name: /retention\.ms 7 days 604800000 1 hour 3600000/ }).waitFor();
  await diff.getByRole('button', { name: 'Apply', exact: true }).click();
  await diff.waitFor({ state: 'hidden' });
  const configs = await apiCall(page, 'GET', `/clusters/${clusterId}/topics/config-edited?refresh=true`);
  const retention = configs.body.configs.find((c: { name: string }) => c.name === 'retention.ms');
  assert.equal(retention.value, '3600000');
});

test('cluster-wide broker defaults: edited with the same diff', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/brokers`);
  await page.getByRole('button', { name: 'Cluster-wide defaults' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByPlaceholder('Filter configs').fill('log.cleaner.threads');
  await drawer.getByRole('button', { name: 'Edit log.cleaner.threads', exact: true }).click();
  await drawer.getByLabel('log.cleaner.threads', { exact: true }).fill('2');
  await drawer.getByRole('button', { name: 'Review 1 change' }).click();
  const diff = page.getByRole('dialog', { name: 'Config changes: before and after' });
  await diff.getByRole('row', { name: /log\.cleaner\.threads 1 2/ }).waitFor();
  await diff.getByRole('button', { name: 'Apply', exact: true }).click();
  await diff.waitFor({ state: 'hidden' });
  const broker = await apiCall(page, 'GET', `/clusters/${clusterId}/brokers/1`);
  const threads = broker.body.configs.find((c: { name: string }) => c.name === 'log.cleaner.threads');
  assert.deepEqual([threads.value, threads.source], ['2', 'dynamic-default-broker']);
});

test('produce a message and find it by search, with progress', async () => {
  const page = await pages.page();
  await seedTopic(page, 'produced-orders', 3);
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/produced-orders?tab=messages`);
  await page.getByRole('button', { name: 'Produce', exact: true }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Produce to produced-orders' });
  // Both to partition 0, so each answer names its own offset: the second wait cannot pass on the first.
  await drawer.getByRole('spinbutton', { name: 'Partition', exact: true }).fill('0');
  for (const [offset, key, value] of [
    [0, 'order-42', '{"id":42,"status":"paid"}'],
    [1, 'order-43', '{"id":43,"status":"open"}'],
  ] as const) {
    await drawer.getByRole('textbox', { name: 'Key', exact: true }).fill(key);
    await drawer.getByRole('textbox', { name: 'Value', exact: true }).fill(value);
    await drawer.getByRole('button', { name: 'Send', exact: true }).click();
    await drawer.getByText(`Wrote 1 record (partition@offset: 0@${offset}).`).waitFor();
  }
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByLabel('Text to find').fill('"status":"paid"');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page
    .getByTestId('search-progress')
    .getByText(/Scanned 2, matched 1 .*finished/)
    .waitFor();
  await eventually(
    () => page.getByTestId('message-value').allTextContents(),
    ['{"id":42,"status":"paid"}'],
    'values found by the search',
  );
  await page.getByTestId('message-value').first().click();
  await page.getByTestId('message-detail').getByText('"status": "paid"').waitFor();
  await screenshot(page, 'messages-search');
});

test('reset a group: preview per partition, then apply; Kafka has the new offsets', async () => {
  const page = await pages.page();
  await createTopic(kafka, 'settled-payments', { partitions: 2 });
  await produceRecords(kafka, 'settled-payments', 40);
  await commitOffsets(kafka, 'settlement', 'settled-payments', [
    { partition: 0, offset: 15 },
    { partition: 1, offset: 15 },
  ]);
  await eventually(
    async () =>
      (
        await apiCall(page, 'GET', `/clusters/${clusterId}/groups?refresh=true&search=settlement`)
      ).body.groups.some((g: { groupId: string }) => g.groupId === 'settlement'),
    true,
    "settlement in Weir's group list after a refresh",
  );
  await page.goto(`${weir.url}/clusters/${clusterId}/groups/settlement`);
  await page.getByRole('button', { name: 'Reset offsets' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('row', { name: /settled-payments 0 15 0 / }).waitFor();
  await dialog.getByRole('row', { name: /settled-payments 1 15 0 / }).waitFor();
  await dialog.getByLabel('Name to confirm').fill('settlement');
  await screenshot(page, 'group-reset');
  await dialog.getByRole('button', { name: 'Apply the reset' }).click();
  await dialog.getByText('Offsets reset.').waitFor();
  const group = await apiCall(page, 'GET', `/clusters/${clusterId}/groups/settlement?refresh=true`);
  assert.deepEqual(
    group.body.partitions.map((p: { committedOffset: number }) => p.committedOffset),
    [0, 0],
  );
});

test('delete a topic: the button waits for the typed name', async () => {
  const page = await pages.page();
  await seedTopic(page, 'to-be-deleted', 1);
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/to-be-deleted`);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete topic' }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: 'Delete the topic' });
  assert.equal(await confirm.isDisabled(), true);
  await dialog.getByLabel('Name to confirm').fill('to-be-deleted');
  await confirm.click();
  await page.waitForURL(/\/topics$/);
  // Kafka deletes a topic asynchronously; Metadata stops listing it once the controller is done.
  await eventually(
    async () =>
      (
        await apiCall(page, 'GET', `/clusters/${clusterId}/topics?refresh=true&search=to-be-deleted`)
      ).body.items.map((t: { name: string }) => t.name),
    [],
    'topics named to-be-deleted in Weir after the delete',
  );
  const audit = await apiCall(page, 'GET', '/audit?action=topic.delete');
  assert.ok(
    audit.body.entries.some(
      (e: { clusterId: string; target: string; result: string }) =>
        e.clusterId === clusterId && e.target === 'to-be-deleted' && e.result === 'success',
    ),
    JSON.stringify(audit.body.entries),
  );
});

test('jobs page: plan a reassignment for a topic', async () => {
  const page = await pages.page();
  await seedTopic(page, 'spread-me', 2);
  await page.goto(`${weir.url}/clusters/${clusterId}/jobs`);
  await page.getByLabel('Topics to spread').click();
  await page.getByLabel('Topics to spread').fill('spread-me');
  await page.getByTitle('spread-me', { exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByText(/0 partitions move\./).waitFor();
  await screenshot(page, 'jobs');
});

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(
  page: Page,
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
  const page = await pages.page();
  await seedTopic(page, 'keyboard-reached', 1);
  await page.goto(`${weir.url}/clusters/${clusterId}/topics`);
  await page.getByRole('link', { name: 'keyboard-reached', exact: true }).waitFor();
  await tabTo(page, (e) => e.label === 'Search topics');
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await page.waitForURL(/search=keyboard/);
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'keyboard-reached');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  assert.notEqual(outline.split(' ')[0], 'none', `focused link has no outline (${outline})`);
  assert.notEqual(outline.split(' ')[1], '0px', `focused link has no outline (${outline})`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/topics\/keyboard-reached$/);
});

test('a ZooKeeper-mode cluster shows its ensemble on the overview', async () => {
  const page = await pages.page();
  const legacy = await startKafkaCluster({ version: '2.8' });
  try {
    const added = await apiCall(page, 'POST', '/clusters', {
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

test('audit log: filtered by cluster, action and result, a change names "cluster/topic" and shows before and after', async () => {
  const page = await pages.page();
  await seedTopic(page, 'audited', 1);
  const changed = await apiCall(page, 'PATCH', `/clusters/${clusterId}/topics/audited/configs`, {
    changes: [{ name: 'retention.ms', value: '7200000' }],
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));

  await page.goto(`${weir.url}/audit?cluster=${clusterId}&action=topic.configs.update`);
  const row = page.getByRole('row').filter({ hasText: 'ops/audited' });
  await row.waitFor();
  assert.equal(await row.getByText('Change topic configs', { exact: true }).count(), 1);
  assert.equal(await page.getByRole('row').filter({ hasText: 'Delete topic' }).count(), 0);
  await row.getByRole('button', { name: /expand/i }).click();
  const change = page.locator('.ant-table-expanded-row').first();
  await change.getByText('"retention.ms": "7200000"').waitFor();
  await screenshot(page, 'audit-log');

  await page.getByLabel('Result', { exact: true }).click();
  await page.getByTitle('Failure', { exact: true }).click();
  await page.getByText('Nothing recorded yet').waitFor();
  assert.match(page.url(), /result=failure/);
  await page.context().close();
});

test('several topics: a config previewed on each and applied where it passes, then deleted by typing their count', async () => {
  const page = await pages.page();
  for (const name of ['bulk-a', 'bulk-b', 'bulk-c']) await seedTopic(page, name, 1);
  await page.goto(`${weir.url}/clusters/${clusterId}/topics?search=bulk-`);
  for (const name of ['bulk-a', 'bulk-b', 'bulk-c'])
    await page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  const toolbar = page.getByRole('toolbar', { name: 'Selected topics' });
  await toolbar.getByText('3 topics selected', { exact: true }).waitFor();
  // Gone behind Weir's back after it was selected: its preview must say so, and the others go ahead.
  const gone = await apiCall(page, 'DELETE', `/clusters/${clusterId}/topics/bulk-c`, {
    confirmName: 'bulk-c',
  });
  assert.equal(gone.status, 204, JSON.stringify(gone.body));

  await toolbar.getByRole('button', { name: 'Change a config…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Change a config of 3 topics' });
  await dialog.getByLabel('Config name, e.g. retention.ms').fill('retention.ms');
  await dialog.getByLabel('New value').fill('5400000');
  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  await dialog.getByText('1 topic refuses this change and will be left as it is.').waitFor();
  const refused = dialog.getByRole('row').filter({ hasText: 'bulk-c' });
  assert.match((await refused.textContent()) ?? '', /Refused/);
  assert.match(
    (await dialog.getByRole('row').filter({ hasText: 'bulk-a' }).textContent()) ?? '',
    /604800000\s*→\s*5400000/,
  );
  await dialog.getByRole('button', { name: 'Apply to 2 topics', exact: true }).click();
  await dialog.getByRole('row').filter({ hasText: 'bulk-b' }).getByText('applied').waitFor();
  for (const name of ['bulk-a', 'bulk-b']) {
    const detail = await apiCall(page, 'GET', `/clusters/${clusterId}/topics/${name}?refresh=true`);
    const retention = detail.body.configs.find((c: { name: string }) => c.name === 'retention.ms');
    assert.equal(retention.value, '5400000', name);
  }
  // The footer's Close, not the corner's (also named Close).
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Close', exact: true }).click();

  // bulk-c, gone already, is still selected: its delete is refused, the others are deleted, and
  // only what was not deleted stays selected.
  await toolbar.getByRole('button', { name: 'Delete…', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 3 topics' });
  const ok = confirm.getByRole('button', { name: 'Delete 3 topics', exact: true });
  assert.equal(await ok.isDisabled(), true);
  await confirm.getByLabel('Name to confirm').fill('3');
  await ok.click();
  const outcomes = page.getByRole('dialog');
  await outcomes.getByRole('row').filter({ hasText: 'bulk-c' }).getByText('Refused').waitFor();
  for (const name of ['bulk-a', 'bulk-b'])
    await outcomes.getByRole('row').filter({ hasText: name }).getByText('Deleted', { exact: true }).waitFor();
  await outcomes.getByRole('button', { name: 'Cancel', exact: true }).click();
  await toolbar.getByText('1 topic selected', { exact: true }).waitFor();
  await eventually(
    async () =>
      (await apiCall(page, 'GET', `/clusters/${clusterId}/topics?refresh=true&search=bulk-`)).body.items
        .length,
    0,
    'bulk topics listed after the delete',
  );
  await page.context().close();
});
