import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FetchedRecord } from '@weir/kafka';
import { InputError } from '../errors.ts';
import { MessageMatcher, parseJsonPath, RegexTimeoutError, runawayRisk } from './message-filter.ts';
import { encodePayload, renderPayload } from './payload.ts';

const record = (
  key: string | null,
  value: string | null,
  headers: [string, string][] = [],
): FetchedRecord => ({
  partition: 0,
  offset: 0,
  timestamp: 0,
  key: key === null ? null : Buffer.from(key),
  value: value === null ? null : Buffer.from(value),
  headers: headers.map(([k, v]) => [Buffer.from(k), Buffer.from(v)]),
  size: 10,
});

const records = [
  record('order-1', '{"order":{"id":"A1","items":[{"sku":"x"}],"total":12}}', [['source', 'web']]),
  record('order-2', '{"order":{"id":"B2","items":[{"sku":"y"}],"total":7}}', [['source', 'app']]),
  record(null, 'plain text Hello'),
];
const keys = (selected: FetchedRecord[]) => selected.map((r) => r.key?.toString() ?? null);

test('contains, equals and case-insensitive contains select by bytes', () => {
  const select = (filters: ConstructorParameters<typeof MessageMatcher>[0]) =>
    keys(new MessageMatcher(filters).select(records, 1000));
  assert.deepEqual(select([{ target: 'key', match: 'contains', value: 'order' }]), ['order-1', 'order-2']);
  assert.deepEqual(select([{ target: 'key', match: 'equals', value: 'order-2' }]), ['order-2']);
  assert.deepEqual(select([{ target: 'value', match: 'contains', value: 'hello', ignoreCase: true }]), [
    null,
  ]);
  assert.deepEqual(select([{ target: 'header', header: 'source', match: 'equals', value: 'app' }]), [
    'order-2',
  ]);
  assert.deepEqual(
    select([
      { target: 'key', match: 'contains', value: 'order' },
      { target: 'value', match: 'contains', value: 'B2' },
    ]),
    ['order-2'],
  );
});

test('JSON path equals compares strings as text and other values as JSON', () => {
  const select = (path: string, value: string) =>
    keys(new MessageMatcher([{ target: 'value', match: 'jsonPath', path, value }]).select(records, 1000));
  assert.deepEqual(select('$.order.id', 'A1'), ['order-1']);
  assert.deepEqual(select('$.order.items[0].sku', 'y'), ['order-2']);
  assert.deepEqual(select("$['order'].total", '7'), ['order-2']);
  assert.deepEqual(select('$.order.missing', 'A1'), []);
  assert.deepEqual(parseJsonPath('$.a["b c"][2]', 'f'), ['a', 'b c', 2]);
  assert.throws(() => parseJsonPath('order.id', 'f'), InputError);
  assert.throws(() => parseJsonPath('$.a..b', 'f'), /character 4/);
});

test('regex filters run in the sandbox and select like RegExp.test', () => {
  const matcher = new MessageMatcher([{ target: 'value', match: 'regex', value: '"id":"[AB]\\d"' }]);
  assert.deepEqual(keys(matcher.select(records, 1000)), ['order-1', 'order-2']);
});

test('patterns that could run away are refused before the scan, with the reason', () => {
  assert.match(runawayRisk('(a+)+$') ?? '', /repeated group/);
  assert.match(runawayRisk('(\\w*)*x') ?? '', /repeated group/);
  assert.match(runawayRisk('((ab)+c)+') ?? '', /repeated group/);
  assert.match(runawayRisk('(a)\\1') ?? '', /backreference/);
  assert.equal(runawayRisk('order-\\d+'), null);
  assert.equal(runawayRisk('(ab)+c[+*]'), null);
  assert.equal(runawayRisk('^(GET|POST) /api/[a-z]+$'), null);
  assert.throws(
    () => new MessageMatcher([{ target: 'value', match: 'regex', value: '(x+)+y' }]),
    /could run away/,
  );
  assert.throws(() => new MessageMatcher([{ target: 'value', match: 'regex', value: '(' }]), InputError);
});

test('a slow regex that slips past the heuristic is stopped by the time budget', () => {
  // Alternation with overlap backtracks exponentially without nested quantifiers in the group.
  const matcher = new MessageMatcher([{ target: 'value', match: 'regex', value: '^(a|aa)*$' }]);
  const slow = [record('k', `${'a'.repeat(60)}!`)];
  assert.throws(() => matcher.select(slow, 50), RegexTimeoutError);
});

test('payloads render as text, JSON or base64 bytes, and are cut beyond the limit', () => {
  assert.deepEqual(renderPayload(null, 10), { kind: 'null', size: 0 });
  assert.equal(renderPayload(Buffer.from('{"a":1}'), 100).kind, 'json');
  assert.equal(renderPayload(Buffer.from('héllo\tworld\n'), 100).kind, 'text');
  const binary = renderPayload(Buffer.from([0, 1, 2, 255]), 100);
  assert.deepEqual(binary, { kind: 'binary', base64: 'AAEC/w==', size: 4, truncated: false });
  const cut = renderPayload(Buffer.from('x'.repeat(50)), 10);
  assert.deepEqual(cut, { kind: 'text', text: 'x'.repeat(10), size: 50, truncated: true });
  assert.deepEqual(encodePayload('00ff', 'hex'), Buffer.from([0, 255]));
  assert.deepEqual(encodePayload('{ "a": 1 }', 'json').toString(), '{"a":1}');
  assert.throws(() => encodePayload('zz', 'hex'), /not hex/);
  assert.throws(() => encodePayload('{', 'json'), SyntaxError);
});
