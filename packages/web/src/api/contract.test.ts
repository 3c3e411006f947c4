import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createTestApp } from '@weir/server/testing';

const apiDir = new URL('./', import.meta.url);

/** Path helpers of the client modules, as the server's route patterns they stand for. */
const HELPERS: [RegExp, string][] = [
  [/\$\{base\([^)]*\)\}/g, '/clusters/{}'],
  [/\$\{topicPath\([^)]*\)\}/g, '/clusters/{}/topics/{}'],
  [/\$\{messagesPath\([^)]*\)\}/g, '/clusters/{}/topics/{}/messages'],
  [/\$\{groupPath\([^)]*\)\}/g, '/clusters/{}/groups/{}'],
];

/** `${cond ? 'a' : 'b'}` becomes two paths, one per branch. */
function expandChoices(path: string): string[] {
  const choice = /\$\{[^{}?]*\?\s*'([^']*)'\s*:\s*'([^']*)'\s*\}/.exec(path);
  if (!choice) return [path];
  const [whole, first = '', second = ''] = choice;
  return [first, second].flatMap((branch) => expandChoices(path.replace(whole, branch)));
}

/** Every API path the console's client modules name, normalised to `/clusters/{}/topics/{}`. */
function clientPaths(): Set<string> {
  const paths = new Set<string>();
  for (const file of readdirSync(apiDir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'client.ts') continue;
    // Comments go first: an apostrophe in one would pair the wrong quotes.
    const source = readFileSync(new URL(file, apiDir), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    // Templates first (they may hold quoted branches), then plain strings outside them.
    const templates = [...source.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '');
    const strings = [...source.replace(/`[^`]*`/g, '').matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
    const literals = [...templates, ...strings].filter((l) =>
      /^(\/[a-z]|\$\{(base|topicPath|messagesPath|groupPath)\()/.test(l),
    );
    for (const literal of literals) {
      let path = literal;
      for (const [helper, route] of HELPERS) path = path.replace(helper, route);
      for (const variant of expandChoices(path)) {
        const withoutQuery = variant.replace(/\?.*$/, '');
        paths.add(withoutQuery.replace(/\$\{[^}]*\}/g, '{}'));
      }
    }
  }
  return paths;
}

test("every path the console calls is in the server's OpenAPI document", async () => {
  const app = await createTestApp();
  try {
    const cookie = await app.login();
    const response = await app.http.inject({ url: '/api/docs/json', headers: { cookie } });
    const documented = new Set(
      Object.keys((response.json() as { paths: Record<string, unknown> }).paths).map((path) =>
        path.replace(/^\/api\/v1/, '').replace(/\{[^}]+\}/g, '{}'),
      ),
    );
    const called = clientPaths();
    assert.ok(called.size > 20, `found only ${called.size} client paths; the scan is broken`);
    const undocumented = [...called].filter((path) => !documented.has(path));
    assert.deepEqual(undocumented, [], 'the console calls paths the server does not document');
  } finally {
    await app.close();
  }
});
