import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every JVM the harness started in this process, so none outlives it (also on failure or Ctrl-C). */
const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const child of live) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      for (const child of live) killGroup(child, 'SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

export interface JavaProcess {
  child: ChildProcess;
  logFile: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  stop(graceMs?: number): Promise<void>;
}

/** Starts `java` in its own process group, output appended to `logFile`. */
export function startJava(args: string[], options: { logFile: string; cwd?: string }): JavaProcess {
  installExitHooks();
  const fd = openSync(options.logFile, 'a');
  const child = spawn('java', args, { cwd: options.cwd, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  live.add(child);
  const exited = new Promise<void>((resolvePromise) => {
    child.once('exit', () => {
      live.delete(child);
      resolvePromise();
    });
  });
  return {
    child,
    logFile: options.logFile,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!done) {
        killGroup(child, 'SIGKILL');
        await exited;
      }
    },
  };
}

/** Waits for a line matching `pattern` in the log, failing early if the process dies. */
export async function waitForLog(
  process_: JavaProcess,
  pattern: RegExp,
  options: { timeoutMs: number; fromOffset?: number; what: string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const text = existsSync(process_.logFile)
      ? readFileSync(process_.logFile, 'utf8').slice(options.fromOffset ?? 0)
      : '';
    if (pattern.test(text)) return;
    if (process_.child.exitCode !== null || process_.child.signalCode !== null) {
      throw new Error(`${options.what} exited before it was ready; last log lines:\n${tail(text)}`);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${options.what} was not ready after ${options.timeoutMs} ms; last log lines:\n${tail(text)}`,
      );
    }
    await sleep(100);
  }
}

/** The first errors (usually the cause) and the last lines of a log. */
const tail = (text: string) => {
  const lines = text.trim().split('\n');
  const errors = lines.filter((line) => /\b(ERROR|FATAL)\b|Exception/.test(line)).slice(0, 5);
  return [...errors, errors.length > 0 ? '...' : '', ...lines.slice(-10)].filter(Boolean).join('\n');
};

/** Runs a Java main class to completion and returns its output; throws with the output on failure. */
export function runJava(
  args: string[],
  options: { timeoutMs?: number; input?: string } = {},
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.stdin.end(options.input ?? '');
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else
        reject(new Error(`java ${args.at(-1) ?? ''} exited with ${code}:\n${tail(`${output}\n${errors}`)}`));
    });
  });
}
