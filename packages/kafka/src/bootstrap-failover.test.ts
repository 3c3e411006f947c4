import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Admin } from '@platformatic/kafka';
import { installBootstrapFailover, SILENT_BROKER_MS, SilentBrokers } from './bootstrap-failover.ts';

const b = (port: number) => ({ host: '127.0.0.1', port });

test('a silent broker is tried last, never dropped, until it answers or its mark expires', () => {
  let now = 1_000;
  const silent = new SilentBrokers(() => now);
  const brokers = [b(1), b(2), b(3)];
  assert.deepEqual(silent.order(brokers), brokers);

  silent.markSilent('127.0.0.1:1');
  assert.equal(silent.marks, 1);
  assert.deepEqual(
    silent.order(brokers).map((x) => x.port),
    [2, 3, 1],
  );
  silent.markSilent('127.0.0.1:2');
  assert.deepEqual(
    silent.order(brokers).map((x) => x.port),
    [3, 1, 2],
  );

  silent.markAnswered('127.0.0.1:1');
  assert.deepEqual(
    silent.order(brokers).map((x) => x.port),
    [1, 3, 2],
  );
  now += SILENT_BROKER_MS;
  assert.deepEqual(silent.order(brokers), brokers);
  assert.equal(silent.marks, 2);
});

test("the failover finds the client library's connection pool", async () => {
  // No broker is contacted: installing only wraps the pool of a client that has not connected yet.
  const admin = new Admin({ clientId: 'failover-test', bootstrapBrokers: ['127.0.0.1:1'] });
  try {
    assert.ok(installBootstrapFailover(admin) instanceof SilentBrokers);
  } finally {
    await admin.close();
  }
});
