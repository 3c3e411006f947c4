// Footprint: time from process start to /readyz 200, and idle RSS, median of 5 runs, for a first
// start (empty data directory: migrations + admin creation) and a restart. The peer is a bare
// node:http server started the same way in the same run, so the ratio shows what Weir adds to Node.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { WEIR_BIN, WEIR_NODE_FLAGS } from '@weir/testkit';
import { median, rssMb } from './stats.ts';

const RUNS = 5;
const IDLE_SETTLE_MS = 2000;
const MAIN = WEIR_BIN;
const PEER = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () {
  console.log(JSON.stringify({ msg: 'listening', url: 'http://127.0.0.1:' + this.address().port }));
});`;

interface Sample {
  readyMs: number;
  rssMb: number;
}

async function measure(args: string[], env: Record<string, string>, readyPath: string): Promise<Sample> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const url = await new Promise<string>((resolvePromise, reject) => {
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening' && entry.url) resolvePromise(entry.url);
      });
    });
    for (;;) {
      const response = await fetch(`${url}${readyPath}`).catch(() => undefined);
      if (response?.status === 200) break;
      await sleep(5);
    }
    const readyMs = performance.now() - started;
    await sleep(IDLE_SETTLE_MS);
    return { readyMs, rssMb: rssMb(child.pid!, (path) => readFileSync(path, 'utf8')) };
  } finally {
    child.kill('SIGKILL');
  }
}

async function series(label: string, run: () => Promise<Sample>) {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i += 1) samples.push(await run());
  return {
    label,
    readyMs: median(samples.map((s) => s.readyMs)),
    rssMb: median(samples.map((s) => s.rssMb)),
  };
}

const weirEnv = (dataDir: string) => ({ WEIR_PORT: '0', WEIR_DATA_DIR: dataDir, WEIR_LOG_LEVEL: 'info' });
const restartDir = mkdtempSync(join(tmpdir(), 'weir-bench-'));
await measure([...WEIR_NODE_FLAGS, MAIN, 'serve'], weirEnv(restartDir), '/readyz');

const peer = await series('bare node:http (peer)', () => measure(['-e', PEER], {}, '/'));
const firstStart = await series('weir serve, first start', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'weir-bench-'));
  try {
    return await measure([...WEIR_NODE_FLAGS, MAIN, 'serve'], weirEnv(dataDir), '/readyz');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
const restart = await series('weir serve, restart', () =>
  measure([...WEIR_NODE_FLAGS, MAIN, 'serve'], weirEnv(restartDir), '/readyz'),
);
rmSync(restartDir, { recursive: true, force: true });

console.log(`Footprint (median of ${RUNS} runs, Node ${process.version})`);
console.log('| process | ready (ms) | ready vs peer | idle RSS (MB) | RSS vs peer |');
console.log('|---|---:|---:|---:|---:|');
for (const row of [peer, firstStart, restart]) {
  console.log(
    `| ${row.label} | ${row.readyMs.toFixed(0)} | ${(row.readyMs / peer.readyMs).toFixed(2)}x | ${row.rssMb.toFixed(1)} | ${(row.rssMb / peer.rssMb).toFixed(2)}x |`,
  );
}
const worst = firstStart.readyMs > restart.readyMs ? firstStart : restart;
console.log(
  `Targets: ready < 1500 ms (${worst.readyMs < 1500 ? 'met' : 'MISSED'}: ${worst.readyMs.toFixed(0)} ms), idle RSS < 120 MB (${Math.max(firstStart.rssMb, restart.rssMb) < 120 ? 'met' : 'MISSED'}).`,
);
