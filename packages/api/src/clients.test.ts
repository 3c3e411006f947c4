/**
 * Every client of Weir's API goes through this package: the console, the CLI, and the integration
 * and e2e tests, so what the tests exercise is what a user's client sends. The checks that the
 * console calls only methods and paths the contract has are in web/src/api/contract.test.ts; that
 * the routes and the server agree, in server/src/http/api-contract.test.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

/** The folders whose code talks to Weir: shipped clients, and the tests that act as one. */
const CLIENTS = ['web/src', 'cli/src', 'server/test', 'web/e2e'];

/**
 * The places that hand the client its `fetch`: the CLI's (to turn a refused connection into a CLI
 * error), the console's (to send the user to the login page on a 401) and the tests' in-process one
 * over `inject`. None builds a URL; the console's reads only the status.
 */
const TRANSPORTS = new Set(['cli/src/session.ts', 'web/src/api/weir.ts', 'server/src/testing.ts']);

/** Each source file under `folder` (node_modules left out), comments removed. */
function sources(folder: string): { file: string; code: string }[] {
  const root = join(packagesDir, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.includes('node_modules'))
    .map((file) => ({
      file: relative(packagesDir, join(root, file)),
      code: readFileSync(join(root, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
    }));
}

test('the console, the CLI and the tests reach the API only through its client: no fetch, XHR or /api literal', () => {
  const files = CLIENTS.flatMap(sources);
  for (const folder of CLIENTS)
    assert.ok(
      files.filter(({ file }) => file.startsWith(folder)).length >= 5,
      `found almost no files in ${folder}; the scan is broken`,
    );
  // An '/api/' literal would be a URL built by hand; a page's own text (the explorer's) is not one.
  const own =
    /\bfetch\s*\(|\bXMLHttpRequest\b|\bEventSource\b|\bsendBeacon\b|\bWebSocket\b|(['"`])\/api\/v1\//;
  const offenders = files
    .filter(({ file, code }) => !TRANSPORTS.has(file) && own.test(code.replace(/getByText\([^)]*\)/g, '')))
    .map(({ file }) => file);
  assert.deepEqual(offenders, [], 'these files talk to the server without @weir/api');
});

test('the transports only hand fetch to the client', () => {
  for (const file of TRANSPORTS) {
    const code = readFileSync(join(packagesDir, file), 'utf8');
    assert.doesNotMatch(code, /['"`]\/api\//, `${file} builds an API URL by hand`);
  }
});
