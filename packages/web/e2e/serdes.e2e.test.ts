import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTopic, type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import type { Browser, Page } from 'playwright-core';
import {
  apiCall,
  chooseOption,
  cspViolationsSeen,
  eventually,
  launchBrowser,
  loggedInPages,
  type RunningWeir,
  screenshot,
  startWeir,
} from './support.ts';

// One Kafka with the topic "payments", and a Weir with that cluster: a Protobuf schema (with an
// import) is uploaded in the console, a serde rule names it, and records are read and written with it.
let kafka: KafkaCluster;
let weir: RunningWeir;
let browser: Browser;
let pages: Awaited<ReturnType<typeof loggedInPages>>;
let clusterId: string;
const scratch = mkdtempSync(join(tmpdir(), 'weir-e2e-serdes-'));
const moneyProto = join(scratch, 'money.proto');
const paymentProto = join(scratch, 'payment.proto');

before(async () => {
  writeFileSync(
    moneyProto,
    'syntax = "proto3";\npackage shop.common;\nmessage Money { string currency = 1; int64 units = 2; }\n',
  );
  writeFileSync(
    paymentProto,
    'syntax = "proto3";\npackage shop;\nimport "common/money.proto";\nenum Status { NEW = 0; PAID = 1; }\nmessage Payment { string id = 1; shop.common.Money amount = 2; Status status = 3; }\n',
  );
  [kafka, weir] = await Promise.all([startKafkaCluster({ version: '3.9' }), startWeir()]);
  await createTopic(kafka, 'payments', { partitions: 1 });
  // A Payment {id: "p1", status: PAID} as any Protobuf encoder writes it: field 1 (id) length-delimited
  // 0x0a, length 2, "p1"; field 3 (status) varint 0x18, 1. Written by kcat, not by Weir.
  const record = join(scratch, 'p1.bin');
  writeFileSync(record, Buffer.from([0x0a, 0x02, 0x70, 0x31, 0x18, 0x01]));
  execFileSync('kcat', ['-P', '-b', kafka.bootstrapServers.plaintext, '-t', 'payments', '-p', '0', record], {
    timeout: 60_000,
  });
  browser = await launchBrowser();
  pages = await loggedInPages(browser, weir);
  const page = await pages.page();
  const added = await apiCall(page, 'POST', '/clusters', {
    name: 'serdes',
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
  rmSync(scratch, { recursive: true, force: true });
});

async function openSchemas(): Promise<Page> {
  const page = await pages.page();
  await page.getByRole('link', { name: 'Schemas', exact: true }).click();
  await page.getByRole('heading', { name: 'Schemas', level: 1 }).waitFor();
  return page;
}

test('a .proto with its import is uploaded from the console; a missing import is refused with why', async () => {
  const page = await openSchemas();
  assert.equal(await page.title(), 'Schemas · Weir');
  await page.getByRole('button', { name: 'Upload a schema' }).click();
  const drawer = page.getByRole('dialog', { name: 'Upload a schema' });
  await drawer.getByLabel('Name', { exact: true }).fill('payments');
  await chooseOption(page, 'Format', 'Protobuf');
  await drawer.locator('input[type=file]').setInputFiles(paymentProto);
  await drawer.getByLabel('Path of file 1').waitFor();
  await drawer.getByRole('button', { name: 'Upload', exact: true }).click();
  await drawer
    .getByRole('alert')
    .filter({ hasText: 'imports "common/money.proto", which was not uploaded' })
    .waitFor();

  await drawer.locator('input[type=file]').setInputFiles(moneyProto);
  await drawer.getByLabel('Path of file 2').fill('common/money.proto');
  await drawer.getByRole('button', { name: 'Upload', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'payments' });
  await row.getByText('shop.Payment', { exact: true }).waitFor();
  await row.getByText('common/money.proto', { exact: true }).waitFor();
  await screenshot(page, 'schemas');
});

test('a serde rule names the schema; records written outside Weir are browsed decoded, with the serde', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/serdes`);
  await page.getByRole('button', { name: 'Add a rule' }).click();
  await page.getByLabel('Topic pattern of rule 1').fill('payments');
  await chooseOption(page, 'Value serde of rule 1', 'Protobuf');
  await chooseOption(page, 'Value schema of rule 1', 'payments');
  await chooseOption(page, 'Value message type of rule 1', 'shop.Payment');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await page.getByText('Saved. Records are read with these rules from now on.').waitFor();
  await eventually(
    async () => (await apiCall(page, 'GET', `/clusters/${clusterId}/serde-rules`)).body,
    {
      rules: [
        { topics: 'payments', value: { serde: 'protobuf', schema: 'payments', messageType: 'shop.Payment' } },
      ],
    },
    'the stored rules',
  );
  await screenshot(page, 'serde-rules');

  await page.goto(`${weir.url}/clusters/${clusterId}/topics/payments?tab=messages`);
  await page.getByRole('button', { name: 'Browse', exact: true }).click();
  const decoded = page.getByRole('row').filter({ hasText: '"id":"p1"' });
  await decoded
    .getByText(/"status":\s*"PAID"/)
    .first()
    .waitFor();
  await decoded.getByTestId('payload-serde').filter({ hasText: 'protobuf' }).waitFor();
});

test('produce encodes JSON through the topic’s serde, and the record reads back decoded', async () => {
  const page = await pages.page();
  await page.goto(`${weir.url}/clusters/${clusterId}/topics/payments?tab=messages`);
  await page.getByRole('button', { name: 'Produce' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('protobuf shop.Payment (JSON in)').waitFor();
  await drawer
    .getByLabel('Value', { exact: true })
    .fill('{"id": "p2", "amount": {"currency": "EUR", "units": "12"}}');
  await drawer.getByRole('button', { name: 'Send' }).click();
  await drawer.getByText(/Wrote 1 record/).waitFor();

  // A value the message type does not have is refused, naming the field; nothing is written.
  await drawer.getByLabel('Value', { exact: true }).fill('{"id": "p3", "amont": 1}');
  await drawer.getByRole('button', { name: 'Send' }).click();
  await drawer.getByRole('alert').filter({ hasText: 'amont: Payment has no such field' }).waitFor();

  const browsed = await apiCall(page, 'GET', `/clusters/${clusterId}/topics/payments/messages?from=oldest`);
  const values = browsed.body.messages.map((m: { value: { kind: string; text: string } }) => [
    m.value.kind,
    JSON.parse(m.value.text).id,
  ]);
  assert.deepEqual(values.sort(), [
    ['decoded', 'p1'],
    ['decoded', 'p2'],
  ]);
  assert.deepEqual(cspViolationsSeen(), []);
});
