import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

/** `npm run demo`'s script, run as the npm script runs it (without the web build step). */
const DEMO = new URL('../../../scripts/demo.ts', import.meta.url).pathname;

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('the demo stops on the first Ctrl-C: Weir, then every broker it started, within seconds', async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'weir-demo-'));
  const demo = spawn(process.execPath, [DEMO], {
    cwd,
    env: { ...process.env, WEIR_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  demo.stdout.on('data', (chunk) => {
    output += chunk;
  });
  demo.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
  const pids: number[] = [];
  t.after(() => {
    // Whatever the demo left behind (only on failure) is ended here, by the pids it printed.
    for (const pid of pids) if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
    if (demo.exitCode === null) demo.kill('SIGKILL');
    rmSync(cwd, { recursive: true, force: true });
  });

  const deadline = Date.now() + 240_000;
  while (!output.includes('Press Ctrl-C to stop everything.')) {
    assert.equal(demo.exitCode, null, `the demo exited before it was ready:\n${output}`);
    assert.ok(Date.now() < deadline, `the demo was not ready in 240 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const brokerPids = [...(/Broker pids: ([^(]+)/.exec(output)?.[1] ?? '').matchAll(/\d+=(\d+)/g)].map(
    (match) => Number(match[1]),
  );
  const weirPid = Number(/; pid (\d+)\)/.exec(output)?.[1]);
  pids.push(...brokerPids, weirPid);
  assert.equal(brokerPids.length, 3, output);
  assert.ok(Number.isInteger(weirPid), output);
  assert.ok(pids.every(pidAlive), 'Weir and the brokers run before Ctrl-C');

  const sentAt = Date.now();
  demo.kill('SIGINT');
  const code = await Promise.race([
    exited,
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000)),
  ]);
  const tookMs = Date.now() - sentAt;
  assert.equal(code, 0, `the demo did not exit within 20 s of one SIGINT:\n${output}`);
  assert.ok(tookMs < 15_000, `stopping took ${tookMs} ms`);
  assert.deepEqual(
    pids.filter(pidAlive),
    [],
    `still running after the demo exited (Weir ${weirPid}, brokers ${brokerPids.join(', ')})`,
  );
  assert.match(output, /Stopped Weir and the brokers \(\d+\.\d s, then \d+\.\d s\)\./);
});
