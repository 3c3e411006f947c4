import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@weir/store';
import { type App, buildApp } from './app.ts';
import { SecretBox } from './secrets/secret-box.ts';

export const TEST_ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestApp extends App {
  store: Store;
  /** Logs in and returns the Cookie header value to send. */
  login(username?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** A real app over a throwaway SQLite store, driven with `http.inject` (no socket). */
export async function createTestApp(
  options: { loginPolicy?: { maxFailures: number; windowMs: number } } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'weir-server-'));
  const store = await openStore({ dataDir });
  const app = await buildApp({
    store,
    secretBox: new SecretBox(randomBytes(32)),
    loginPolicy: options.loginPolicy,
    webDir: join(dataDir, 'no-console'),
  });
  await app.auth.ensureInitialAdmin(TEST_ADMIN_PASSWORD);
  await app.http.ready();
  return {
    ...app,
    store,
    async login(username = 'admin', password = TEST_ADMIN_PASSWORD) {
      const response = await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'weir_session');
      return `weir_session=${cookie?.value}`;
    },
    async close() {
      await app.http.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
