import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import * as contract from '@weir/api';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../testing.ts';

/*
 * @weir/api's client against the real server over a socket, with the real CSRF guard: the client the
 * console, the CLI and the tests share logs in, writes, reads with a token, and turns problems into
 * ApiProblem. Route coverage is checked in api-contract.test.ts beside this file.
 */

type ServerApp = Awaited<ReturnType<typeof createTestApp>>;
let app: ServerApp;
let baseUrl: string;

before(async () => {
  // The real CSRF guard: writes are sent exactly as the client sends them.
  app = await createTestApp({ consoleOrigin: false });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;
});
after(() => app.close());

FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)));
FormatRegistry.Set('uuid', (value) => /^[0-9a-f-]{36}$/i.test(value));
const assertShape = (schema: TSchema, value: unknown, what: string) => {
  assert.deepEqual(
    [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`),
    [],
    what,
  );
  assert.deepEqual(Value.Clean(schema, structuredClone(value)), value, `${what} has undeclared fields`);
};

test('the client logs in, writes with its cookie through the CSRF guard, then works with a token', async () => {
  const login = await contract
    .createWeirClient({ baseUrl })
    .auth.login({ username: 'admin', password: TEST_ADMIN_PASSWORD });
  assert.equal(login.user.username, 'admin');
  assert.match(login.sessionCookie ?? '', /^weir_session=./);
  const withCookie = contract.createWeirClient({ baseUrl, auth: { cookie: login.sessionCookie ?? '' } });
  const created = await withCookie.auth.createToken({ name: 'contract test' });
  assertShape(contract.CreatedApiToken, created, 'CreatedApiToken');

  const withToken = contract.createWeirClient({ baseUrl, auth: { bearer: created.secret } });
  assertShape(contract.User, await withToken.auth.me(), 'User');
  assertShape(contract.ApiTokenList, await withToken.auth.listTokens(), 'ApiTokenList');
  assertShape(contract.TopicPresets, await withToken.topics.presets(), 'TopicPresets');
  assertShape(contract.ClusterList, { clusters: await withToken.clusters.list() }, 'ClusterList');
  const audit = await withToken.audit.list({ limit: 5 });
  assert.ok(audit.entries.length > 0);
  assertShape(contract.AuditPage, audit, 'AuditPage');
  await withCookie.auth.logout();
});

test("the server's problems arrive as ApiProblem: not found, invalid input with each problem, no login", async () => {
  const { sessionCookie } = await contract
    .createWeirClient({ baseUrl })
    .auth.login({ username: 'admin', password: TEST_ADMIN_PASSWORD });
  const client = contract.createWeirClient({ baseUrl, auth: { cookie: sessionCookie ?? '' } });
  const unknownId = '0b6f3c1e-7d0a-4c5b-9a7e-2f1d8c9b4a10';
  const missing = await client.clusters.get(unknownId).catch((caught: unknown) => caught);
  assert.ok(missing instanceof contract.ApiProblem);
  assert.equal(missing.status, 404);
  // A code and its params let the console word the problem in the user's language.
  assert.deepEqual([missing.code, missing.params], ['cluster.not-found', { id: unknownId }]);
  assertShape(
    contract.Problem,
    { type: missing.type, title: missing.title, status: missing.status, detail: missing.detail },
    'Problem',
  );

  const invalid = await client.topics
    .create(unknownId, { name: 'orders', partitions: 0, replicationFactor: 1 })
    .catch((caught: unknown) => caught);
  assert.ok(invalid instanceof contract.ApiProblem);
  assert.equal(invalid.status, 400);
  assert.deepEqual(invalid.problems, ['body.partitions: is 0; use at least 1.']);

  const anonymous = await contract
    .createWeirClient({ baseUrl })
    .auth.me()
    .catch((caught: unknown) => caught);
  assert.ok(anonymous instanceof contract.ApiProblem);
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.code, 'auth.login-required');
});
