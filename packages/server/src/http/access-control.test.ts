import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { buildApp } from '../app.ts';
import { SecretBox } from '../secrets/secret-box.ts';
import { createTestApp, type TestApp } from '../testing.ts';

let app: TestApp;
before(async () => {
  app = await createTestApp();
});
after(() => app.close());

const PUBLIC_API_ROUTES = ['POST /api/v1/auth/login'];

const concreteUrl = (url: string) =>
  url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'index.html');

test('every /api route except login answers 401 without credentials', async () => {
  const apiRoutes = app.routes.filter((route) => route.url.startsWith('/api/') && route.method !== 'HEAD');
  assert.ok(apiRoutes.length >= 8, `expected the auth, audit and docs routes, got ${apiRoutes.length}`);
  for (const route of apiRoutes) {
    const key = `${route.method} ${route.url}`;
    if (PUBLIC_API_ROUTES.includes(key)) {
      assert.equal(route.access, 'public', key);
      continue;
    }
    assert.notEqual(route.access, 'public', `${key} must not be public`);
    const response = await app.http.inject({ method: route.method as 'GET', url: concreteUrl(route.url) });
    assert.equal(response.statusCode, 401, `${key} answered ${response.statusCode}`);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8', key);
    assert.match(response.json().detail, /Log in first/, key);
  }
});

test('a wrong or unknown bearer token is 401, like no token', async () => {
  for (const authorization of ['Bearer weir_pat_nope', 'Bearer something', 'Basic YWRtaW46YWRtaW4=']) {
    const response = await app.http.inject({ url: '/api/v1/auth/me', headers: { authorization } });
    assert.equal(response.statusCode, 401, authorization);
  }
});

test('a route without declared access cannot be registered', async () => {
  const scratch = await buildApp({ store: app.store, secretBox: new SecretBox(randomBytes(32)) });
  try {
    assert.throws(
      () => scratch.http.get('/api/v1/undeclared', async () => ({})),
      /must declare config.access/,
    );
  } finally {
    await scratch.http.close();
  }
});

test('a role without the permission gets 403 naming the permission', async () => {
  await app.store.users.insert({
    id: crypto.randomUUID(),
    username: 'victor',
    passwordHash: (await app.store.users.findByUsername('admin'))!.passwordHash,
    role: 'viewer',
    disabled: false,
    createdAt: Date.now(),
    updatedAt: Date.now(),
  });
  const cookie = await app.login('victor');
  const response = await app.http.inject({ url: '/api/v1/audit', headers: { cookie } });
  assert.equal(response.statusCode, 403);
  assert.match(response.json().detail, /lacks the permission "audit:read"/);
});

test('unknown API paths are a 404 problem; the OpenAPI document needs a login', async () => {
  const cookie = await app.login();
  const missing = await app.http.inject({ url: '/api/v1/nope', headers: { cookie } });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.json().detail, /No API route GET \/api\/v1\/nope/);
  const docs = await app.http.inject({ url: '/api/docs/json', headers: { cookie } });
  assert.equal(docs.statusCode, 200);
  assert.ok(docs.json().paths['/api/v1/auth/login']);
});
