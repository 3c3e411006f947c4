import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { createTopic, type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import type { Browser, Page } from 'playwright-core';
import {
  apiCall,
  chooseOption,
  eventually,
  launchBrowser,
  loggedInPages,
  type RunningWeir,
  screenshot,
  startWeir,
} from './support.ts';

// One Kafka, one Weir and one topic whose keyed records librdkafka placed with fnv1a (Sarama's
// partitioner), so Weir's default assumption, the Java client's murmur2, points elsewhere for some keys.
let kafka: KafkaCluster;
let weir: RunningWeir;
let browser: Browser;
let pages: Awaited<ReturnType<typeof loggedInPages>>;
let clusterId: string;
const TOPIC = 'sarama-keys';
const PARTITIONS = 4;
const KEYS = Array.from({ length: 40 }, (_, i) => `user-${i}`);
/** Where kcat (librdkafka) put each key: the oracle. */
let placed: Map<string, number>;

before(async () => {
  [kafka, weir] = await Promise.all([startKafkaCluster({ version: '3.9' }), startWeir()]);
  await createTopic(kafka, TOPIC, { partitions: PARTITIONS });
  const bootstrap = kafka.bootstrapServers.plaintext;
  execFileSync('kcat', ['-P', '-b', bootstrap, '-t', TOPIC, '-K:', '-X', 'partitioner=fnv1a'], {
    input: `${KEYS.map((key) => `${key}:value of ${key}`).join('\n')}\n`,
    timeout: 60_000,
  });
  const read = execFileSync('kcat', ['-C', '-b', bootstrap, '-t', TOPIC, '-e', '-q', '-f', '%p|%k\\n'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  placed = new Map(
    read
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [partition, key] = line.split('|');
        return [key as string, Number(partition)];
      }),
  );
  browser = await launchBrowser();
  pages = await loggedInPages(browser, weir);
  const page = await pages.page();
  const added = await apiCall(page, 'POST', '/clusters', {
    name: 'search',
    bootstrapServers: [bootstrap],
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterId = added.body.cluster.id;
  await eventually(
    async () =>
      (
        await apiCall(page, 'GET', `/clusters/${clusterId}/topics?refresh=true&search=${TOPIC}`)
      ).body.items.some((t: { name: string }) => t.name === TOPIC),
    true,
    `${TOPIC} in Weir's topic list`,
  );
  await page.context().close();
});

after(async () => {
  await pages?.close();
  await browser?.close();
  await weir?.stop();
  await kafka?.stop();
});

const recordsIn = (partition: number) => [...placed.values()].filter((p) => p === partition).length;

async function openMessages(): Promise<Page> {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/${TOPIC}?tab=messages`);
  await page.getByRole('button', { name: 'Search', exact: true }).waitFor();
  return page;
}

/** The progress line once the search has finished. */
async function finished(page: Page): Promise<string> {
  const line = page.getByTestId('search-progress').getByText(/· finished$/);
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

test('a key not where murmur2 puts it: the console says what it assumed and finds it in all partitions', async () => {
  const page = await openMessages();
  // A key whose record fnv1a put elsewhere than murmur2 would: the console must not say "not here" and stop.
  const key = 'user-7';
  await page.getByLabel('Find a key').fill(key);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const hashed = await finished(page);
  const assumed = /matched 0 .*· key in partition (\d) by murmur2 · finished$/.exec(hashed);
  assert.ok(assumed, hashed);
  const murmurPartition = Number(assumed[1]);
  assert.notEqual(murmurPartition, placed.get(key), 'the example key lies outside its murmur2 partition');
  const total = recordsIn(murmurPartition);
  await page
    .getByTestId('search-covered')
    .getByText(`Scanned from the oldest: ${total} of ${total} records`, { exact: true })
    .waitFor();
  await page
    .getByText(`No record with this key in partition ${murmurPartition}, where murmur2 puts it.`, {
      exact: false,
    })
    .waitFor();
  await screenshot(page, 'messages-key-not-in-hashed-partition');

  await page.getByRole('button', { name: 'Search all partitions', exact: true }).click();
  await page
    .getByTestId('search-progress')
    .getByText(
      new RegExp(
        `matched 1 .*· key looked up in all partitions \\(murmur2 gives partition ${murmurPartition}\\) · finished$`,
      ),
    )
    .waitFor();
  await page
    .getByTestId('search-covered')
    .getByText(`Scanned from the oldest: ${KEYS.length} of ${KEYS.length} records`, { exact: true })
    .waitFor();
  await eventually(
    () => page.getByTestId('message-value').allTextContents(),
    [`value of ${key}`],
    'the record found in all partitions',
  );
  assert.equal(await page.getByRole('button', { name: 'Search all partitions' }).count(), 0);
});

test('with the producer’s partitioner chosen, the key is found in the one partition it names', async () => {
  const page = await openMessages();
  const key = 'user-7';
  await page.getByLabel('Find a key').fill(key);
  await chooseOption(page, 'Partitioner', 'fnv1a (Sarama)');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const line = await finished(page);
  assert.match(line, new RegExp(`matched 1 .*· key in partition ${placed.get(key)} by fnv1a · finished$`));
  const total = recordsIn(placed.get(key) as number);
  await page
    .getByTestId('search-covered')
    .getByText(`Scanned from the oldest: ${total} of ${total} records`, { exact: true })
    .waitFor();
  await eventually(
    () => page.getByTestId('message-value').allTextContents(),
    [`value of ${key}`],
    'the record found in its fnv1a partition',
  );
});

test('the search’s own range: the newest N per partition, and the end says what it covered', async () => {
  const page = await openMessages();
  const range = page.getByTestId('search-range');
  await chooseOption(page, 'Search from', 'Newest');
  await range.getByLabel('Newest per partition').fill('2');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await finished(page);
  const scanned = Array.from({ length: PARTITIONS }, (_, p) => Math.min(2, recordsIn(p))).reduce(
    (a, b) => a + b,
  );
  await page
    .getByTestId('search-covered')
    .getByText(`Scanned the newest 2 per partition: ${scanned} of ${KEYS.length} records`, { exact: true })
    .waitFor();
  await screenshot(page, 'messages-search-range');
});

test('browsed records say they were read live, apart from the snapshot figures above the tabs', async () => {
  const page = await openMessages();
  const note = page.getByTestId('live-read-at');
  await note.waitFor();
  assert.match(
    (await note.textContent()) ?? '',
    /^Read live from the partition leaders at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC([+-]\d\d:\d\d)?;/,
  );
  await page.context().close();
});
