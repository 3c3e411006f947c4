import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestMatch, didYouMean } from './suggest.ts';

test('the closest name within one edit per three characters is suggested; a far one is not', () => {
  assert.equal(
    closestMatch('--partitons', ['--partitions', '--page', '--replication-factor']),
    '--partitions',
  );
  assert.equal(closestMatch('descibe', ['list', 'describe', 'delete']), 'describe');
  assert.equal(closestMatch('gzp', ['none', 'gzip', 'snappy']), 'gzip');
  assert.equal(closestMatch('Topics', ['topics', 'groups']), 'topics');
  assert.equal(closestMatch('frobnicate', ['topics', 'groups', 'brokers']), undefined);
  assert.equal(closestMatch('ls', ['list']), undefined);
  assert.equal(didYouMean('sizes', ['name', 'size']), '; did you mean size?');
  assert.equal(
    didYouMean('locl', ['local'], (name) => `"${name}"`),
    '; did you mean "local"?',
  );
  assert.equal(didYouMean('x', []), '');
});
