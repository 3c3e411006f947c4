import type { Payload, RenderedMessage } from './messages.types.ts';

const COLUMNS = [
  'partition',
  'offset',
  'timestamp',
  'key',
  'key_encoding',
  'value',
  'value_encoding',
  'headers',
];

/** RFC 4180 CSV, one row per message; binary payloads as base64 with their encoding in the next column. */
export function toCsv(messages: RenderedMessage[]): string {
  const rows = messages.map((m) => [
    String(m.partition),
    String(m.offset),
    new Date(m.timestamp).toISOString(),
    ...cell(m.key),
    ...cell(m.value),
    JSON.stringify(Object.fromEntries(m.headers.map((h) => [h.name, cell(h.value)[0]]))),
  ]);
  return `${[COLUMNS, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

function cell(payload: Payload): [string, string] {
  if (payload.kind === 'null') return ['', 'null'];
  if (payload.kind === 'binary') return [payload.base64, 'base64'];
  return [payload.text, 'utf8'];
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
