import { API_PREFIX, createWeirClient } from '@weir/api';
import { injectFetch, type TestApp } from '../src/testing.ts';

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field.
export type AnyBody = any;

/** What a test checks of an answer: its status, body (an NDJSON stream as its events), text and headers. */
export interface Answer {
  status: number;
  body: AnyBody;
  /** The body as text, e.g. to check that a secret is absent anywhere in it. */
  raw: string;
  headers: Record<string, string>;
}

/**
 * Calls Weir's API through `@weir/api`'s client, as the console and the CLI do, in-process (its fetch
 * goes through `inject`) with a session cookie: `cookie()` unless the call names another. An error
 * status is answered, not thrown, so a test can check refusals.
 */
export const apiClient =
  (app: () => TestApp, cookie: () => string) =>
  async (method: string, url: string, payload?: unknown, as?: string): Promise<Answer> => {
    const client = createWeirClient({
      baseUrl: 'http://localhost',
      fetch: injectFetch(app().http),
      auth: { cookie: as ?? cookie() },
    });
    const answer = await client.request<unknown>(method, `${API_PREFIX}${url}`, payload);
    const ndjson = (answer.headers.get('content-type') ?? '').includes('ndjson');
    const raw =
      typeof answer.body === 'string'
        ? answer.body
        : answer.body === undefined
          ? ''
          : JSON.stringify(answer.body);
    return {
      status: answer.status,
      body: ndjson ? events(answer.body) : answer.body,
      raw,
      headers: Object.fromEntries(answer.headers),
    };
  };

/** A whole NDJSON answer's events (one line parses as a single JSON value, several as text). */
function events(body: unknown): AnyBody[] {
  if (body === undefined) return [];
  if (typeof body !== 'string') return [body];
  return body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}
