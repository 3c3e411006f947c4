import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { FetchedRecord } from '@weir/kafka';
import { InputError } from '../errors.ts';
import { packRecords, unpackRecords } from './filter-batch.ts';
import { FilterPool, FilterTimeoutError } from './filter-pool.ts';
import { compileFilters, type MatcherFilter, parseJsonPath } from './message-filter.ts';
import { MessageMatcher } from './message-matcher.ts';
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
  timestampType: 'CreateTime',
  producerId: null,
  producerEpoch: null,
  transactional: false,
  transactionState: null,
});

const records = [
  record('order-1', '{"order":{"id":"A1","items":[{"sku":"x"}],"total":12}}', [['source', 'web']]),
  record('order-2', '{"order":{"id":"B2","items":[{"sku":"y"}],"total":7}}', [['source', 'app']]),
  record(null, 'plain text Hello'),
];
const keys = (selected: FetchedRecord[]) => selected.map((r) => r.key?.toString() ?? null);
const pick = (filters: MatcherFilter[]) => {
  const passes = compileFilters(filters);
  return keys(records.filter(passes));
};

const pool = new FilterPool(1);
after(() => pool.close());

test('contains, equals and case-insensitive contains select by bytes', () => {
  assert.deepEqual(pick([{ target: 'key', match: 'contains', value: 'order' }]), ['order-1', 'order-2']);
  assert.deepEqual(pick([{ target: 'key', match: 'equals', value: 'order-2' }]), ['order-2']);
  assert.deepEqual(pick([{ target: 'value', match: 'contains', value: 'hello', ignoreCase: true }]), [null]);
  assert.deepEqual(pick([{ target: 'header', header: 'source', match: 'equals', value: 'app' }]), [
    'order-2',
  ]);
  assert.deepEqual(
    pick([
      { target: 'key', match: 'contains', value: 'order' },
      { target: 'value', match: 'contains', value: 'B2' },
    ]),
    ['order-2'],
  );
});

test('JSON path equals compares strings as text and other values as JSON', () => {
  const select = (path: string, value: string) => pick([{ target: 'value', match: 'jsonPath', path, value }]);
  assert.deepEqual(select('$.order.id', 'A1'), ['order-1']);
  assert.deepEqual(select('$.order.items[0].sku', 'y'), ['order-2']);
  assert.deepEqual(select("$['order'].total", '7'), ['order-2']);
  assert.deepEqual(select('$.order.missing', 'A1'), []);
  assert.deepEqual(parseJsonPath('$.a["b c"][2]', 'f'), ['a', 'b c', 2]);
  assert.throws(() => parseJsonPath('order.id', 'f'), InputError);
  assert.throws(() => parseJsonPath('$.a..b', 'f'), /character 4/);
});

test('regexes are RE2: searched anywhere, case-insensitive on request, UTF-8 aware', () => {
  assert.deepEqual(pick([{ target: 'value', match: 'regex', value: '"id":"[AB]\\d"' }]), [
    'order-1',
    'order-2',
  ]);
  assert.deepEqual(pick([{ target: 'value', match: 'regex', value: '^plain.*hello$', ignoreCase: true }]), [
    null,
  ]);
  assert.deepEqual(pick([{ target: 'value', match: 'regex', value: '(?i)HELLO' }]), [null]);
  const accented = compileFilters([{ target: 'value', match: 'regex', value: '^h.llo w\\pLrld$' }]);
  assert.equal(accented({ key: null, value: Buffer.from('héllo wörld'), headers: [] }), true);
});

test('patterns RE2 cannot run (backreferences, lookaround) are refused, saying what RE2 supports', () => {
  for (const pattern of ['(a)\\1', '(?=a)b', '(?!a)b', '(?<=a)b', '(?<!a)b', '(?<n>a)\\k<n>', '(']) {
    assert.throws(
      () => compileFilters([{ target: 'value', match: 'regex', value: pattern }]),
      (error: Error) =>
        error instanceof InputError &&
        error.message.startsWith('filters[0]: the regex') &&
        /not valid RE2/.test(error.message) &&
        /backreferences .* are not/.test(error.message),
      pattern,
    );
  }
  assert.throws(
    () => compileFilters([{ target: 'value', match: 'regex', value: 'a'.repeat(501) }]),
    /longer than 500/,
  );
});

test('patterns that backtrack exponentially in JavaScript run in linear time with RE2', () => {
  const long = { key: null, value: Buffer.from(`${'a'.repeat(50_000)}!`), headers: [] };
  const verdict = (pattern: string) =>
    compileFilters([{ target: 'value', match: 'regex', value: pattern }])(long);
  // What RegExp would answer, were it to finish: checked on short strings below.
  assert.equal(verdict('(x|x)*y'), false);
  assert.equal(verdict('(a|aa)+$'), false);
  assert.equal(verdict('(?:a|a)*$'), true);
  assert.equal(verdict('^(a|a?)+$'), false);
  assert.equal(verdict('^(a|aa)+!$'), true);
  for (const pattern of ['(x|x)*y', '(a|aa)+$', '(?:a|a)*$', '^(a|a?)+$', '^(a|aa)+!$']) {
    const short = { key: null, value: Buffer.from('aaaaaaaa!'), headers: [] };
    assert.equal(
      compileFilters([{ target: 'value', match: 'regex', value: pattern }])(short),
      new RegExp(pattern).test('aaaaaaaa!'),
      pattern,
    );
  }
});

test('the matcher runs filters in a worker and keeps the records that pass, in order', async () => {
  const matcher = new MessageMatcher(
    [
      { target: 'header', header: 'source', match: 'regex', value: '^(web|app)$' },
      { target: 'value', match: 'jsonPath', path: '$.order.total', value: '7' },
    ],
    pool,
  );
  assert.deepEqual(keys(await matcher.select(records, 10_000)), ['order-2']);
  const keyed = new MessageMatcher(
    [{ target: 'key', match: 'equals', value: '', bytes: Buffer.from('order-1') }],
    pool,
  );
  assert.deepEqual(keys(await keyed.select(records, 10_000)), ['order-1']);
  assert.throws(
    () => new MessageMatcher([{ target: 'value', match: 'regex', value: '(a)\\1' }], pool),
    InputError,
  );
});

test('a batch still being filtered at its deadline fails with FilterTimeoutError, and the pool goes on', async () => {
  const many = Array.from({ length: 2_000 }, () => record('k', `${'a'.repeat(20_000)}!`));
  const matcher = new MessageMatcher([{ target: 'value', match: 'regex', value: '(a|aa)+$' }], pool);
  await assert.rejects(matcher.select(many, 1), FilterTimeoutError);
  const after = new MessageMatcher([{ target: 'key', match: 'equals', value: 'order-1' }], pool);
  assert.deepEqual(keys(await after.select(records, 10_000)), ['order-1']);
});

test('payloads render as text, JSON or base64 bytes, and are cut beyond the limit', () => {
  assert.deepEqual(renderPayload(null, 10), { kind: 'null', size: 0 });
  assert.equal(renderPayload(Buffer.from('{"a":1}'), 100).kind, 'json');
  assert.equal(renderPayload(Buffer.from('héllo\tworld\n'), 100).kind, 'text');
  const binary = renderPayload(Buffer.from([0, 1, 2, 255]), 100);
  assert.deepEqual(binary, { kind: 'binary', base64: 'AAEC/w==', size: 4, truncated: false, serde: 'raw' });
  const cut = renderPayload(Buffer.from('x'.repeat(50)), 10);
  assert.deepEqual(cut, { kind: 'text', text: 'x'.repeat(10), size: 50, truncated: true, serde: 'raw' });
  assert.deepEqual(encodePayload('00ff', 'hex'), Buffer.from([0, 255]));
  assert.deepEqual(encodePayload('{ "a": 1 }', 'json').toString(), '{"a":1}');
  assert.throws(() => encodePayload('zz', 'hex'), /not hex/);
  assert.throws(() => encodePayload('{', 'json'), SyntaxError);
});

test('records packed for a worker come back the same: nulls, empty values, headers without values', () => {
  const input = [
    { key: null, value: Buffer.from('v'), headers: [] },
    { key: Buffer.alloc(0), value: null, headers: [[Buffer.from('h'), null]] as [Buffer, null][] },
    {
      key: Buffer.from('k'),
      value: Buffer.from('héllo'),
      headers: [[Buffer.from('a'), Buffer.from('b')]] as [Buffer, Buffer][],
    },
  ];
  const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString());
  const shape = (records: typeof input) =>
    records.map((r) => [text(r.key), text(r.value), r.headers.map(([n, v]) => [text(n), text(v)])]);
  assert.deepEqual(shape(unpackRecords(packRecords(input)) as typeof input), shape(input));
});
