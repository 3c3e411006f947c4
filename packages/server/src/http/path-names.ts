import type { FastifyInstance } from 'fastify';

/**
 * How a name travels in a URL path. Browsers and HTTP clients remove `.` and `..` segments (also
 * when written %2E, per the WHATWG URL standard), so `/groups/..` would reach the cluster instead of
 * group `..`. A segment that is `.`, `..`, empty, or starts with `~` therefore gets one leading `~`,
 * and the server drops it; every other name is only percent-encoded (encodeURIComponent). Topic
 * names never change: Kafka forbids `.`, `..` and `~` in them.
 *
 * The console (packages/web/src/path-names.ts) and the CLI (packages/cli/src/path-names.ts) hold the
 * same rule; path-names.test.ts checks the three agree.
 */
export const PATH_NAME_ESCAPE = '~';

/** For the OpenAPI description of every path parameter that holds a name. */
export const PATH_NAME_RULE =
  'Percent-encoded; a name that is ".", "..", empty or starts with "~" is sent with one more "~" in front (e.g. group ".." as ~..), because HTTP clients drop "." and ".." path segments';

/**
 * Kafka's protocol STRING (group ids, user names): a 16-bit length, so at most 32,767 bytes, which is
 * never fewer characters.
 */
export const MAX_KAFKA_STRING_LENGTH = 32_767;

/** The path segment for `name` (before the router's percent-decoding is undone by the client). */
export function encodePathName(name: string): string {
  const escaped = name === '' || name === '.' || name === '..' || name.startsWith(PATH_NAME_ESCAPE);
  return `${escaped ? PATH_NAME_ESCAPE : ''}${encodeURIComponent(name)}`;
}

/** The name a percent-decoded path segment stands for. */
export function decodePathName(segment: string): string {
  return segment.startsWith(PATH_NAME_ESCAPE) ? segment.slice(PATH_NAME_ESCAPE.length) : segment;
}

/** Undoes the `~` escape on every path parameter before validation, so routes see the real name. */
export function installPathNameDecoding(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const params = request.params as Record<string, unknown> | null;
    if (!params) return;
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === 'string') params[key] = decodePathName(value);
    }
  });
}
