import { ApiProblem, createWeirClient } from '@weir/api/client';

/**
 * The console's one client of the API: its own origin with the session cookie, so no base URL or
 * token. Every error status rejects with an {@link ApiProblem}.
 */
export const weir = createWeirClient();

export { ApiProblem };

/**
 * What a page shows for a failed request: a problem's `detail`, with each invalid field after it in
 * parentheses (`detail (a; b)`); any other error's message.
 */
export function errorText(error: Error): string {
  if (!(error instanceof ApiProblem)) return error.message;
  return error.problems.length ? `${error.detail} (${error.problems.join('; ')})` : error.detail;
}
