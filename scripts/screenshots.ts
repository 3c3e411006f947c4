// `npm run screenshots`: runs the e2e tier into a clean test-output/screenshots and, only when every
// test passed, copies what it took into docs/screenshots. `npm run test:e2e` alone never touches
// docs/, so a test run leaves `git status` clean.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const taken = join(root, 'test-output', 'screenshots');
const docs = join(root, 'docs', 'screenshots');

// A screenshot left from an earlier run must not reach docs/ as if this run had taken it.
rmSync(taken, { recursive: true, force: true });
const run = spawnSync('npm', ['run', 'test:e2e'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WEIR_SCREENSHOT_DIR: taken },
});
if (run.status !== 0) {
  console.error(`The e2e tier failed (exit ${run.status ?? run.signal}); docs/screenshots is unchanged.`);
  process.exit(1);
}

const names = existsSync(taken) ? readdirSync(taken).filter((name) => name.endsWith('.png')) : [];
if (names.length === 0) {
  console.error(`The e2e tier passed but wrote no screenshot to ${taken}; docs/screenshots is unchanged.`);
  process.exit(1);
}
mkdirSync(docs, { recursive: true });
let changed = 0;
for (const name of names.sort()) {
  const target = join(docs, name);
  const existed = existsSync(target);
  const same = existed && readFileSync(target).equals(readFileSync(join(taken, name)));
  if (!same) {
    copyFileSync(join(taken, name), target);
    changed++;
  }
  console.log(`${same ? 'unchanged' : existed ? 'updated  ' : 'added    '} docs/screenshots/${name}`);
}
const stale = readdirSync(docs).filter((name) => name.endsWith('.png') && !names.includes(name));
for (const name of stale) console.log(`not taken by any test (left as is): docs/screenshots/${name}`);
console.log(`${changed} of ${names.length} screenshots changed in docs/screenshots.`);
