import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '@weir/server/testing';
import { en } from './en.ts';
import { zh } from './zh.ts';

test('English and Chinese have exactly the same keys and no empty text', () => {
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const [key, text] of Object.entries(zh)) assert.ok(text.trim().length > 0, key);
});

test('placeholders match between languages', () => {
  const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), key);
  }
});

test("every topic preset the server offers has a label in both languages, the same as the server's", async () => {
  const app = await createTestApp();
  try {
    const cookie = await app.login();
    const response = await app.http.inject({ url: '/api/v1/topic-presets', headers: { cookie } });
    const { presets } = response.json() as { presets: { id: string; label: string }[] };
    assert.ok(presets.length > 0);
    for (const preset of presets) {
      const key = `create.preset.${preset.id}` as keyof typeof en;
      assert.equal(en[key], preset.label, key);
      assert.ok(zh[key], `${key} has no Chinese text`);
    }
  } finally {
    await app.close();
  }
});
