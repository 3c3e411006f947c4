import { ApiProblem, createWeirClient } from '@weir/api/client';

/**
 * The console's one client of the API: its own origin with the session cookie, so no base URL or
 * token. Every error status rejects with an {@link ApiProblem}.
 */
export const weir = createWeirClient();

export { ApiProblem };

/** Words a coded problem in the user's language; null when it has no words for that code. */
export type ProblemTranslator = (code: string, params: Record<string, string | number>) => string | null;

let translate: ProblemTranslator = () => null;

/** Set once at start-up (main.tsx), so errorText words coded problems in the user's language. */
export function translateProblemsWith(translator: ProblemTranslator): void {
  translate = translator;
}

/**
 * What a page shows for a failed request: a coded problem in the user's language, else its
 * `detail`; then, in parentheses, each invalid field the detail does not already say (`detail (a;
 * b)`), so no sentence shows twice; any other error's message.
 */
export function errorText(error: Error): string {
  if (!(error instanceof ApiProblem)) return error.message;
  const worded = error.code ? translate(error.code, error.params) : null;
  if (worded) return worded;
  const unsaid = error.problems.filter((problem) => !error.detail.includes(problem));
  return unsaid.length ? `${error.detail} (${unsaid.join('; ')})` : error.detail;
}
