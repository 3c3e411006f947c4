import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The `weir` launcher (packages/weir), as a person runs it. */
export const WEIR_BIN = new URL('../../weir/bin/weir.js', import.meta.url).pathname;

/** The Node flags on weir.js's `#!/usr/bin/env -S node …` line, so tests run Weir as it runs for users. */
export const WEIR_NODE_FLAGS: string[] = (
  /^#!.*\bnode\b(.*)$/m.exec(readFileSync(WEIR_BIN, 'utf8').split('\n')[0] ?? '')?.[1] ?? ''
)
  .trim()
  .split(/\s+/)
  .filter(Boolean);

export interface RunningWeir {
  url: string;
  pid: number;
  dataDir: string;
  /** Set on a first start without WEIR_ADMIN_PASSWORD. */
  initialPassword: string | undefined;
  logLines: string[];
  /** SIGTERM, wait for exit, remove the data directory unless it was given. Resolves to the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real `weir serve` on a free port (fresh data directory unless given) and resolves once
 * it logs its URL.
 */
export async function startWeir(
  options: { env?: Record<string, string>; dataDir?: string; timeoutMs?: number } = {},
): Promise<RunningWeir> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'weir-serve-'));
  const child: ChildProcess = spawn(process.execPath, [...WEIR_NODE_FLAGS, WEIR_BIN, 'serve'], {
    env: { ...process.env, WEIR_PORT: '0', WEIR_DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logLines: string[] = [];
  let initialPassword: string | undefined;
  const exited = new Promise<number | null>((resolvePromise) =>
    child.once('exit', (code) => resolvePromise(code)),
  );
  // The "listening" line is logged at info; a quieter level would hide it.
  if (options.env?.WEIR_LOG_LEVEL && !['info', 'debug', 'trace'].includes(options.env.WEIR_LOG_LEVEL)) {
    throw new Error('startWeir needs WEIR_LOG_LEVEL info, debug or trace to see the "listening" line.');
  }
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`weir serve did not listen:\n${logLines.join('\n')}`)),
      options.timeoutMs ?? 30_000,
    );
    void exited.then((code) => reject(new Error(`weir serve exited with ${code}:\n${logLines.join('\n')}`)));
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
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });

  return {
    url,
    pid: child.pid!,
    dataDir,
    initialPassword,
    logLines,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
