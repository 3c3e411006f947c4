import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface StoredCredentials {
  url: string;
  username: string;
  token: string;
  expiresAt: string;
}

/** `$WEIR_CLI_HOME/credentials.json`, by default under ~/.config/weir; readable by its owner only. */
export const credentialsPath = (env: NodeJS.ProcessEnv = process.env): string =>
  join(
    env.WEIR_CLI_HOME ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'weir'),
    'credentials.json',
  );

export function readCredentials(path = credentialsPath()): StoredCredentials | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StoredCredentials;
  } catch {
    return undefined;
  }
}

export function writeCredentials(credentials: StoredCredentials, path = credentialsPath()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}
