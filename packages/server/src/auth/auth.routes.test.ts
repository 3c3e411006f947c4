import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing.ts';
import { hashPassword } from './passwords.ts';

describe('login, session and logout', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  test('a wrong password and an unknown user get the same 401, with no hint which was wrong', async () => {
    const wrongPassword = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    const unknownUser = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'mallory', password: 'nope' },
    });
    assert.equal(wrongPassword.statusCode, 401);
    assert.equal(unknownUser.statusCode, 401);
    assert.equal(wrongPassword.json().detail, 'Invalid username or password.');
    assert.equal(unknownUser.json().detail, wrongPassword.json().detail);
    assert.equal(wrongPassword.cookies.length, 0);
  });

  test('login sets an httpOnly SameSite cookie that authenticates; logout ends it', async () => {
    const login = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
    });
    assert.equal(login.statusCode, 200);
    assert.equal(login.json().user.username, 'admin');
    assert.equal(login.json().user.role, 'admin');
    assert.equal('passwordHash' in login.json().user, false);
    const cookie = login.cookies.find((c) => c.name === 'weir_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const headers = { cookie: `weir_session=${cookie.value}` };

    const me = await app.http.inject({ url: '/api/v1/auth/me', headers });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.username, 'admin');

    const logout = await app.http.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    assert.equal(logout.statusCode, 204);
    const afterLogout = await app.http.inject({ url: '/api/v1/auth/me', headers });
    assert.equal(afterLogout.statusCode, 401);
  });

  test('invalid login bodies are 400 problems that name each field', async () => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: '', extra: 1 },
    });
    assert.equal(response.statusCode, 400);
    const problem = response.json();
    assert.equal(problem.status, 400);
    assert.ok(
      problem.problems.some((p: string) => p.startsWith('body.extra: is not a known field; remove it')),
    );
    assert.ok(problem.problems.some((p: string) => p.startsWith('body.password: is missing')));
    assert.ok(problem.problems.some((p: string) => p.startsWith('body.username')));
  });

  test('logins and failures land in the audit log', async () => {
    const cookie = await app.login();
    const response = await app.http.inject({ url: '/api/v1/audit?action=auth.login', headers: { cookie } });
    assert.equal(response.statusCode, 200);
    const entries = response.json().entries as { actor: string; result: string }[];
    assert.ok(entries.some((e) => e.actor === 'admin' && e.result === 'success'));
    assert.ok(entries.some((e) => e.actor === 'mallory' && e.result === 'failure'));
  });
});

describe('changing the password', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  test('needs the current password, ends other sessions, and the new password works', async () => {
    const other = await app.login();
    const cookie = await app.login();
    const change = (body: Record<string, string>) =>
      app.http.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: body });

    const wrong = await change({ currentPassword: 'nope', newPassword: 'a brand new password' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().detail, 'The current password is wrong.');
    const short = await change({ currentPassword: TEST_ADMIN_PASSWORD, newPassword: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.json().detail, /newPassword/);

    const ok = await change({ currentPassword: TEST_ADMIN_PASSWORD, newPassword: 'a brand new password' });
    assert.equal(ok.statusCode, 204);
    assert.equal((await app.http.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 200);
    assert.equal(
      (await app.http.inject({ url: '/api/v1/auth/me', headers: { cookie: other } })).statusCode,
      401,
    );
    await assert.rejects(app.login('admin', TEST_ADMIN_PASSWORD), { name: 'ApiProblem', status: 401 });
    await app.login('admin', 'a brand new password');
  });
});

describe('login throttling', () => {
  // Waits long enough that no step of a test outlasts one; the clock is never what makes a test pass.
  const policy = {
    perUserAndAddress: { freeFailures: 3 },
    perUser: { freeFailures: 6 },
    perAddress: { freeFailures: 40 },
    baseDelayMs: 60_000,
    maxDelayMs: 3_600_000,
    forgetAfterMs: 86_400_000,
  };
  let app: TestApp;
  before(async () => {
    app = await createTestApp({ loginPolicy: policy });
    for (const username of ['alice', 'bob']) {
      await app.store.users.insert({
        id: crypto.randomUUID(),
        username,
        passwordHash: await hashPassword(TEST_ADMIN_PASSWORD),
        role: 'viewer',
        disabled: false,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      });
    }
  });
  after(() => app.close());

  const login = (username: string, password: string, remoteAddress = '192.0.2.10') =>
    app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { username, password },
    });

  test('after many failures for one user, the others behind the same address, admin included, still log in', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      statuses.push((await login('alice', `guess-${attempt}`)).statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 401, ...Array(9).fill(429)]);
    assert.equal((await login('admin', TEST_ADMIN_PASSWORD)).statusCode, 200);
    assert.equal((await login('bob', TEST_ADMIN_PASSWORD)).statusCode, 200);
  });

  test('a throttled attempt is 429 with Retry-After, even with the right password, and says why', async () => {
    const blocked = await login('alice', TEST_ADMIN_PASSWORD);
    assert.equal(blocked.statusCode, 429);
    const retryAfter = Number(blocked.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.match(blocked.json().detail, /Too many failed logins .* Try again in \d+ seconds/);
    assert.equal(blocked.cookies.length, 0);
  });

  test("guesses at one user from other addresses meet the per-user limit; other users' don't", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await login('bob', 'nope', `198.51.100.${i}`)).statusCode);
    // bob's 6th failure anywhere starts his wait: the 7th attempt is throttled wherever it comes from.
    statuses.push((await login('bob', 'nope', '198.51.100.50')).statusCode);
    statuses.push((await login('bob', TEST_ADMIN_PASSWORD, '198.51.100.99')).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 401, 429]);
    assert.equal((await login('admin', TEST_ADMIN_PASSWORD, '198.51.100.99')).statusCode, 200);
  });

  test("a correct login resets the user's count", async () => {
    const address = '203.0.113.7';
    const statuses: number[] = [];
    for (const password of [
      'typo-1',
      'typo-2',
      TEST_ADMIN_PASSWORD,
      'typo-3',
      'typo-4',
      'typo-5',
      'typo-6',
    ]) {
      statuses.push((await login('admin', password, address)).statusCode);
    }
    // Without the reset the fourth failure (typo-4) would already wait.
    assert.deepEqual(statuses, [401, 401, 200, 401, 401, 401, 429]);
  });
});

describe('personal API tokens', () => {
  let app: TestApp;
  let cookie: string;
  before(async () => {
    app = await createTestApp();
    cookie = await app.login();
  });
  after(() => app.close());

  test('a created token authenticates as its owner until revoked; its secret is never listed', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie },
      payload: { name: 'ci pipeline' },
    });
    assert.equal(created.statusCode, 201);
    const { token, secret } = created.json();
    assert.match(secret, /^weir_pat_/);
    const days = (Date.parse(token.expiresAt) - Date.parse(token.createdAt)) / 86_400_000;
    assert.equal(days, 90);

    const authorization = `Bearer ${secret}`;
    const me = await app.http.inject({ url: '/api/v1/auth/me', headers: { authorization } });
    assert.equal(me.json().user.username, 'admin');

    const list = await app.http.inject({ url: '/api/v1/auth/tokens', headers: { authorization } });
    assert.equal(list.json().tokens.length, 1);
    assert.equal(list.json().tokens[0].lastUsedAt !== null, true);
    assert.equal(JSON.stringify(list.json()).includes(secret), false);

    const revoke = await app.http.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${token.id}`,
      headers: { cookie },
    });
    assert.equal(revoke.statusCode, 204);
    const afterRevoke = await app.http.inject({ url: '/api/v1/auth/me', headers: { authorization } });
    assert.equal(afterRevoke.statusCode, 401);
    const again = await app.http.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${token.id}`,
      headers: { cookie },
    });
    assert.equal(again.statusCode, 404);
  });

  test('an expired token is refused', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie },
      payload: { name: 'short', expiresInDays: 1 },
    });
    const { token, secret } = created.json();
    await app.store.db.execute('UPDATE api_tokens SET expires_at = $1 WHERE id = $2', [
      Date.now() - 1,
      token.id,
    ]);
    const response = await app.http.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    assert.equal(response.statusCode, 401);
  });

  test('token lifetimes outside 1-365 days are rejected', async () => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie },
      payload: { name: 'forever', expiresInDays: 10_000 },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().detail, /expiresInDays/);
  });
});
