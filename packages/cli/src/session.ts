import type { ClusterView } from '@weir/api';
import { type ApiProblem, createWeirClient, type WeirClient, type WeirClientOptions } from '@weir/api/client';
import { readCredentials } from './credentials.ts';
import { CliError } from './errors.ts';
import { didYouMean } from './suggest.ts';

/** Where and as whom API commands run: --url/--token, else $WEIR_URL/$WEIR_TOKEN, else `weir login`'s file. */
export interface Session {
  /** The server's address, as given. */
  url: string;
  /** Weir's API as the session's token; an error status throws ApiProblem (see {@link describeProblem}). */
  api: WeirClient;
}

export { SESSION_OPTIONS } from './output.ts';

/** Bounds every request but a stream: a tail runs until its own time budget ends. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * @throws CliError (exit 2) when neither flags, environment nor `weir login` say which server and token.
 */
export function openSession(values: Record<string, string | boolean | string[] | undefined>): Session {
  const stored = readCredentials();
  const url = (values.url as string | undefined) ?? process.env.WEIR_URL ?? stored?.url;
  const token = (values.token as string | undefined) ?? process.env.WEIR_TOKEN ?? stored?.token;
  if (!url || !token) throw new CliError('Not logged in: run "weir login" first, or pass --url and --token.');
  return { url, api: weirClient(url, { bearer: token }) };
}

/** A client for `url` whose connection failures are CliErrors (exit 1) that say what to check. */
export function weirClient(url: string, auth?: WeirClientOptions['auth']): WeirClient {
  return createWeirClient({ baseUrl: url, auth, timeoutMs: REQUEST_TIMEOUT_MS, fetch: reaching(url) });
}

function reaching(url: string): typeof fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (error) {
      // A search or tail (NDJSON) has always said less: the server answered its cluster lookup just before.
      const streaming = new Headers(init?.headers).get('accept') === 'application/x-ndjson';
      const hint = streaming ? '' : ' Check --url and that "weir serve" is running.';
      throw new CliError(`Cannot reach Weir at ${url}: ${(error as Error).message}.${hint}`, 1);
    }
  };
}

/**
 * An error status as the CLI prints it: `401 Unauthorized: Invalid username or password`, then each
 * input problem on its own line (unless `withProblems` is false).
 */
export function describeProblem(problem: ApiProblem, withProblems = true): string {
  const problems = withProblems && problem.problems.length ? `\n  - ${problem.problems.join('\n  - ')}` : '';
  return `${problem.status} ${problem.title}: ${problem.detail}${problems}`.trim();
}

/** Finds a cluster by name or id. */
export async function resolveCluster(session: Session, nameOrId: string | undefined): Promise<ClusterView> {
  if (!nameOrId)
    throw new CliError('Name the cluster with --cluster <name or id>; "weir clusters list" shows them.');
  const clusters = await session.api.clusters.list();
  const match = clusters.find((c) => c.id === nameOrId || c.name === nameOrId);
  if (!match) {
    const names = clusters.map((c) => c.name);
    throw new CliError(
      `No cluster "${nameOrId}"${didYouMean(nameOrId, names, (name) => `"${name}"`) || '.'} Known: ${names.join(', ') || 'none yet'}.`,
    );
  }
  return match;
}
