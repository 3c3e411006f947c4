import type { Payload, RenderedMessage } from '@weir/api';

const COLUMNS = [
  'partition',
  'offset',
  'timestamp',
  'timestamp_type',
  'key',
  'key_encoding',
  'value',
  'value_encoding',
  'headers',
];

/**
 * RFC 4180 CSV, one row per message; binary payloads as base64 with their encoding in the next column.
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first, other than a plain
 * number) gets a leading `'` and the encoding `utf8-escaped`, so opening an export cannot run what a
 * producer wrote, and the original is still recoverable.
 */
export function toCsv(messages: RenderedMessage[]): string {
  const rows = messages.map((m) => [
    String(m.partition),
    String(m.offset),
    m.timestamp === null ? '' : new Date(m.timestamp).toISOString(),
    m.timestampType ?? '',
    ...cell(m.key),
    ...cell(m.value),
    JSON.stringify(Object.fromEntries(m.headers.map((h) => [h.name, cell(h.value)[0]]))),
  ]);
  return `${[COLUMNS, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

function cell(payload: Payload): [string, string] {
  if (payload.kind === 'null') return ['', 'null'];
  if (payload.kind === 'binary') return [payload.base64, 'base64'];
  return FORMULA_START.test(payload.text) && !PLAIN_NUMBER.test(payload.text)
    ? [`'${payload.text}`, 'utf8-escaped']
    : [payload.text, 'utf8'];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
