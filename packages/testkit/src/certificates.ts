import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY_PASSWORD = 'weir-test-key';

export interface TestCertificates {
  /** PEM of the CA that signed the broker certificate: what a client must trust. */
  caPem: string;
  /** PEM keystore for the broker: its encrypted PKCS#8 private key, then its certificate. */
  brokerKeystorePath: string;
  /** Password of that key (Kafka 2.x reads only encrypted PEM keys). */
  brokerKeyPassword: string;
}

/**
 * A throwaway CA and a broker certificate for 127.0.0.1 and localhost, made with openssl in the
 * cluster's temp directory. For tests only.
 */
export function makeTestCertificates(dir: string): TestCertificates {
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=weir-test-ca',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
    );
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-keyout',
      'broker.key',
      '-out',
      'broker.csr',
    );
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    openssl(
      'x509',
      '-req',
      '-in',
      'broker.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      'san.ext',
      '-out',
      'broker.pem',
    );
    openssl(
      'pkcs8',
      '-topk8',
      // PBES1 with 3DES: Java 17 cannot read PBES2-encrypted PEM keys ("PBES2 SecretKeyFactory not available").
      '-v1',
      'PBE-SHA1-3DES',

      '-in',
      'broker.key',
      '-passout',
      `pass:${KEY_PASSWORD}`,
      '-out',
      'broker-encrypted.key',
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(
      `openssl could not make test certificates (apt-get install openssl): ${stderr || (error as Error).message}`,
    );
  }
  const keystore = join(dir, 'broker-keystore.pem');
  writeFileSync(
    keystore,
    readFileSync(join(dir, 'broker-encrypted.key'), 'utf8') + readFileSync(join(dir, 'broker.pem'), 'utf8'),
  );
  return {
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    brokerKeystorePath: keystore,
    brokerKeyPassword: KEY_PASSWORD,
  };
}
