/**
 * A name as one URL path segment, the way the server reads it (packages/server/src/http/path-names.ts):
 * `.`, `..`, an empty name or one starting with `~` gets a leading `~`, since HTTP clients drop
 * `.` and `..` segments (even as %2E); then it is percent-encoded.
 */
export function pathName(name: string): string {
  const escaped = name === '' || name === '.' || name === '..' || name.startsWith('~');
  return `${escaped ? '~' : ''}${encodeURIComponent(name)}`;
}
