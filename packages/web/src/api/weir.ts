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

/**
 * What a page shows for a failed request: a problem's `detail`, with each invalid field after it in
 * parentheses (`detail (a; b)`); any other error's message.
 */
export function errorText(error: Error): string {
  if (!(error instanceof ApiProblem)) return error.message;
  return error.problems.length ? `${error.detail} (${error.problems.join('; ')})` : error.detail;
}
