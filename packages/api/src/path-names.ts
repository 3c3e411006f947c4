/**
 * How a name travels in a URL path. Browsers and HTTP clients remove `.` and `..` segments (also
 * when written %2E, per the WHATWG URL standard), so `/groups/..` would reach the cluster instead of
 * group `..`. A segment that is `.`, `..`, empty, or starts with `~` therefore gets one leading `~`,
 * and the server drops it; every other name is only percent-encoded (encodeURIComponent). Topic
 * names never change: Kafka forbids `.`, `..` and `~` in them.
 */
export const PATH_NAME_ESCAPE = '~';

/** The path segment for `name`: escaped as above, then percent-encoded. */
export function encodePathName(name: string): string {
  const escaped = name === '' || name === '.' || name === '..' || name.startsWith(PATH_NAME_ESCAPE);
  return `${escaped ? PATH_NAME_ESCAPE : ''}${encodeURIComponent(name)}`;
}

/** The name a percent-decoded path segment stands for (the server's side of {@link encodePathName}). */
export function decodePathName(segment: string): string {
  return segment.startsWith(PATH_NAME_ESCAPE) ? segment.slice(PATH_NAME_ESCAPE.length) : segment;
}
