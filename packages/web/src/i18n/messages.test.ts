import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROBLEM_CODES } from '@weir/api/common';
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

test('every problem code the server may send is worded in both languages, naming its params', () => {
  for (const [code, params] of Object.entries(PROBLEM_CODES)) {
    const key = `problem.${code}` as keyof typeof en;
    for (const [language, texts] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      const text = texts[key];
      assert.ok(text, `${language} has no words for ${code}`);
      for (const param of params)
        assert.ok(text.includes(`{{${param}}}`), `${language} ${code} lacks ${param}`);
    }
  }
});
