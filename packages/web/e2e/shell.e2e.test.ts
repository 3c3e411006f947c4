import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { API_PREFIX, createWeirClient, SESSION_COOKIE } from '@weir/api';
import type { Browser } from 'playwright-core';
import {
  cspViolationsSeen,
  launchBrowser,
  logIn,
  newPage,
  type RunningWeir,
  screenshot,
  startWeir,
  watchCspViolations,
} from './support.ts';

// One Weir and one browser for the file; every test has its own browser context (no cookie, no stored
// language or theme), logs in itself when it needs to, and leaves nothing another test relies on.
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

test('the server printed the initial admin password once', () => {
  assert.match(weir.initialPassword ?? '', /^[\w-]{20,}$/);
});

test('a visitor without a session lands on the login page, keeping the deep link', async () => {
  const page = await newPage(browser);
  await page.goto(`${weir.url}/audit`);
  await page.getByRole('heading', { name: 'Log in to Weir' }).waitFor();
  assert.match(page.url(), /\/login\?next=%2Faudit$/);
  await page.context().close();
});

test('a wrong password shows the error from the server', async () => {
  const page = await newPage(browser);
  await page.goto(`${weir.url}/login`);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Invalid username or password.' }).waitFor();
  await screenshot(page, 'login');
  await page.context().close();
});

test('logging in with the printed password opens the shell where the deep link pointed', async () => {
  const page = await newPage(browser);
  await page.goto(`${weir.url}/audit`);
  await page.getByRole('heading', { name: 'Log in to Weir' }).waitFor();
  // A failed attempt first, so the audit log this test opens holds both results. It names another
  // user, so no throttle on admin's failures can delay the login that follows.
  await page.getByLabel('Username').fill('someone-else');
  await page.getByLabel('Password').fill('not-a-password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Invalid username or password.' }).waitFor();
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(weir.initialPassword!);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  assert.match(page.url(), /\/audit$/);
  assert.equal(await page.getByTestId('user-menu').textContent(), 'admin');
  // The audit page shows the server's records: the failed and the successful login.
  await page
    .getByRole('row', { name: /Log in .*Failure/ })
    .first()
    .waitFor();
  await page
    .getByRole('row', { name: /Log in .*Success/ })
    .first()
    .waitFor();
  await page.getByRole('link', { name: 'Clusters', exact: true }).click();
  await page.getByText('No clusters yet').waitFor();
  await screenshot(page, 'shell');
  await page.context().close();
});

test('switching to Chinese and to the dark theme; both survive a reload', async () => {
  const page = await newPage(browser);
  await logIn(page, weir);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '中文', exact: true }).click();
  await page.getByRole('link', { name: '集群', exact: true }).waitFor();
  await page.getByRole('link', { name: '审计日志', exact: true }).waitFor();
  await page.getByRole('switch', { name: '深色主题' }).click();
  const background = () =>
    page.getByRole('main').evaluate((element) => {
      // The main area's own background, or the first ancestor's that has one.
      for (let node: Element | null = element; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
      }
      return 'none';
    });
  const isDark = (color: string) => {
    const [red = 255, green = 255, blue = 255] = (color.match(/\d+/g) ?? []).map(Number);
    return red + green + blue < 200;
  };
  assert.ok(isDark(await background()), `expected a dark background, got ${await background()}`);
  await screenshot(page, 'shell-dark-zh');
  await page.reload();
  await page.getByRole('link', { name: '集群', exact: true }).waitFor();
  assert.equal(await page.getByRole('switch', { name: '深色主题' }).getAttribute('aria-checked'), 'true');
  await page.context().close();
});

test('the OpenAPI explorer runs under its CSP: a call made from it answers, and nothing is blocked', async () => {
  // A tab of its own, beside a logged-in console page.
  const page = await newPage(browser);
  await logIn(page, weir);
  const context = page.context();
  const docs = await context.newPage();
  const violations = await watchCspViolations(docs);
  await docs.goto(`${weir.url}/api/docs/`);
  await docs.getByText('/api/v1/auth/me').first().click();
  await docs.getByRole('button', { name: 'Try it out' }).click();
  await docs.getByRole('button', { name: 'Execute' }).click();
  await docs.getByText('"username": "admin"').first().waitFor();
  await context.close();
  assert.deepEqual(violations, []);
});

test('logging out returns to the login page and the session is gone', async () => {
  const page = await newPage(browser);
  await logIn(page, weir);
  const [session] = (await page.context().cookies(weir.url)).filter((c) => c.name === SESSION_COOKIE);
  assert.ok(session, 'logged in with a session cookie');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Log out', exact: true }).click();
  await page.getByRole('heading', { name: 'Log in to Weir' }).waitFor();
  // The old cookie itself is refused: the session ended on the server, not only in the browser.
  const old = createWeirClient({ baseUrl: weir.url, auth: { cookie: `${session.name}=${session.value}` } });
  assert.equal((await old.request('GET', `${API_PREFIX}/auth/me`)).status, 401);
  await page.context().close();
});

test('the console is served with a strict CSP and broke none of its rules', async () => {
  const page = await newPage(browser);
  await page.goto(`${weir.url}/login`);
  await page.getByRole('button', { name: 'Log in', exact: true }).waitFor();
  const response = await page.request.get(`${weir.url}/login`);
  const csp = response.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /style-src 'self' 'nonce-[^']+'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  // antd's run-time styles carry the page's nonce; without it the page would be unstyled.
  const styled = await page.evaluate(
    () => [...document.querySelectorAll('style')].filter((style) => style.nonce !== '').length,
  );
  assert.ok(styled > 0, 'antd wrote its styles with the nonce');
  await page.context().close();
  // Every page this file opened, in every test before this one.
  assert.deepEqual(cspViolationsSeen(), []);
});
