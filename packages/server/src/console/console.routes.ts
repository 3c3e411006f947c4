import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../http/problem.ts';

/** Where `npm run build` puts the console. */
export const DEFAULT_WEB_DIR = new URL('../../../web/dist', import.meta.url).pathname;

/**
 * Serves the built console at `/` with client-side routing: any unknown GET outside /api gets
 * index.html. Unknown /api paths get a problem response instead.
 */
export async function consoleRoutes(app: FastifyInstance, deps: { webDir: string }): Promise<void> {
  const built = existsSync(join(deps.webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: deps.webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/') || request.method !== 'GET') {
      return sendProblem(
        reply,
        404,
        `No API route ${request.method} ${path}; the API is documented at /api/docs.`,
      );
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The Weir console is not built. Run `npm run build` (npm start does it for you), then reload.');
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
