import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePathName, encodePathName } from './path-names.ts';
import { API_PREFIX, buildPath, paths, routes, withQuery } from './paths.ts';

// Names HTTP clients mangle: dot segments (also as %2E), the escape itself, separators, non-ASCII.
const AWKWARD = [
  '',
  '.',
  '..',
  '...',
  '~',
  '~.',
  '~~x',
  '.hidden',
  'a/b',
  'a%2Fb',
  '%',
  '?x',
  '#y',
  'ä ö',
  ' ',
  'x..y',
];

test('a name survives the WHATWG URL parsing fetch and browsers apply, and decodes back', () => {
  for (const name of AWKWARD) {
    const sent = new URL(paths.groups.one('c', name), 'http://weir.example').pathname;
    const segment = sent.split('/').at(-1) ?? '';
    assert.equal(decodePathName(decodeURIComponent(segment)), name, JSON.stringify(name));
  }
});

test('plain names keep plain paths; only dot segments, empty names and the escape get a "~"', () => {
  assert.equal(encodePathName('orders.v1'), 'orders.v1');
  assert.equal(encodePathName('..'), '~..');
  assert.equal(encodePathName(''), '~');
  assert.equal(encodePathName('~x'), '~~x');
  assert.equal(encodePathName('a/b'), 'a%2Fb');
  assert.equal(paths.topics.one('c1', 'orders'), '/api/v1/clusters/c1/topics/orders');
  assert.equal(paths.brokers.configs('c1', 3), '/api/v1/clusters/c1/brokers/3/configs');
  assert.equal(
    paths.groups.topicOffsets('c1', '..', 'orders'),
    '/api/v1/clusters/c1/groups/~../offsets/orders',
  );
});

test('every builder fills its own route pattern, so the server and its clients name the same paths', () => {
  for (const [noun, builders] of Object.entries(paths)) {
    const patterns = routes[noun as keyof typeof routes] as Record<string, string>;
    assert.deepEqual(Object.keys(builders).sort(), Object.keys(patterns).sort(), noun);
    for (const [name, build] of Object.entries(builders as Record<string, (...args: unknown[]) => string>)) {
      const pattern = patterns[name] ?? '';
      const params = pattern.match(/:\w+/g) ?? [];
      const built = build(...params.map((_, index) => `p${index}`));
      const expected = `${API_PREFIX}${params.reduce((path, param, index) => path.replace(param, `p${index}`), pattern)}`;
      assert.equal(built, expected, `${noun}.${name}`);
    }
  }
});

test('buildPath refuses a pattern parameter left without a value', () => {
  assert.throws(() => buildPath('/clusters/:id', {} as { id: string }), /no value for :id/);
});

test('a query string holds only the values that are set', () => {
  assert.equal(withQuery('/x', { a: 1, b: undefined, c: false, d: 'a b' }), '/x?a=1&c=false&d=a+b');
  assert.equal(withQuery('/x', {}), '/x');
  assert.equal(withQuery('/x?y=1', { z: 2 }), '/x?y=1&z=2');
});
