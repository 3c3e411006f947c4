import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSP_NONCE_PLACEHOLDER } from '../console/console.routes.ts';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing.ts';
import { SWAGGER_UI_STYLE_HASHES } from './browser-defences.ts';

const require = createRequire(import.meta.url);

/** The directives of a Content-Security-Policy header, by name. */
const cspOf = (response: LightMyRequestResponse): Map<string, string[]> => {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
};

const assertBrowserHeaders = (response: LightMyRequestResponse, what: string) => {
  const csp = cspOf(response);
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  assert.deepEqual(csp.get('script-src'), ["'self'"], `${what}: script-src`);
  assert.deepEqual(csp.get('default-src'), ["'self'"], `${what}: default-src`);
  assert.deepEqual(csp.get('object-src'), ["'none'"], `${what}: object-src`);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(response.headers['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
  assert.equal(response.headers['referrer-policy'], 'same-origin', `${what}: Referrer-Policy`);
};

describe('security headers', () => {
  let app: TestApp;
  let webDir: string;
  before(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'weir-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      `<html><head><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><script type="module" src="/assets/app.js"></script></head></html>`,
    );
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1);');
    app = await createTestApp({ webDir });
  });
  after(async () => {
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  test('every kind of answer carries them: API, errors, 404s, health, OpenAPI explorer, console', async () => {
    const cookie = await app.login();
    const cases: [string, InjectOptions, number][] = [
      ['API read', { url: '/api/v1/auth/me', headers: { cookie } }, 200],
      ['401', { url: '/api/v1/auth/me' }, 401],
      ['400 problem', { method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } }, 400],
      ['API 404', { url: '/api/v1/no-such-route', headers: { cookie } }, 404],
      ['POST 404', { method: 'POST', url: '/nowhere', headers: { cookie }, payload: {} }, 404],
      [
        'malformed JSON',
        {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: '{',
          headers: { 'content-type': 'application/json' },
        },
        400,
      ],
      ['health', { url: '/healthz' }, 200],
      ['OpenAPI explorer', { url: '/api/docs/', headers: { cookie } }, 200],
      ['OpenAPI JSON', { url: '/api/docs/json', headers: { cookie } }, 200],
      ['console asset', { url: '/assets/app.js' }, 200],
      ['console page', { url: '/clusters/x/topics' }, 200],
    ];
    for (const [what, request, status] of cases) {
      const response = await app.http.inject(request);
      assert.equal(response.statusCode, status, `${what}: ${response.body.slice(0, 200)}`);
      assertBrowserHeaders(response, what);
    }
  });

  test('answers Fastify gives before routing (a bad escape, an over-long name) carry them too', async () => {
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const address = app.http.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    for (const path of [
      '/api/v1/clusters/%zz',
      `/api/v1/clusters/${'c'.repeat(300)}/topics/${'t'.repeat(249)}`,
    ]) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      assert.ok(response.status >= 400, `${path}: ${response.status}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/, path.slice(0, 40));
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'same-origin');
    }
  });

  test('styles outside the console page and the explorer come from Weir only; no inline style', async () => {
    const cookie = await app.login();
    for (const url of ['/api/v1/auth/me', '/api/v1/no-such-route', '/healthz', '/assets/app.js']) {
      const response = await app.http.inject({ url, headers: { cookie } });
      assert.deepEqual(cspOf(response).get('style-src'), ["'self'"], url);
    }
  });

  test("the OpenAPI explorer allows exactly Swagger UI's one inline style, by the hash of the installed bundle's", async () => {
    const response = await app.http.inject({ url: '/api/docs/', headers: { cookie: await app.login() } });
    assert.deepEqual(cspOf(response).get('style-src'), ["'self'", ...SWAGGER_UI_STYLE_HASHES]);
    assert.deepEqual(cspOf(response).get('script-src'), ["'self'"]);
    const staticDir = join(dirname(require.resolve('@fastify/swagger-ui')), 'static');
    const bundle = ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']
      .map((file) => readFileSync(join(staticDir, file), 'utf8'))
      .join('\n');
    const inlineStyles = [...bundle.matchAll(/createElement\("style",null,"([^"]*)"\)/g)].map((m) => m[1]!);
    assert.ok(inlineStyles.length > 0, 'found the inline styles Swagger UI writes');
    const hashes = inlineStyles.map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    assert.deepEqual(hashes, SWAGGER_UI_STYLE_HASHES);
  });

  test("the console page allows antd's styles by a fresh nonce that it hands to the page, never scripts", async () => {
    const nonces = new Set<string>();
    for (const url of ['/', '/index.html', '/clusters/x/topics']) {
      const response = await app.http.inject({ url });
      assert.equal(response.statusCode, 200, url);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.equal(response.headers['cache-control'], 'no-store');
      const nonce = /<meta property="csp-nonce" nonce="([^"]+)">/.exec(response.body)?.[1];
      assert.ok(nonce && nonce !== CSP_NONCE_PLACEHOLDER, `${url}: page carries a nonce`);
      assert.equal(response.body.includes(CSP_NONCE_PLACEHOLDER), false);
      const csp = cspOf(response);
      assert.deepEqual(csp.get('style-src'), ["'self'", `'nonce-${nonce}'`], url);
      assert.deepEqual(csp.get('script-src'), ["'self'"], url);
      assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], url);
      nonces.add(nonce);
    }
    assert.equal(nonces.size, 3, 'each page load gets its own nonce');
  });
});

describe('cross-site request forgery guard', () => {
  let app: TestApp;
  let cookie: string;
  before(async () => {
    // Requests are sent exactly as written here: no Origin is added for the session cookie.
    app = await createTestApp({ consoleOrigin: false });
    cookie = await app.login();
  });
  after(() => app.close());

  const createToken = (
    headers: Record<string, string>,
    payload: Record<string, unknown> = { name: 'from a page' },
  ) =>
    app.http.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { cookie, ...headers }, payload });
  const tokenCount = async () =>
    (await app.http.inject({ url: '/api/v1/auth/tokens', headers: { cookie } })).json().tokens.length;

  test('a JSON write with the session cookie from another origin is refused with why, and changes nothing', async () => {
    const before = await tokenCount();
    const refused = await createToken({ origin: 'http://evil.example' });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    const detail = refused.json().detail as string;
    assert.match(
      detail,
      /Refused POST \/api\/v1\/auth\/tokens from origin http:\/\/evil\.example, which is not http:\/\/localhost/,
    );
    assert.match(detail, /cross-site request forgery/);
    assert.match(detail, /Authorization: Bearer/);
    assert.equal(await tokenCount(), before);
  });

  test('creating a topic from another origin is refused before the route runs', async () => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/clusters/00000000-0000-4000-8000-000000000000/topics',
      headers: { cookie, origin: 'http://evil.example' },
      payload: { name: 'planted', partitions: 1, replicationFactor: 1 },
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.json().detail, /from origin http:\/\/evil\.example/);
  });

  test('the same origin is accepted, by Origin, by Sec-Fetch-Site or by Referer', async () => {
    assert.equal((await createToken({ origin: 'http://localhost' })).statusCode, 201);
    assert.equal((await createToken({ origin: 'http://localhost:80' })).statusCode, 201);
    assert.equal((await createToken({ 'sec-fetch-site': 'same-origin' })).statusCode, 201);
    assert.equal((await createToken({ referer: 'http://localhost/clusters' })).statusCode, 201);
  });

  test('another site, another port or scheme, or a null origin is refused', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'http://localhost:8081' },
      { origin: 'https://localhost' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
      { referer: 'http://evil.example/page' },
    ];
    for (const headers of foreign) {
      const response = await createToken(headers);
      assert.equal(response.statusCode, 403, JSON.stringify(headers));
    }
  });

  test('a cookie-authenticated write that does not say where it came from is refused', async () => {
    const response = await createToken({});
    assert.equal(response.statusCode, 403);
    assert.match(
      response.json().detail,
      /carries the session cookie but no Origin, Sec-Fetch-Site or Referer/,
    );
  });

  test('a text/plain POST to logout, as a cross-site form sends it, does not log out', async () => {
    for (const headers of [
      { origin: 'http://evil.example', 'content-type': 'text/plain' },
      { origin: 'http://localhost', 'content-type': 'text/plain' },
      { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    ]) {
      const response = await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie, ...headers },
        payload: 'a=b',
      });
      assert.ok(
        [403, 415].includes(response.statusCode),
        `${JSON.stringify(headers)}: ${response.statusCode}`,
      );
    }
    const plain = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'text/plain' },
      payload: 'x',
    });
    assert.equal(plain.statusCode, 415);
    assert.match(
      plain.json().detail,
      /the body is text\/plain; the API takes JSON only\. Send Content-Type: application\/json/,
    );
    assert.equal((await app.http.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 200);
    // The console's own logout: same origin, no body.
    const logout = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: 'http://localhost' },
    });
    assert.equal(logout.statusCode, 204);
    assert.equal((await app.http.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 401);
    cookie = await app.login();
  });

  test('Bearer-token requests are not affected, whatever their Origin', async () => {
    const created = await createToken({ origin: 'http://localhost' }, { name: 'script' });
    const authorization = `Bearer ${created.json().secret}`;
    for (const headers of [{}, { origin: 'http://evil.example' }]) {
      const response = await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: { authorization, ...headers },
        payload: { name: 'made by a script' },
      });
      assert.equal(response.statusCode, 201, JSON.stringify(headers));
    }
  });

  test('a login from another origin is refused; one that says nothing (the CLI) is not', async () => {
    const login = (headers: Record<string, string>) =>
      app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers,
        payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
      });
    assert.equal((await login({ origin: 'http://evil.example' })).statusCode, 403);
    assert.equal((await login({})).statusCode, 200);
    assert.equal((await login({ origin: 'http://localhost' })).statusCode, 200);
  });
});

describe('Secure session cookie behind a proxy', () => {
  const loginVia = async (app: TestApp, remoteAddress: string, proto: string) => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: {
        'x-forwarded-proto': proto,
        'x-forwarded-host': 'weir.example',
        origin: `${proto}://weir.example`,
      },
      payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
    });
    return response;
  };

  test('a trusted proxy that terminated TLS gets a Secure cookie; a plain HTTP hop does not', async () => {
    const app = await createTestApp({ trustProxy: ['10.0.0.5', '192.168.7.0/24'] });
    try {
      const viaTls = await loginVia(app, '192.168.7.20', 'https');
      assert.equal(viaTls.statusCode, 200, viaTls.body);
      assert.equal(viaTls.cookies.find((c) => c.name === 'weir_session')?.secure, true);
      const viaHttp = await loginVia(app, '10.0.0.5', 'http');
      assert.equal(viaHttp.statusCode, 200, viaHttp.body);
      assert.notEqual(viaHttp.cookies.find((c) => c.name === 'weir_session')?.secure, true);
    } finally {
      await app.close();
    }
  });

  test('forwarded headers from an address not trusted are ignored: no Secure, and its Origin is foreign', async () => {
    const app = await createTestApp({ trustProxy: ['10.0.0.5'] });
    try {
      const spoofed = await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.0.6',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
      });
      assert.equal(spoofed.statusCode, 200);
      assert.notEqual(spoofed.cookies.find((c) => c.name === 'weir_session')?.secure, true);
      const foreign = await loginVia(app, '10.0.0.6', 'https');
      assert.equal(foreign.statusCode, 403);
      assert.match(foreign.json().detail, /trustProxy/);
    } finally {
      await app.close();
    }
  });
});
