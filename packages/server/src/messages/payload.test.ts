import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodePayload } from './payload.ts';

test('base64 is decoded only when it is the encoding of some bytes', () => {
  assert.deepEqual(encodePayload('aGk=', 'base64'), Buffer.from('hi'));
  assert.deepEqual(encodePayload('aGk', 'base64'), Buffer.from('hi'));
  assert.deepEqual(encodePayload('zw==', 'base64'), Buffer.from([0xcf]));
  assert.deepEqual(encodePayload('', 'base64'), Buffer.alloc(0));
  // Node would read "zz" as one byte, dropping the bits the second "z" carries.
  assert.throws(() => encodePayload('zz', 'base64'), /last character carries bits that encode nothing.*aGk=/);
  assert.throws(() => encodePayload('z', 'base64'), /length does not fit/);
  assert.throws(() => encodePayload('aGk==', 'base64'), /length does not fit/);
  assert.throws(() => encodePayload('aG-k', 'base64'), /is not base64/);
});

test('hex needs whole pairs of hex digits', () => {
  assert.deepEqual(encodePayload('68 69', 'hex'), Buffer.from('hi'));
  assert.throws(() => encodePayload('abc', 'hex'), /pairs of 0-9 and a-f/);
  assert.throws(() => encodePayload('zz', 'hex'), /is not hex/);
});
