import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Payload, RenderedMessage } from '@weir/api';
import { toCsv } from './message-export.ts';

const text = (value: string): Payload => ({
  kind: 'text',
  text: value,
  size: value.length,
  truncated: false,
  serde: 'raw',
});
const message = (key: Payload, value: Payload): RenderedMessage => ({
  partition: 0,
  offset: 7,
  timestamp: Date.UTC(2026, 0, 1),
  timestampType: 'CreateTime',
  transactional: false,
  transactionState: null,
  producerId: null,
  producerEpoch: null,
  key,
  value,
  headers: [{ name: 'h', value: text('=1+1') }],
  size: 10,
});
const rows = (csv: string) => csv.trim().split('\r\n').slice(1);

test('text a spreadsheet would run as a formula is escaped and marked, plain numbers are not', () => {
  const csv = toCsv([
    message(text('=HYPERLINK("http://x")'), text('-5')),
    message(text('@SUM(A1)'), text('+1.5e3')),
  ]);
  assert.deepEqual(rows(csv), [
    `0,7,2026-01-01T00:00:00.000Z,CreateTime,"'=HYPERLINK(""http://x"")",utf8-escaped,-5,utf8,"{""h"":""'=1+1""}"`,
    `0,7,2026-01-01T00:00:00.000Z,CreateTime,'@SUM(A1),utf8-escaped,+1.5e3,utf8,"{""h"":""'=1+1""}"`,
  ]);
});

test('null and binary payloads keep their encodings; commas and quotes are quoted', () => {
  const csv = toCsv([
    message(
      { kind: 'null', size: 0 },
      { kind: 'binary', base64: 'AAE=', size: 2, truncated: false, serde: 'raw' },
    ),
    message(text('a,b'), text('say "hi"')),
  ]);
  assert.deepEqual(rows(csv), [
    `0,7,2026-01-01T00:00:00.000Z,CreateTime,,null,AAE=,base64,"{""h"":""'=1+1""}"`,
    `0,7,2026-01-01T00:00:00.000Z,CreateTime,"a,b",utf8,"say ""hi""",utf8,"{""h"":""'=1+1""}"`,
  ]);
});
