import { hostname } from 'node:os';
import { parseCommandArgs } from '../args.ts';
import { credentialsPath, writeCredentials } from '../credentials.ts';
import { CliError } from '../errors.ts';
import { promptHidden, readStdin } from '../prompt.ts';
import { weirClient } from '../session.ts';

const HELP = `weir login — log in and store an API token for later weir commands

Options:
  --url <url>             Weir server (default: $WEIR_URL or http://127.0.0.1:8080)
  --username <name>       default: admin
  --password-stdin        read the password from standard input (else $WEIR_PASSWORD, else a prompt)
  --expires-in-days <n>   token lifetime, 1-365 (default 90)

The token is stored in ${credentialsPath()} (mode 600).`;

export async function loginCommand(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(
    args,
    {
      url: { type: 'string' },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'expires-in-days': { type: 'string' },
    },
    HELP,
    { command: 'login' },
  );
  const url = (values.url as string | undefined) ?? process.env.WEIR_URL ?? 'http://127.0.0.1:8080';
  const username = (values.username as string | undefined) ?? 'admin';
  const expiresInDays = Number((values['expires-in-days'] as string | undefined) ?? 90);
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 365) {
    throw new CliError('--expires-in-days must be a whole number from 1 to 365.');
  }
  const password = values['password-stdin']
    ? await readStdin()
    : (process.env.WEIR_PASSWORD ??
      (process.stdin.isTTY ? await promptHidden(`Password for ${username}: `) : ''));
  if (!password)
    throw new CliError('No password given: use --password-stdin, $WEIR_PASSWORD or a terminal prompt.');

  const { user, sessionCookie } = await weirClient(url).auth.login({ username, password });
  if (!sessionCookie) throw new CliError('The server did not start a session; is this a Weir server?', 1);
  const asSession = weirClient(url, { cookie: sessionCookie });
  const created = await asSession.auth.createToken({ name: `weir CLI on ${hostname()}`, expiresInDays });
  // The token replaces the session; end it so it does not linger.
  await asSession.auth.logout();
  writeCredentials({
    url,
    username: user.username,
    token: created.secret,
    expiresAt: created.token.expiresAt,
  });
  console.log(`Logged in to ${url} as ${user.username}; token valid until ${created.token.expiresAt}.`);
}
