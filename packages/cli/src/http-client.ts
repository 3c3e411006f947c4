import { CliError } from './errors.ts';

export interface ApiCallOptions {
  method?: string;
  body?: unknown;
  token?: string;
  cookie?: string;
  timeoutMs?: number;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP door for the CLI: JSON in and out, the server's problem detail turned into a CliError. */
export async function callApi<T>(
  baseUrl: string,
  path: string,
  options: ApiCallOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  let response: Response;
  try {
    response = await fetch(new URL(path, baseUrl), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new CliError(
      `Cannot reach Weir at ${baseUrl}: ${(error as Error).message}. Check --url and that "weir serve" is running.`,
      1,
    );
  }
  const text = await response.text();
  const body = text ? (JSON.parse(text) as T) : (undefined as T);
  if (!response.ok) {
    const problem = body as { detail?: string; title?: string } | undefined;
    throw new CliError(`${response.status} ${problem?.title ?? ''}: ${problem?.detail ?? text}`.trim(), 1);
  }
  return { status: response.status, body, headers: response.headers };
}
