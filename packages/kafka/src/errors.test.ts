import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failedSilently, toGatewayError } from './errors.ts';

const cannotConnect = (inner: Error) =>
  Object.assign(new Error('Cannot connect to any broker.'), { errors: [inner] });

test('a connection closed after the request timeout is a silent broker, not a wrong address', () => {
  const closed = cannotConnect(new Error('Connection closed'));
  assert.equal(failedSilently(closed, 4_900, 5_000), true);
  assert.equal(failedSilently(closed, 300, 5_000), false, 'closed at once: a protocol mismatch, say');
});

test('a refused or unresolvable address is unreachable however long it took', () => {
  for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH']) {
    const refused = cannotConnect(Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code }));
    assert.equal(failedSilently(refused, 6_000, 5_000), false, code);
    assert.equal(toGatewayError(refused, { api: 'Metadata' }).kind, 'unreachable');
  }
});

test('TLS and SASL failures keep their own kind even when slow', () => {
  assert.equal(failedSilently(new Error('SSL routines: wrong version number'), 6_000, 5_000), false);
  assert.equal(failedSilently(new Error('SASL authentication failed'), 6_000, 5_000), false);
});
