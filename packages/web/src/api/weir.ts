import { ApiProblem, createWeirClient } from '@weir/api/client';
import { paths } from '@weir/api/paths';

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/**
 * Calls `listener` whenever the server answers 401 to any call but the login itself: the session
 * expired or was revoked, so the console must send the user to the login page. Returns the
 * unsubscribe function.
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const loginPath = paths.auth.login();

/** The browser's fetch, watching for a 401 (the one place the console sees every answer's status). */
const watchedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  // A wrong password at login is a 401 too, and is the login form's to show.
  if (response.status === 401 && !new URL(url, window.location.href).pathname.endsWith(loginPath)) {
    for (const listener of sessionEndedListeners) listener();
  }
  return response;
};

/**
 * The console's one client of the API: its own origin with the session cookie, so no base URL or
 * token. Every error status rejects with an {@link ApiProblem}; a 401 also tells
 * {@link onSessionEnded}'s listeners.
 */
export const weir = createWeirClient({ fetch: watchedFetch });

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
