/**
 * Every string the console shows goes through i18n: a test fails on English text written straight
 * into a component (JSX text, or a visible prop such as a title or placeholder), so the Chinese
 * console never shows an untranslated sentence. Names that stay as they are in every language
 * (Kafka's terms, protocol names, example values) are not sentences and pass.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseSync } from '@swc/core';

const srcDir = fileURLToPath(new URL('../', import.meta.url));

/** Props whose text a person reads or a screen reader speaks. */
const VISIBLE_PROPS = new Set([
  'title',
  'placeholder',
  'aria-label',
  'alt',
  'label',
  'okText',
  'cancelText',
  'message',
  'description',
  'tooltip',
  'extra',
  'addonBefore',
  'addonAfter',
  'emptyText',
]);

/**
 * Two words with lower-case letters and a space between: a sentence or a phrase, not a name, an
 * example value or a constant such as a PEM header.
 */
const PHRASE = /[A-Za-z]*[a-z][A-Za-z]*\s+[A-Za-z]*[a-z]/;
/** A single word of text between tags (`<span>Topics</span>`). */
const WORD = /[A-Za-z]{3,}/;

// biome-ignore lint/suspicious/noExplicitAny: swc's AST is walked generically, node by node.
type Node = any;

/** Each visible English text of one component file, as `file:line what`. */
function findings(file: string): string[] {
  const code = readFileSync(join(srcDir, file), 'utf8');
  const module = parseSync(code, { syntax: 'typescript', tsx: true });
  // swc's byte offsets run on across parses; the module's own start is this file's offset 0 (+1).
  const base = module.span.start;
  const bytes = Buffer.from(code);
  const line = (node: Node) =>
    bytes
      .subarray(0, node.span.start - base)
      .toString()
      .split('\n').length;
  const found: string[] = [];
  const visit = (node: Node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.type === 'JSXText' && WORD.test(node.value))
      found.push(`${file}:${line(node)} text "${node.value.trim()}"`);
    if (node.type === 'JSXAttribute' && VISIBLE_PROPS.has(node.name?.value)) {
      const value = node.value?.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
      if (value?.type === 'StringLiteral' && PHRASE.test(value.value))
        found.push(`${file}:${line(node)} ${node.name.value}="${value.value}"`);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'span') visit(child);
  };
  visit(module);
  return found;
}

test('no component shows English text that is not an i18n key', () => {
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.tsx') && !file.includes('.test.'),
  );
  assert.ok(files.length > 30, `found only ${files.length} components; the scan is broken`);
  assert.deepEqual(files.flatMap(findings), []);
});
