/**
 * Names in URL paths, as the server reads them (packages/server/src/http/path-names.ts): a name that
 * is `.`, `..`, empty or starts with `~` gets one leading `~`, because browsers drop `.` and `..`
 * segments even when written %2E; then the name is percent-encoded.
 */
export function apiPathName(name: string): string {
  const escaped = name === '' || name === '.' || name === '..' || name.startsWith('~');
  return `${escaped ? '~' : ''}${encodeURIComponent(name)}`;
}

/**
 * The segment for a console route (`/clusters/:id/groups/:groupId`). React Router decodes a segment
 * once and then turns every "%2F" into "/", which would corrupt a name holding a literal "%2F";
 * encoding the API form once more leaves only escapes for it to decode. Read it back with
 * `nameFromRoute`.
 */
export const routePathName = (name: string): string => encodeURIComponent(apiPathName(name));

/** The name behind a route parameter as `useParams` gives it. */
export function nameFromRoute(param: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    // Typed by hand with a stray "%": take it as written.
    decoded = param;
  }
  return decoded.startsWith('~') ? decoded.slice(1) : decoded;
}
