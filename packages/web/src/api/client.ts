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

interface Problem {
  title?: string;
  detail?: string;
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
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const problem = (body ?? {}) as Problem;
    const retryAfter = response.headers.get('retry-after');
    throw new ApiError(
      response.status,
      problem.title ?? response.statusText,
      problem.detail ?? response.statusText,
      retryAfter ? Number(retryAfter) : undefined,
    );
  }
  return body as T;
}
