// `npm start` runs this first: builds the console when its build is missing or older than its sources,
// so the quick start is one line and a later start costs nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const webDir = new URL('../packages/web/', import.meta.url).pathname;
const builtIndex = join(webDir, 'dist', 'index.html');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

const sources = ['src', 'index.html', 'vite.config.ts', 'public'].map((entry) => join(webDir, entry));
const sourcesTime = Math.max(...sources.map(newestMtime));
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourcesTime) {
  console.error('Building the Weir console (first start or sources changed)...');
  execFileSync('npm', ['run', 'build', '--workspace', '@weir/web'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
