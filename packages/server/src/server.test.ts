import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestPostgresUrl } from '@weir/store/testing';
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

const configFor = (env: Record<string, string>) =>
  loadConfig({
    env: { WEIR_PORT: '0', WEIR_LOG_LEVEL: 'silent', ...env },
    cwd: mkdtempSync(join(tmpdir(), 'weir-srv-')),
  });

test('a PostgreSQL URL that does not answer stops start-up with the address and the fix', async () => {
  // Port 9 (discard) is closed here, so the connection is refused at once.
  const config = configFor({ WEIR_DATABASE_URL: 'postgres://weir:pw@127.0.0.1:9/weir' });
  await assert.rejects(startServer(config), (error: Error) => {
    assert.equal(error.name, 'StoreUnavailableError');
    assert.match(error.message, /PostgreSQL at 127\.0\.0\.1:9\/weir did not answer/);
    assert.match(error.message, /Check WEIR_DATABASE_URL/);
    assert.equal(error.message.includes('pw@'), false);
    return true;
  });
});

test('serves /healthz and /readyz over a socket, on PostgreSQL too; the first admin is created once', async () => {
  const database = await createTestPostgresUrl();
  const config = configFor({ WEIR_DATABASE_URL: database.url, WEIR_ADMIN_PASSWORD: 'first-password' });
  try {
    const server = await startServer(config);
    try {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      const ready = await fetch(`${server.url}/readyz`);
      assert.deepEqual(await ready.json(), { status: 'ready' });
      assert.equal(await server.store.users.count(), 1);
    } finally {
      await server.close();
    }
    const restarted = await startServer({ ...config, adminPassword: 'another-password' });
    try {
      assert.equal(await restarted.store.users.count(), 1);
      const login = await fetch(`${restarted.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'first-password' }),
      });
      assert.equal(login.status, 200);
    } finally {
      await restarted.close();
    }
  } finally {
    await database.drop();
  }
});
