import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWeirClient, type WeirClient } from '@weir/api';
import { openStore, type Store } from '@weir/store';
import type { FastifyInstance, InjectOptions, LightMyRequestCallback } from 'fastify';
import { type App, buildApp } from './app.ts';
import type { LoginThrottlePolicy } from './auth/login-rate-limiter.ts';
import { hashPassword } from './auth/passwords.ts';
import { checkDeclaredResponses } from './http/declared-responses.ts';
import { SecretBox } from './secrets/secret-box.ts';

export const TEST_ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestApp extends App {
  store: Store;
  /** Logs in and returns the Cookie header value to send. */
  login(username?: string, password?: string): Promise<string>;
  /** Adds a user with the given role (password: TEST_ADMIN_PASSWORD) and returns its cookie. */
  loginAs(role: 'operator' | 'viewer'): Promise<string>;
  /** A `@weir/api` client logged in as `username` (default: the admin); see {@link createTestClient}. */
  client(username?: string, password?: string): Promise<WeirClient>;
  close(): Promise<void>;
}

const UNSAFE_METHOD = /^(POST|PUT|PATCH|DELETE)$/i;

/**
 * Makes in-process writes with the session cookie carry Weir's own Origin, as every browser sends on
 * a non-GET fetch from the console, so tests pass the CSRF guard as the console does. A test that
 * gives its own Origin, Sec-Fetch-Site or Referer keeps it.
 */
function sendOriginLikeTheConsole(http: FastifyInstance): void {
  const inject = http.inject.bind(http);
  const withOrigin = (opts: InjectOptions | string): InjectOptions | string => {
    if (typeof opts === 'string' || !UNSAFE_METHOD.test(opts.method ?? 'GET')) return opts;
    const headers = opts.headers ?? {};
    if (headers.cookie === undefined || headers.authorization !== undefined) return opts;
    if (
      headers.origin !== undefined ||
      headers['sec-fetch-site'] !== undefined ||
      headers.referer !== undefined
    )
      return opts;
    return { ...opts, headers: { ...headers, origin: `http://${String(headers.host ?? 'localhost:80')}` } };
  };
  http.inject = ((opts?: InjectOptions | string, callback?: LightMyRequestCallback) => {
    if (opts === undefined) return inject();
    return callback ? inject(withOrigin(opts), callback) : inject(withOrigin(opts));
  }) as FastifyInstance['inject'];
}

/** A real app over a throwaway SQLite store, driven with `http.inject` (no socket). */
export async function createTestApp(
  options: {
    loginPolicy?: LoginThrottlePolicy;
    /** Reuse a store (and its key) left by an earlier app, to test a restart; the caller removes it. */
    restartFrom?: { dataDir: string; secretKey: Buffer };
    jobPollMs?: number;
    trustProxy?: string[];
    /** Where the built console is; default: a folder without one. */
    webDir?: string;
    /** false: send cookie-authenticated writes exactly as given, without the console's Origin. */
    consoleOrigin?: boolean;
    /** Plugins to load beyond the built-in ones. */
    plugins?: { packages?: string[]; directory?: string | null; cwd?: string };
  } = {},
): Promise<TestApp & { dataDir: string; secretKey: Buffer; shutDown(): Promise<void> }> {
  const dataDir = options.restartFrom?.dataDir ?? mkdtempSync(join(tmpdir(), 'weir-server-'));
  const secretKey = options.restartFrom?.secretKey ?? randomBytes(32);
  const store = await openStore({ dataDir });
  const app = await buildApp({
    store,
    secretBox: new SecretBox(secretKey),
    loginPolicy: options.loginPolicy,
    webDir: options.webDir ?? join(dataDir, 'no-console'),
    jobPollMs: options.jobPollMs ?? 250,
    trustProxy: options.trustProxy,
    plugins: options.plugins,
  });
  if (options.consoleOrigin !== false) sendOriginLikeTheConsole(app.http);
  checkDeclaredResponses(app.http);
  await app.auth.ensureInitialAdmin(TEST_ADMIN_PASSWORD);
  await app.http.ready();
  const login = async (username = 'admin', password = TEST_ADMIN_PASSWORD) => {
    const client = createWeirClient({ baseUrl: 'http://localhost', fetch: injectFetch(app.http) });
    const { sessionCookie } = await client.auth.login({ username, password });
    if (!sessionCookie) throw new Error(`the login of ${username} set no session cookie`);
    return sessionCookie;
  };
  return {
    ...app,
    store,
    dataDir,
    secretKey,
    login,
    client: (username, password) => createTestClient(app, username, password),
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

/**
 * A `@weir/api` client for a test app, logged in as `username` (default: the admin), the way the
 * console, the CLI and the integration tests all reach Weir. The app listens on an ephemeral
 * loopback port on first use (so NDJSON streams arrive line by line, as over a real socket); the
 * client sends the session cookie and, on writes, the app's own Origin, so it passes the CSRF guard.
 * `app.close()` stops the listener.
 *
 * @throws ApiProblem when the login is refused.
 */
export async function createTestClient(
  app: App,
  username = 'admin',
  password = TEST_ADMIN_PASSWORD,
): Promise<WeirClient> {
  const baseUrl = await listeningUrl(app);
  const { sessionCookie } = await createWeirClient({ baseUrl }).auth.login({ username, password });
  return createWeirClient({ baseUrl, auth: { cookie: sessionCookie ?? '' } });
}

const listening = new WeakMap<App['http'], Promise<string>>();

/** The app's loopback address, listening once however many clients ask. */
function listeningUrl(app: App): Promise<string> {
  let url = listening.get(app.http);
  if (!url) {
    url = app.http.listen({ port: 0, host: '127.0.0.1' }).then(() => {
      const address = app.http.server.address() as AddressInfo;
      return `http://127.0.0.1:${address.port}`;
    });
    listening.set(app.http, url);
  }
  return url;
}

/**
 * A `fetch` that answers through `http.inject`, in-process and without a socket, so `@weir/api`'s
 * client can drive a test app exactly as it drives a server (a stream arrives whole, when it ends).
 * The URL's host becomes the Host header, so the app's origin is the URL's.
 */
export function injectFetch(http: FastifyInstance): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const answer = await http.inject({
      method: (init.method ?? 'GET') as InjectOptions['method'],
      url: `${url.pathname}${url.search}`,
      headers: { ...(init.headers as Record<string, string>), host: url.host },
      payload: typeof init.body === 'string' ? init.body : undefined,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of [value].flat()) if (one !== undefined) headers.append(name, String(one));
    }
    const empty = answer.statusCode === 204 || answer.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(answer.rawPayload), {
      status: answer.statusCode,
      headers,
    });
  }) as typeof fetch;
}
