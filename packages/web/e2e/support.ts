import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIX, createWeirClient, SESSION_COOKIE } from '@weir/api';
import type { RunningWeir } from '@weir/testkit';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export { type RunningWeir, startWeir } from '@weir/testkit';

/**
 * Where the e2e run saves its screenshots: an ignored folder, so a test run leaves `git status`
 * clean. `npm run screenshots` copies them into docs/screenshots after a passing run.
 */
export const SCREENSHOT_DIR =
  process.env.WEIR_SCREENSHOT_DIR ?? new URL('../../../test-output/screenshots/', import.meta.url).pathname;

/** Every page the tests open: the size the docs' screenshots are taken at, in English. */
const PAGE_OPTIONS = { viewport: { width: 1280, height: 800 }, locale: 'en-US' } as const;

/** A small laptop's screen (issue 13: every page works at 1024 px), for `loggedInPages`' `viewport`. */
export const NARROW_VIEWPORT = { width: 1024, height: 768 } as const;

/** Debian's Chromium, headless, with the flags this sandbox needs (no network beyond loopback). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects every Content-Security-Policy violation the page reports, from the browser's console and
 * from `securitypolicyviolation` events, so a test can fail on any: a policy that blocks a style or
 * script of the console breaks it silently otherwise.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

/** A page in a fresh browser context: no cookie, no stored language or theme. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(PAGE_OPTIONS);
  const page = await context.newPage();
  seen.push(await watchCspViolations(page));
  return page;
}

// The CSP violations of every page newPage and loggedInPages opened in this test file.
const seen: string[][] = [];
/** Every CSP violation reported so far by the pages this file opened. */
export const cspViolationsSeen = (): string[] => seen.flat();

/** The login form filled in and sent as a user would; resolves once the clusters page shows. */
export async function logIn(page: Page, weir: RunningWeir): Promise<void> {
  await page.goto(`${weir.url}/login`);
  await page.getByLabel('Password').fill(weir.initialPassword!);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('heading', { name: 'Clusters', exact: true }).waitFor();
}

/**
 * Logs in once through the form and returns a factory of logged-in pages, each in its own context
 * (its own tabs, dialogs, language and theme) sharing only the session cookie, so a test starts
 * from a known state whatever the test before it left open. Each page opens on the clusters list,
 * at 1280 × 800 unless `options.viewport` says otherwise.
 */
export async function loggedInPages(
  browser: Browser,
  weir: RunningWeir,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<{ page(): Promise<Page>; close(): Promise<void> }> {
  const first = await newPage(browser);
  await logIn(first, weir);
  const storageState = await first.context().storageState();
  await first.context().close();
  const contexts: BrowserContext[] = [];
  return {
    async page() {
      const context = await browser.newContext({ ...PAGE_OPTIONS, ...options, storageState });
      contexts.push(context);
      const page = await context.newPage();
      seen.push(await watchCspViolations(page));
      // On Weir's origin from the start, so `apiCall` works before the test's first navigation.
      await page.goto(`${weir.url}/clusters`);
      await page.getByRole('heading', { name: 'Clusters', exact: true }).waitFor();
      return page;
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
    },
  };
}

/**
 * An API call with the page's session cookie, through `@weir/api`'s client as the CLI makes it (the
 * console uses the same client in the browser). An error status is answered, not thrown.
 */
export async function apiCall(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers; the assertions reading them check their shape
): Promise<{ status: number; body: any }> {
  const baseUrl = new URL(page.url()).origin;
  const session = (await page.context().cookies(baseUrl)).find((c) => c.name === SESSION_COOKIE);
  const client = createWeirClient({
    baseUrl,
    ...(session ? { auth: { cookie: `${session.name}=${session.value}` } } : {}),
  });
  const answer = await client.request(method, `${API_PREFIX}${path}`, body);
  return { status: answer.status, body: answer.body ?? null };
}

/**
 * Reads `read()` until it equals `expected` (deep equality after JSON round trip) and fails with
 * the last value read when `timeoutMs` passes first. For values the page shows after it loads:
 * the test waits for the state instead of sleeping, and fails only when the state never comes.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  message: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${message}: expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)} after ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Saves a screenshot for docs/, with transitions finished so it shows the settled page. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

/** Picks an option of an antd Select as a user does: open it, click the option shown in its list. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  // antd's role="option" elements are a hidden list for screen readers; the shown items carry the title.
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .getByText(option, { exact: true })
    .click();
}
