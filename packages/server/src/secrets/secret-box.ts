import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 'v1';
const KEY_BYTES = 32;
export const KEY_FILE_NAME = 'secret.key';

/**
 * Encrypts secrets at rest (SASL passwords, TLS keys) with AES-256-GCM. The stored form is
 * `v1:<iv>:<tag>:<ciphertext>` in base64url, so a later key or algorithm can be told apart.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES)
      throw new Error(`A secret key must be ${KEY_BYTES} bytes, got ${key.length}.`);
    this.#key = key;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new Error('Stored secret has an unknown format.');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch (error) {
      throw new Error(
        'A stored secret cannot be decrypted with this secret key: was WEIR_SECRET_KEY or data/secret.key changed?',
        { cause: error },
      );
    }
  }
}

/**
 * The key comes from WEIR_SECRET_KEY (base64, 32 bytes; required when several instances share
 * PostgreSQL) or from `secret.key` in the data directory, created with mode 600 at first start.
 */
export function loadSecretKey(options: { secretKey: string | undefined; dataDir: string }): Buffer {
  if (options.secretKey) return Buffer.from(options.secretKey, 'base64');
  const path = join(options.dataDir, KEY_FILE_NAME);
  if (!existsSync(path)) {
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}
