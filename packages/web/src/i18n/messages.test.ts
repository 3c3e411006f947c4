import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROBLEM_CODES } from '@weir/api/common';
import { en } from './en.ts';
import { zh } from './zh.ts';

const englishKeys = Object.keys(en) as (keyof typeof en)[];
/** The Chinese key for an English one: `_one` forms share Chinese's single `_other` form. */
const chineseKey = (key: string) => key.replace(/_one$/, '_other') as keyof typeof zh;

test('English and Chinese have the same keys (Chinese without the _one forms) and no empty text', () => {
  const withoutOne = englishKeys.filter((key) => !key.endsWith('_one'));
  assert.deepEqual(Object.keys(zh).sort(), withoutOne.sort());
  for (const [key, text] of Object.entries(zh)) assert.ok(text.trim().length > 0, key);
});

test('every English plural has both forms, and no form is left without its pair', () => {
  for (const key of englishKeys) {
    const plural = key.match(/^(.*)_(one|other)$/);
    if (!plural) continue;
    assert.ok(`${plural[1]}_one` in en && `${plural[1]}_other` in en, `${key} needs _one and _other`);
  }
});

test('no English text counts with "(s)": plurals go through the _one/_other keys', () => {
  for (const [key, text] of Object.entries(en)) assert.doesNotMatch(text, /\w\(s\)/, key);
});

test('placeholders match between languages', () => {
  const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
  for (const key of englishKeys) {
    assert.deepEqual(placeholders(zh[chineseKey(key)]), placeholders(en[key]), key);
  }
});

test('every problem code the server may send is worded in both languages, naming its params', () => {
  for (const [code, params] of Object.entries(PROBLEM_CODES)) {
    const key = `problem.${code}`;
    for (const [language, texts] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      const text = (texts as Record<string, string>)[key];
      assert.ok(text, `${language} has no words for ${code}`);
      for (const param of params)
        assert.ok(text.includes(`{{${param}}}`), `${language} ${code} lacks ${param}`);
    }
  }
});
