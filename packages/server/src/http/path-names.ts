import { decodePathName } from '@weir/api';
import type { FastifyInstance } from 'fastify';

/**
 * Undoes the `~` escape of @weir/api's path-name encoding (for `.`, `..`, empty and `~…` names, which
 * HTTP clients would otherwise drop or mangle) on every path parameter before validation, so routes
 * see the real name.
 */
export function installPathNameDecoding(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const params = request.params as Record<string, unknown> | null;
    if (!params) return;
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === 'string') params[key] = decodePathName(value);
    }
  });
}
