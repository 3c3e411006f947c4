import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@weir/store';
import { type App, buildApp } from './app.ts';
import { hashPassword } from './auth/passwords.ts';
import { SecretBox } from './secrets/secret-box.ts';

export const TEST_ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestApp extends App {
  store: Store;
  /** Logs in and returns the Cookie header value to send. */
  login(username?: string, password?: string): Promise<string>;
  /** Adds a user with the given role (password: TEST_ADMIN_PASSWORD) and returns its cookie. */
  loginAs(role: 'operator' | 'viewer'): Promise<string>;
  close(): Promise<void>;
}

/** A real app over a throwaway SQLite store, driven with `http.inject` (no socket). */
export async function createTestApp(
  options: {
    loginPolicy?: { maxFailures: number; windowMs: number };
    /** Reuse a store (and its key) left by an earlier app, to test a restart; the caller removes it. */
    restartFrom?: { dataDir: string; secretKey: Buffer };
    jobPollMs?: number;
  } = {},
): Promise<TestApp & { dataDir: string; secretKey: Buffer; shutDown(): Promise<void> }> {
  const dataDir = options.restartFrom?.dataDir ?? mkdtempSync(join(tmpdir(), 'weir-server-'));
  const secretKey = options.restartFrom?.secretKey ?? randomBytes(32);
  const store = await openStore({ dataDir });
  const app = await buildApp({
    store,
    secretBox: new SecretBox(secretKey),
    loginPolicy: options.loginPolicy,
    webDir: join(dataDir, 'no-console'),
    jobPollMs: options.jobPollMs ?? 250,
  });
  await app.auth.ensureInitialAdmin(TEST_ADMIN_PASSWORD);
  await app.http.ready();
  const login = async (username = 'admin', password = TEST_ADMIN_PASSWORD) => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'weir_session');
    return `weir_session=${cookie?.value}`;
  };
  return {
    ...app,
    store,
    dataDir,
    secretKey,
    login,
    async loginAs(role) {
      const username = `${role}-${randomBytes(4).toString('hex')}`;
      await store.users.insert({
        id: crypto.randomUUID(),
        username,
        passwordHash: await hashPassword(TEST_ADMIN_PASSWORD),
        role,
        disabled: false,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      });
      return login(username);
    },
    async close() {
      await app.http.close();
      await store.close();
      if (!options.restartFrom) rmSync(dataDir, { recursive: true, force: true });
    },
    /** Closes without deleting the store, so a restarted app can take it over. */
    async shutDown() {
      await app.http.close();
      await store.close();
    },
  };
}
