import type { Problem } from './common.ts';
import { withQuery } from './paths.ts';

/**
 * An error response from Weir: the RFC 9457 problem it carried (`application/problem+json`), or, when
 * the body was not one (a proxy's HTML page), the status with the body's text as `detail`.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly detail: string;
  /** Every individual input problem, when the request was invalid (the problem body's `problems`). */
  readonly problems: string[];
  /** Seconds to wait before trying again (a 429's `Retry-After`), when the server said. */
  readonly retryAfterSeconds: number | undefined;
  /** The problem's stable name (`PROBLEM_CODES`), when it has one, for wording it in another language. */
  readonly code: string | undefined;
  /** The values the code's sentence names. */
  readonly params: Record<string, string | number>;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.title = problem.title;
    this.type = problem.type;
    this.detail = problem.detail;
    this.problems = problem.problems ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
    this.code = problem.code;
    this.params = problem.params ?? {};
  }
}

/** The server's answer, when the caller wants the status and headers too. */
export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** What the response should be (`application/json` unless said). */
  accept?: string;
}

export interface TransportOptions {
  /** Weir's address, e.g. `http://127.0.0.1:8080`; empty in the console, which calls its own origin. */
  baseUrl?: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /**
   * How to authenticate: an API token (`Authorization: Bearer`), or a session cookie
   * (`weir_session=…`, as `auth.login` returns it). Leave out in a browser, which sends its own
   * cookie.
   */
  auth?: { bearer: string } | { cookie: string };
  /**
   * The `Origin` header for state-changing requests. Weir refuses cookie-authenticated writes that do
   * not say they come from its own origin (CSRF guard); with a cookie this defaults to `baseUrl`'s
   * origin. Browsers set Origin themselves and ignore this.
   */
  origin?: string;
  /**
   * Milliseconds after which a JSON or file request is aborted (as the CLI's 30 s); never applied
   * to streams, which run until their own time budget ends. No limit by default.
   */
  timeoutMs?: number;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One door to the server's HTTP API: headers, auth, JSON, problems. */
export class Transport {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #auth: TransportOptions['auth'];
  readonly #origin: string | undefined;
  readonly #timeoutMs: number | undefined;

  constructor(options: TransportOptions = {}) {
    this.#baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    // Called unbound, a browser's fetch throws "Illegal invocation".
    const fetchFn = options.fetch ?? globalThis.fetch;
    this.#fetch = (input, init) => fetchFn(input, init);
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs;
    this.#origin =
      options.origin ??
      (options.auth && 'cookie' in options.auth && this.#baseUrl ? new URL(this.#baseUrl).origin : undefined);
  }

  /** Sends a request and answers with its response, whatever its status. */
  async fetch(path: string, options: RequestOptions = {}): Promise<Response> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (this.#auth && 'bearer' in this.#auth) headers.authorization = `Bearer ${this.#auth.bearer}`;
    if (this.#auth && 'cookie' in this.#auth) headers.cookie = this.#auth.cookie;
    if (this.#origin && UNSAFE_METHODS.has(method)) headers.origin = this.#origin;
    return this.#fetch(`${this.#baseUrl}${withQuery(path, options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  }

  /** The response with its JSON body parsed (undefined when empty), whatever its status. */
  async request<T = unknown>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await this.fetch(path, this.#bounded(options));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseBody(text) as T };
  }

  /**
   * The JSON body of a successful answer (undefined for 204).
   *
   * @throws ApiProblem when the server answered with an error status.
   */
  async json<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await this.fetch(path, this.#bounded(options));
    if (!response.ok) throw await problemOf(response);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseBody(text) as T };
  }

  /**
   * An NDJSON answer as an async iterable of its events, each yielded as its line arrives. Leaving
   * the loop early, or aborting `signal`, ends the request (the server stops the work it streams).
   *
   * @throws ApiProblem when the server refused before streaming (bad input, unknown topic, …).
   */
  async stream<Event>(path: string, options: RequestOptions = {}): Promise<AsyncIterable<Event>> {
    const response = await this.fetch(path, { ...options, accept: 'application/x-ndjson' });
    if (!response.ok) throw await problemOf(response);
    if (!response.body) return emptyStream<Event>();
    return ndjsonEvents<Event>(response.body);
  }

  /**
   * A successful answer as it came (a file), for the caller to read as text or bytes.
   *
   * @throws ApiProblem when the server answered with an error status.
   */
  async file(path: string, options: RequestOptions = {}): Promise<Response> {
    const response = await this.fetch(path, this.#bounded({ ...options, accept: options.accept ?? '*/*' }));
    if (!response.ok) throw await problemOf(response);
    return response;
  }

  /** `options` with the timeout added to its signal, when the client has one. */
  #bounded(options: RequestOptions): RequestOptions {
    if (this.#timeoutMs === undefined) return options;
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    return { ...options, signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout };
  }
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The error an error response stands for; a body that is not a problem document becomes its detail. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  const body = parseBody(text);
  const retryAfter = response.headers.get('retry-after');
  const retryAfterSeconds = retryAfter !== null && retryAfter !== '' ? Number(retryAfter) : undefined;
  if (isProblem(body)) return new ApiProblem(body, retryAfterSeconds);
  return new ApiProblem(
    {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      detail: text || response.statusText || `The server answered ${response.status} without a body.`,
    },
    retryAfterSeconds,
  );
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const fields = body as Record<string, unknown>;
  return typeof fields.status === 'number' && typeof fields.detail === 'string';
}

async function* emptyStream<Event>(): AsyncGenerator<Event> {}

/** Lines of `body` parsed as JSON, one event per non-blank line. */
export async function* ndjsonEvents<Event>(body: ReadableStream<Uint8Array>): AsyncGenerator<Event> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.trim()) yield JSON.parse(line) as Event;
        newline = pending.indexOf('\n');
      }
    }
    pending += decoder.decode();
    if (pending.trim()) yield JSON.parse(pending) as Event;
  } finally {
    // Leaving early: cancelling the body closes the connection, which cancels the server's work.
    await reader.cancel().catch(() => {});
  }
}
