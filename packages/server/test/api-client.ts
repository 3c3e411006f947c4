import type { TestApp } from '../src/testing.ts';

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field.
export type AnyBody = any;

/** Calls Weir's API in-process with a session cookie, as the console would. */
export const apiClient =
  (app: () => TestApp, cookie: () => string) =>
  async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const response = await app().http.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: cookie() },
      payload: payload as object,
    });
    return { status: response.statusCode, body: response.body ? (response.json() as AnyBody) : undefined };
  };
