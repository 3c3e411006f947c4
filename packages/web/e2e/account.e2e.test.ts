import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { API_PREFIX, createWeirClient, SESSION_COOKIE } from '@weir/api';
import type { Browser, Page } from 'playwright-core';
import {
  apiCall,
  cspViolationsSeen,
  launchBrowser,
  logIn,
  newPage,
  type RunningWeir,
  screenshot,
  startWeir,
} from './support.ts';

// One Weir and one browser for the file, no Kafka: the session, the user menu and the console's own
// pages. Every test has its own browser context and logs in itself; the password test puts the
// initial password back, so the order of the tests does not matter.
let weir: RunningWeir;
let browser: Browser;

before(async () => {
  weir = await startWeir();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await weir?.stop();
});

/** A client of Weir's API with the page's session cookie, as another tab or a script would hold it. */
async function clientWithPageCookie(page: Page) {
  const [session] = (await page.context().cookies(weir.url)).filter((c) => c.name === SESSION_COOKIE);
  assert.ok(session, 'the page has a session cookie');
  return createWeirClient({ baseUrl: weir.url, auth: { cookie: `${session.name}=${session.value}` } });
}

test('a session ended elsewhere: the next click opens the login page, and logging in returns to the page', async () => {
  const page = await newPage(browser);
  await logIn(page, weir);
  await page.goto(`${weir.url}/clusters?q=nothing-matches`);
  await page.getByRole('heading', { name: 'Clusters', exact: true }).waitFor();
  // The session ends on the server, from outside this page: a logout with the same cookie.
  await (await clientWithPageCookie(page)).auth.logout();
  await page.getByRole('link', { name: 'Audit log', exact: true }).click();
  await page.getByRole('heading', { name: 'Log in to Weir' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('next'), '/audit');
  // The header with the old user's name is gone: the login page stands alone.
  assert.equal(await page.getByTestId('user-menu').count(), 0);
  await page.getByLabel('Password').fill(weir.initialPassword!);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/audit');
  await page.context().close();
});

test('a session ended elsewhere keeps the path and the query of the page for after the login', async () => {
  const page = await newPage(browser);
  await logIn(page, weir);
  await page.goto(`${weir.url}/audit`);
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  await (await clientWithPageCookie(page)).auth.logout();
  // A search on the clusters page: the list is read again, and the server refuses the old cookie.
  await page.getByRole('link', { name: 'Clusters', exact: true }).click();
  await page.getByRole('heading', { name: 'Log in to Weir' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('next'), '/clusters');
  await page.getByLabel('Password').fill(weir.initialPassword!);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: 'Clusters', exact: true }).waitFor();
  await page.goto(`${weir.url}/login?next=${encodeURIComponent('//evil.example/x')}`);
  // Logged in already, and the next parameter names another site: the console stays on its own.
  await page.getByRole('heading', { name: 'Clusters', exact: true }).waitFor();
  assert.equal(new URL(page.url()).origin, weir.url);
  await page.context().close();
});

test('an unknown address shows Not found with a link back, not a silent redirect', async () => {
  const page = await newPage(browser);
  await logIn(page, weir);
  await page.goto(`${weir.url}/no-such-page?x=1`);
  await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
  await page.getByText('No console page has the address /no-such-page?x=1.').waitFor();
  assert.equal(new URL(page.url()).pathname, '/no-such-page');
  assert.equal(await page.title(), 'Not found · Weir');
  await page.getByRole('link', { name: 'Back to the clusters' }).click();
  await page.getByRole('heading', { name: 'Clusters', exact: true }).waitFor();
  await page.context().close();
});

test('the user menu changes the password: a wrong current one is refused, the new one logs in', async () => {
  const page = await newPage(browser);
  await logIn(page, weir);
  const newPassword = 'a-new-password-for-admin';
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change your password' });
  await dialog.getByLabel('Current password').fill('not-the-password');
  await dialog.getByLabel('New password', { exact: true }).fill('short');
  await dialog.getByLabel('New password again').fill('different');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await dialog.getByText('Use at least 12 characters.').waitFor();
  await dialog.getByText('The two new passwords differ.').waitFor();
  await dialog.getByLabel('New password', { exact: true }).fill(newPassword);
  await dialog.getByLabel('New password again').fill(newPassword);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'The current password is wrong.' }).waitFor();
  await dialog.getByLabel('Current password').fill(weir.initialPassword!);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await dialog.getByText('Password changed. Your other sessions have ended.').waitFor();
  await screenshot(page, 'change-password');
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();

  // The server took it: the new password logs in, the old one no longer does.
  try {
    const client = createWeirClient({ baseUrl: weir.url });
    assert.equal(
      (await client.auth.login({ username: 'admin', password: newPassword })).user.username,
      'admin',
    );
    const old = await client.request('POST', `${API_PREFIX}/auth/login`, {
      username: 'admin',
      password: weir.initialPassword,
    });
    assert.equal(old.status, 401);
  } finally {
    // Back to the printed password, for the other tests of this file.
    const back = await apiCall(page, 'POST', '/auth/password', {
      currentPassword: newPassword,
      newPassword: weir.initialPassword,
    });
    assert.equal(back.status, 204, JSON.stringify(back.body));
  }
  await page.context().close();
});

test('the user menu makes an API token: the secret shows once and works, revoking ends it', async () => {
  const page = await newPage(browser);
  await logIn(page, weir);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  const drawer = page.getByRole('dialog', { name: 'API tokens' });
  await drawer.getByText('No tokens yet').waitFor();
  await drawer.getByLabel('Token name').fill('ci-pipeline');
  await drawer.getByLabel('Lifetime in days').fill('7');
  await drawer.getByRole('button', { name: 'Create token' }).click();
  await drawer.getByText('Copy the token now: it is shown only this once.').waitFor();
  const secret = (await drawer.getByTestId('token-secret').textContent())?.trim() ?? '';
  assert.ok(secret.length > 20, `a secret was shown: ${secret}`);
  const row = drawer.getByRole('row', { name: /ci-pipeline/ });
  await row.getByText('never', { exact: true }).waitFor();
  await screenshot(page, 'api-tokens');

  // The secret is a bearer token for the API, as the CLI uses it.
  const byToken = createWeirClient({ baseUrl: weir.url, auth: { bearer: secret } });
  assert.equal((await byToken.auth.me()).username, 'admin');
  const [listed] = (await apiCall(page, 'GET', '/auth/tokens')).body.tokens;
  assert.equal(listed.name, 'ci-pipeline');
  const days = (Date.parse(listed.expiresAt) - Date.parse(listed.createdAt)) / 86_400_000;
  assert.ok(Math.abs(days - 7) < 0.01, `expires in 7 days, got ${days}`);

  // Closed and opened again, the secret is gone for good.
  await drawer.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  await drawer.getByRole('row', { name: /ci-pipeline/ }).waitFor();
  assert.equal(await drawer.getByTestId('token-secret').count(), 0);

  await drawer.getByRole('button', { name: 'Revoke ci-pipeline' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Revoke' }).click();
  await drawer.getByText('No tokens yet').waitFor();
  assert.equal((await byToken.request('GET', `${API_PREFIX}/auth/me`)).status, 401);
  await page.context().close();
});

test('the user menu shows times in local time or UTC, remembered across a reload; it links the API docs', async () => {
  // A browser in Shanghai (UTC+8 all year), so local time and UTC differ visibly.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await logIn(page, weir);
  await page.goto(`${weir.url}/audit`);
  // The time cell of the newest entry (the row's first cell is its expand button).
  const timeCell = () => page.getByRole('row').nth(1).getByRole('cell').nth(1);
  const firstTime = timeCell();
  await firstTime.waitFor();
  assert.match((await firstTime.textContent()) ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00$/);

  await page.getByTestId('user-menu').click();
  const docs = page.getByRole('menuitem', { name: 'API docs' }).getByRole('link');
  assert.equal(await docs.getAttribute('href'), '/api/docs/');
  await page.getByRole('menuitem', { name: 'UTC', exact: true }).click();
  await timeCell()
    .filter({ hasText: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/ })
    .waitFor();
  await page.reload();
  await timeCell().filter({ hasText: / UTC$/ }).waitFor();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Local time' }).click();
  await timeCell()
    .filter({ hasText: / UTC\+08:00$/ })
    .waitFor();
  await context.close();
});

test('the console pages of this file broke no rule of the Content-Security-Policy', () => {
  assert.deepEqual(cspViolationsSeen(), []);
});
