import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  commitOffsets,
  createTopic,
  type KafkaCluster,
  runKafkaTool,
  startKafkaCluster,
} from '@weir/testkit';
import type { Browser, Page } from 'playwright-core';
import { apiCall, launchBrowser, type RunningWeir, startWeir } from './support.ts';

// Group ids that a browser would otherwise rewrite: "." and ".." are dot segments (dropped even as
// %2E), "a/b" and "%2F" meet React Router's slash decoding, "?#" would end the path.
const GROUPS = ['.', '..', 'a/b', '%2F', 'what?#'];
let kafka: KafkaCluster;
let weir: RunningWeir;
let browser: Browser;
let page: Page;
let clusterId: string;

before(async () => {
  [kafka, weir] = await Promise.all([startKafkaCluster({ version: '4.1' }), startWeir()]);
  await createTopic(kafka, 'dotted', { partitions: 1 });
  for (const groupId of GROUPS) await commitOffsets(kafka, groupId, 'dotted', [{ partition: 0, offset: 0 }]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await page.goto(`${weir.url}/login`);
  await page.getByLabel('Password').fill(weir.initialPassword!);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Clusters' }).waitFor();
  const added = await apiCall(page, 'POST', '/clusters', {
    name: 'names',
    bootstrapServers: [kafka.bootstrapServers.plaintext],
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterId = added.body.cluster.id;
});

after(async () => {
  await browser?.close();
  await weir?.stop();
  await kafka?.stop();
});

/** The group page shows this group: its name in the breadcrumb and its committed partition. */
async function assertGroupPage(groupId: string) {
  const crumb = page.locator('.ant-breadcrumb li').last();
  await crumb.getByText(groupId, { exact: true }).waitFor();
  await page.getByTestId('group-total-lag').waitFor();
  await page.getByRole('cell', { name: 'dotted', exact: true }).first().waitFor();
}

test('the groups list links "." and ".." (and other awkward ids) to their own pages', async () => {
  for (const groupId of GROUPS) {
    await page.goto(`${weir.url}/clusters/${clusterId}/groups`);
    await page.getByRole('link', { name: groupId, exact: true }).click();
    await assertGroupPage(groupId);
    assert.match(page.url(), new RegExp(`/clusters/${clusterId}/groups/[^/]+$`));
  }
});

test('a group page reloads on its own address, for "." and ".."', async () => {
  for (const groupId of ['.', '..']) {
    await page.goto(`${weir.url}/clusters/${clusterId}/groups`);
    await page.getByRole('link', { name: groupId, exact: true }).click();
    await assertGroupPage(groupId);
    const address = page.url();
    await page.reload();
    await assertGroupPage(groupId);
    assert.equal(page.url(), address);
  }
});

test("validating a topic name with '.' shows Kafka's collision warning; a reserved name is refused", async () => {
  await page.goto(`${weir.url}/clusters/${clusterId}/topics`);
  await page.getByRole('button', { name: 'Create topic' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Topic name').fill('__transaction_state');
  await dialog.getByRole('button', { name: 'Validate' }).click();
  await dialog
    .getByText(/"__transaction_state" is reserved: Kafka creates it itself/)
    .first()
    .waitFor();
  await dialog.getByLabel('Topic name').fill('audit.log');
  await dialog.getByRole('button', { name: 'Validate' }).click();
  await dialog.getByText('The controller would accept this topic.').waitFor();
  await dialog.getByText("Kafka's topic tool warns about this name:").waitFor();
  await dialog.getByText(/topics with a period \('\.'\) or underscore \('_'\) could collide/).waitFor();
});

test("deleting group '.''s offsets for a topic asks for the typed id, and Kafka drops them", async () => {
  const describe = () =>
    runKafkaTool('4.1', 'kafka-consumer-groups', [
      '--bootstrap-server',
      kafka.bootstrapServers.plaintext,
      '--describe',
      '--group',
      '.',
    ]).catch((error: Error) => error.message);
  assert.match(await describe(), /dotted/);
  await page.goto(`${weir.url}/clusters/${clusterId}/groups`);
  await page.getByRole('link', { name: '.', exact: true }).click();
  await assertGroupPage('.');
  await page.getByLabel("Delete a topic's offsets…").click();
  await page.getByTitle('dotted', { exact: true }).click();
  const dialog = page.getByRole('dialog');
  const ok = dialog.getByRole('button', { name: 'Delete these offsets' });
  assert.equal(await ok.isDisabled(), true);
  await dialog.getByLabel('Name to confirm').fill('.');
  await ok.click();
  await dialog.waitFor({ state: 'hidden' });
  assert.doesNotMatch(await describe(), /dotted/);
});
