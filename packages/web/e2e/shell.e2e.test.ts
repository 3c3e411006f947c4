import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, type RunningWeir, screenshot, startWeir, watchCspViolations } from './support.ts';

let weir: RunningWeir;
let browser: Browser;
let page: Page;
let cspViolations: string[];

before(async () => {
  weir = await startWeir();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  cspViolations = await watchCspViolations(page);
});

after(async () => {
  await browser?.close();
  await weir?.stop();
});

test('the server printed the initial admin password once', () => {
  assert.match(weir.initialPassword ?? '', /^[\w-]{20,}$/);
});

test('a visitor without a session lands on the login page, keeping the deep link', async () => {
  await page.goto(`${weir.url}/audit`);
  await page.getByRole('heading', { name: 'Log in to Weir' }).waitFor();
  assert.match(page.url(), /\/login\?next=%2Faudit$/);
});

test('a wrong password shows the error from the server', async () => {
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Invalid username or password.' }).waitFor();
  await screenshot(page, 'login');
});

test('logging in with the printed password opens the shell where the deep link pointed', async () => {
  await page.getByLabel('Password').fill(weir.initialPassword!);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  assert.match(page.url(), /\/audit$/);
  assert.equal(await page.getByTestId('user-menu').textContent(), 'admin');
  // The audit page shows the server's records: the failed and the successful login.
  await page.getByRole('cell', { name: 'auth.login' }).first().waitFor();
  const results = await page.locator('tbody tr td:nth-child(5)').allTextContents();
  assert.ok(results.includes('failure') && results.includes('success'), results.join(','));
  await page.getByRole('link', { name: 'Clusters' }).click();
  await page.getByText('No clusters yet').waitFor();
  await screenshot(page, 'shell');
});

test('switching to Chinese and to the dark theme', async () => {
  await page.getByText('中文').click();
  await page.getByRole('link', { name: '集群', exact: true }).waitFor();
  await page.getByRole('link', { name: '审计日志', exact: true }).waitFor();
  await page.getByRole('switch', { name: '深色主题' }).click();
  const background = await page
    .locator('.ant-layout')
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
  assert.ok(red + green + blue < 200, `expected a dark background, got ${background}`);
  await screenshot(page, 'shell-dark-zh');
  // Both choices survive a reload.
  await page.reload();
  await page.getByRole('link', { name: '集群', exact: true }).waitFor();
  assert.equal(await page.getByRole('switch', { name: '深色主题' }).getAttribute('aria-checked'), 'true');
});

test('the OpenAPI explorer runs under its CSP: a call made from it answers, and nothing is blocked', async () => {
  // A page of its own, with the console's session cookie.
  const context = await browser.newContext();
  await context.addCookies(await page.context().cookies());
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
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await page.getByRole('heading', { name: '登录 Weir' }).waitFor();
  const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
  assert.equal(me, 401);
});

test('the console is served with a strict CSP and broke none of its rules', async () => {
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
  assert.deepEqual(cspViolations, []);
});
