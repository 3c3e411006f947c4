import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KEY_FILE_NAME, loadSecretKey, SecretBox } from './secret-box.ts';

test('sealed secrets open with the same key, differ each time, and hide the plaintext', () => {
  const box = new SecretBox(randomBytes(32));
  const first = box.seal('alice-secret');
  const second = box.seal('alice-secret');
  assert.notEqual(first, second);
  assert.equal(first.includes('alice'), false);
  assert.equal(box.open(first), 'alice-secret');
  assert.equal(box.open(box.seal('')), '');
});

test('another key or a tampered value is refused with a message naming the key', () => {
  const sealed = new SecretBox(randomBytes(32)).seal('x');
  assert.throws(
    () => new SecretBox(randomBytes(32)).open(sealed),
    /WEIR_SECRET_KEY or data\/secret.key changed/,
  );
  assert.throws(() => new SecretBox(randomBytes(32)).open('v0:a:b:c'), /unknown format/);
});

test('the key file is created once with mode 600 and reused', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'weir-key-'));
  const key = loadSecretKey({ secretKey: undefined, dataDir });
  assert.equal(key.length, 32);
  assert.equal(statSync(join(dataDir, KEY_FILE_NAME)).mode & 0o777, 0o600);
  assert.deepEqual(loadSecretKey({ secretKey: undefined, dataDir }), key);
  const fromEnv = randomBytes(32);
  assert.deepEqual(loadSecretKey({ secretKey: fromEnv.toString('base64'), dataDir }), fromEnv);
});
