import { CliError } from './errors.ts';

export interface ApiCallOptions {
  method?: string;
  body?: unknown;
  token?: string;
  cookie?: string;
  timeoutMs?: number;
  /** Return the body as text (a file), not parsed JSON. */
  raw?: boolean;
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
  if (options.cookie) {
    headers.cookie = options.cookie;
    // Weir refuses cookie-authenticated writes that do not say they come from its own origin (CSRF guard).
    headers.origin = new URL(baseUrl).origin;
  }
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
  if (options.raw && response.ok)
    return { status: response.status, body: text as T, headers: response.headers };
  const body = text ? (JSON.parse(text) as T) : (undefined as T);
  if (!response.ok) {
    const problem = body as { detail?: string; title?: string; problems?: string[] } | undefined;
    const problems = problem?.problems?.length ? `\n  - ${problem.problems.join('\n  - ')}` : '';
    throw new CliError(
      `${response.status} ${problem?.title ?? ''}: ${problem?.detail ?? text}${problems}`.trim(),
      1,
    );
  }
  return { status: response.status, body, headers: response.headers };
}

/**
 * POSTs and reads an NDJSON answer line by line as it arrives (searches, live tail); no overall
 * timeout, since a tail runs until its own time budget ends.
 */
export async function streamApi<Event>(
  baseUrl: string,
  path: string,
  options: { body: unknown; token: string },
  onEvent: (event: Event) => void,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: {
        accept: 'application/x-ndjson',
        'content-type': 'application/json',
        authorization: `Bearer ${options.token}`,
      },
      body: JSON.stringify(options.body),
    });
  } catch (error) {
    throw new CliError(`Cannot reach Weir at ${baseUrl}: ${(error as Error).message}.`, 1);
  }
  if (!response.ok || !response.body) {
    const text = await response.text();
    const problem = (text ? JSON.parse(text) : {}) as { detail?: string; title?: string };
    throw new CliError(`${response.status} ${problem.title ?? ''}: ${problem.detail ?? text}`.trim(), 1);
  }
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of response.body) {
    pending += decoder.decode(chunk as Uint8Array, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.trim()) onEvent(JSON.parse(line) as Event);
      newline = pending.indexOf('\n');
    }
  }
}
