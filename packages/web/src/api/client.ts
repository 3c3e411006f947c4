/** An error the server answered with: its status and the problem detail it sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly retryAfterSeconds: number | undefined;
  constructor(status: number, title: string, detail: string, retryAfterSeconds?: number) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** An RFC 9457 problem body as the server sends it; `problems` lists each invalid field. */
interface Problem {
  title?: string;
  detail?: string;
  problems?: string[];
}

/** The one place a failed response becomes an ApiError: its problem body, or its status text. */
async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  let problem: Problem;
  try {
    problem = text ? (JSON.parse(text) as Problem) : {};
  } catch {
    problem = { detail: text };
  }
  const problems = problem.problems?.length ? ` (${problem.problems.join('; ')})` : '';
  const retryAfter = response.headers.get('retry-after');
  return new ApiError(
    response.status,
    problem.title ?? response.statusText,
    `${problem.detail ?? response.statusText}${problems}`,
    retryAfter ? Number(retryAfter) : undefined,
  );
}

/**
 * A POST answered with NDJSON (searches, live tail): each event handed over as it arrives, until
 * the server ends the stream or `signal` aborts it.
 */
export async function apiStream<Event>(
  path: string,
  body: unknown,
  onEvent: (event: Event) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok || !response.body) throw await problemOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += value;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as Event);
  }
}

/** A POST answered with a file; resolves with its bytes and the name the server gave it. */
export async function apiDownload(path: string, body: unknown): Promise<{ blob: Blob; filename: string }> {
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  return { blob: await response.blob(), filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export' };
}

/** The one place the console calls the server: JSON in and out, errors as ApiError. */
export async function apiRequest<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers:
      init.body === undefined
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw await problemOf(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
