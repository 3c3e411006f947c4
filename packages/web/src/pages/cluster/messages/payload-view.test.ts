import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Payload } from '../../../api/messages.ts';
import { previewPayload, readsAsJson, showPayload } from './payload-view.ts';

/** A part an Avro serde decoded, as the server sends it. */
const decoded = (text: string, truncated = false): Payload => ({
  kind: 'decoded',
  text,
  size: 42,
  truncated,
  serde: 'avro',
  schema: 'orders.avsc',
});

test('a decoded part reads as indented JSON under "pretty" and as its JSON text otherwise', () => {
  const payload = decoded('{"id":7,"items":["a"]}');
  assert.equal(showPayload(payload, 'pretty'), '{\n  "id": 7,\n  "items": [\n    "a"\n  ]\n}');
  assert.equal(showPayload(payload, 'text'), '{"id":7,"items":["a"]}');
  // No bytes came with it: hex and base64 show the same JSON rather than the bytes of the text.
  assert.equal(showPayload(payload, 'hex'), '{"id":7,"items":["a"]}');
  assert.equal(previewPayload(payload), '{"id":7,"items":["a"]}');
  assert.ok(readsAsJson(payload));
});

test('JSON cut at the size limit shows as it came instead of failing to indent', () => {
  assert.equal(showPayload(decoded('{"id":7,"na', true), 'pretty'), '{"id":7,"na');
  const json: Payload = { kind: 'json', text: '[1,', size: 3, truncated: true, serde: 'raw' };
  assert.equal(showPayload(json, 'pretty'), '[1,');
});

test('raw parts keep their views: text as hex, binary as hex under "pretty"', () => {
  const text: Payload = { kind: 'text', text: 'hi', size: 2, truncated: false, serde: 'raw' };
  assert.equal(showPayload(text, 'hex'), '68 69');
  assert.equal(showPayload(text, 'base64'), 'aGk=');
  const binary: Payload = { kind: 'binary', base64: 'AP8=', size: 2, truncated: false, serde: 'raw' };
  assert.equal(showPayload(binary, 'pretty'), '00 ff');
  assert.ok(!readsAsJson(text));
});
