import { readCredentials } from './credentials.ts';
import { CliError } from './errors.ts';
import { type ApiCallOptions, callApi, streamApi } from './http-client.ts';

/** Where and as whom API commands run: --url/--token, else $WEIR_URL/$WEIR_TOKEN, else `weir login`'s file. */
export interface Session {
  call<T>(path: string, options?: Omit<ApiCallOptions, 'token'>): Promise<T>;
  /** An NDJSON-streaming POST: each event as it arrives. */
  stream<Event>(path: string, body: unknown, onEvent: (event: Event) => void): Promise<void>;
}

export const SESSION_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function openSession(values: Record<string, string | boolean | string[] | undefined>): Session {
  const stored = readCredentials();
  const url = (values.url as string | undefined) ?? process.env.WEIR_URL ?? stored?.url;
  const token = (values.token as string | undefined) ?? process.env.WEIR_TOKEN ?? stored?.token;
  if (!url || !token) throw new CliError('Not logged in: run "weir login" first, or pass --url and --token.');
  return {
    call: async <T>(path: string, options = {}) =>
      (await callApi<T>(url, `/api/v1${path}`, { ...options, token })).body,
    stream: (path, body, onEvent) => streamApi(url, `/api/v1${path}`, { body, token }, onEvent),
  };
}

interface ClusterRef {
  id: string;
  name: string;
}

/** Finds a cluster by name or id. */
export async function resolveCluster(session: Session, nameOrId: string | undefined): Promise<ClusterRef> {
  if (!nameOrId)
    throw new CliError('Name the cluster with --cluster <name or id>; "weir clusters list" shows them.');
  const { clusters } = await session.call<{ clusters: ClusterRef[] }>('/clusters');
  const match = clusters.find((c) => c.id === nameOrId || c.name === nameOrId);
  if (!match) {
    throw new CliError(
      `No cluster "${nameOrId}". Known: ${clusters.map((c) => c.name).join(', ') || 'none yet'}.`,
    );
  }
  return match;
}
