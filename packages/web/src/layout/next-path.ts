/** Where the console goes after login when `next` is missing or refused. */
export const DEFAULT_AFTER_LOGIN = '/clusters';

/**
 * The page to open after login, from the login page's `next` parameter: only a path on this origin
 * (`/clusters/x/topics?q=a`), never another site. `//evil.example` and `/\evil.example` are refused
 * because browsers read both as a host; anything absolute (`https:…`, `javascript:…`) too.
 * @param next the raw `next` query value, or null when absent
 * @returns a path with its search and hash, or {@link DEFAULT_AFTER_LOGIN}
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return DEFAULT_AFTER_LOGIN;
  const base = 'http://console.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  if (url.origin !== base || url.pathname.startsWith('/login')) return DEFAULT_AFTER_LOGIN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page's address that comes back to `path` (a location's pathname and search) after login. */
export const loginPathFor = (path: string): string =>
  path === '/' || path.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(path)}`;
