import { ApiProblem, createWeirClient } from '@weir/api/client';

/**
 * The console's one client of the API: its own origin with the session cookie, so no base URL or
 * token. Every error status rejects with an {@link ApiProblem}.
 */
export const weir = createWeirClient();

export { ApiProblem };

/**
 * What a page shows for a failed request: a problem's `detail`, then, in parentheses, each invalid
 * field the detail does not already say (`detail (a; b)`), so no sentence shows twice; any other
 * error's message.
 */
export function errorText(error: Error): string {
  if (!(error instanceof ApiProblem)) return error.message;
  const unsaid = error.problems.filter((problem) => !error.detail.includes(problem));
  return unsaid.length ? `${error.detail} (${unsaid.join('; ')})` : error.detail;
}
