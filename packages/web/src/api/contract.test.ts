/**
 * The console reaches the server only through @weir/api: its one shared client (`weir`, api/weir.ts)
 * and, where a URL is needed, the `paths` builders. That no console file calls the server by itself is
 * checked with the CLI's and the tests' code in api/src/clients.test.ts; whether @weir/api's routes
 * and client match the server, on the server's side (packages/server/src/http/api-contract.test.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createWeirClient, paths, routes } from '@weir/api';

const srcDir = fileURLToPath(new URL('../', import.meta.url));

/** Every shipped source file of the console (tests left out), its comments removed. */
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .map((file) => ({
    file: relative(srcDir, `${srcDir}/${file}`),
    // Block comments, then line comments (not the `//` of a URL inside a string).
    code: readFileSync(`${srcDir}/${file}`, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
  }));

/** `noun.name` of every `<object>.<noun>.<name>` the console writes. */
function uses(object: string): { file: string; noun: string; name: string }[] {
  const pattern = new RegExp(`\\b${object}\\.(\\w+)\\.(\\w+)\\b`, 'g');
  return sources.flatMap(({ file, code }) =>
    [...code.matchAll(pattern)].map(([, noun = '', name = '']) => ({ file, noun, name })),
  );
}

test('the console has one client: createWeirClient is called once, in api/weir.ts', () => {
  assert.ok(sources.length > 30, `found only ${sources.length} source files; the scan is broken`);
  const creators = sources.filter(({ code }) => /\bcreateWeirClient\s*\(/.test(code)).map(({ file }) => file);
  assert.deepEqual(creators, ['api/weir.ts']);
});

test('every client method the console calls is one @weir/api offers', () => {
  const client = createWeirClient() as unknown as Record<string, Record<string, unknown>>;
  const called = uses('weir');
  assert.ok(called.length > 20, `found only ${called.length} client calls; the scan is broken`);
  const unknown = called.filter(({ noun, name }) => typeof client[noun]?.[name] !== 'function');
  assert.deepEqual(
    unknown.map(({ file, noun, name }) => `${file}: weir.${noun}.${name}`),
    [],
    'the console calls client methods @weir/api does not have',
  );
});

test("every paths builder the console uses is one of @weir/api's routes", () => {
  const builders = paths as unknown as Record<string, Record<string, unknown>>;
  const patterns = routes as unknown as Record<string, Record<string, string>>;
  const missing = uses('paths').filter(
    ({ noun, name }) => typeof builders[noun]?.[name] !== 'function' || !patterns[noun]?.[name],
  );
  assert.deepEqual(
    missing.map(({ file, noun, name }) => `${file}: paths.${noun}.${name}`),
    [],
    'the console builds paths @weir/api has no route for',
  );
});
