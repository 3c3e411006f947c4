import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginPathFor, safeNext } from './next-path.ts';

test('a same-origin path with its query comes back as it was', () => {
  assert.equal(safeNext('/clusters/demo/topics?q=orders'), '/clusters/demo/topics?q=orders');
  assert.equal(safeNext('/audit'), '/audit');
});

test('another origin, a protocol-relative or backslashed host, or nothing, goes to the clusters list', () => {
  for (const next of [
    null,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    'clusters',
  ])
    assert.equal(safeNext(next), '/clusters', String(next));
});

test('the login page is never the page to return to', () => {
  assert.equal(safeNext('/login?next=%2Faudit'), '/clusters');
  assert.equal(loginPathFor('/login'), '/login');
});

test('the login address keeps the path and search in one encoded next parameter', () => {
  assert.equal(
    loginPathFor('/clusters/a/topics?q=x&y=1'),
    '/login?next=%2Fclusters%2Fa%2Ftopics%3Fq%3Dx%26y%3D1',
  );
});
