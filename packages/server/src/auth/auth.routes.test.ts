import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing.ts';

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
    await assert.rejects(app.login('admin', TEST_ADMIN_PASSWORD), /401/);
    await app.login('admin', 'a brand new password');
  });
});

describe('login rate limit', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp({ loginPolicy: { maxFailures: 3, windowMs: 60_000 } });
  });
  after(() => app.close());

  test('after too many failures even the right password gets 429 with Retry-After', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: `guess-${attempt}` },
      });
      assert.equal(response.statusCode, 401);
    }
    const blocked = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
    });
    assert.equal(blocked.statusCode, 429);
    const retryAfter = Number(blocked.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.match(blocked.json().detail, /Try again in \d+ seconds/);
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
