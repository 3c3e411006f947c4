/**
 * The console translates each topic preset by its id (`create.preset.<id>` in packages/web's
 * messages). The server must not import the console, so this reads the console's English and
 * Chinese message files as text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createTestApp } from '../testing.ts';

const messagesDir = new URL('../../../web/src/i18n/', import.meta.url);

/** The `create.preset.*` entries of one console message file (`'key': 'text',` lines). */
function presetTexts(file: string): Map<string, string> {
  const source = readFileSync(new URL(file, messagesDir), 'utf8');
  const entries = source.matchAll(/^\s*'(create\.preset\.[^']+)':\s*'((?:[^'\\]|\\.)*)',?\s*$/gm);
  return new Map([...entries].map(([, key = '', text = '']) => [key, text.replace(/\\(.)/g, '$1')]));
}

test("every topic preset the server offers has a label in both console languages, the English the same as the server's", async () => {
  const en = presetTexts('en.ts');
  const zh = presetTexts('zh.ts');
  assert.ok(en.size > 0 && zh.size > 0, 'found no create.preset.* messages; the scan is broken');
  const app = await createTestApp();
  try {
    const cookie = await app.login();
    const response = await app.http.inject({ url: '/api/v1/topic-presets', headers: { cookie } });
    const { presets } = response.json() as { presets: { id: string; label: string }[] };
    assert.ok(presets.length > 0);
    for (const preset of presets) {
      const key = `create.preset.${preset.id}`;
      assert.equal(en.get(key), preset.label, key);
      assert.ok(zh.get(key), `${key} has no Chinese text`);
    }
  } finally {
    await app.close();
  }
});
