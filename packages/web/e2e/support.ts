import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Browser, chromium, type Page } from 'playwright-core';

const WEIR = new URL('../../cli/bin/weir.js', import.meta.url).pathname;
export const SCREENSHOT_DIR = new URL('../../../docs/screenshots/', import.meta.url).pathname;

export interface RunningWeir {
  url: string;
  initialPassword: string;
  logLines: string[];
  stop(): Promise<void>;
}

/** Starts the real `weir serve` on a free port with a fresh data directory and reads its log. */
export async function startWeir(env: Record<string, string> = {}): Promise<RunningWeir> {
  const dataDir = mkdtempSync(join(tmpdir(), 'weir-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [WEIR, 'serve'], {
    env: { ...process.env, WEIR_PORT: '0', WEIR_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logLines: string[] = [];
  let initialPassword = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`weir serve did not listen:\n${logLines.join('\n')}`)),
      30_000,
    );
    child.once('exit', (code) =>
      reject(new Error(`weir serve exited with ${code}:\n${logLines.join('\n')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logLines.push(line);
      const entry = JSON.parse(line) as { msg?: string; url?: string; initialPassword?: string };
      if (entry.msg === 'created initial admin user' && entry.initialPassword)
        initialPassword = entry.initialPassword;
      if (entry.msg === 'listening' && entry.url) {
        clearTimeout(timer);
        resolvePromise(entry.url);
      }
    });
  });
  return {
    url,
    initialPassword,
    logLines,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

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

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}
