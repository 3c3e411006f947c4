import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { setConsoleCsp } from '../http/browser-defences.ts';
import { sendProblem } from '../http/problem.ts';

/** Where `npm run build` puts the console. */
export const DEFAULT_WEB_DIR = new URL('../../../web/dist', import.meta.url).pathname;

/** What `html.cspNonce` in packages/web/vite.config.ts writes into index.html, replaced per response. */
export const CSP_NONCE_PLACEHOLDER = '__WEIR_CSP_NONCE__';

/** index.html with a fresh style nonce, and the CSP that allows exactly that nonce. */
function sendConsolePage(reply: FastifyReply, indexHtml: string) {
  const nonce = randomBytes(16).toString('base64');
  setConsoleCsp(reply, nonce);
  // A cached page would carry a nonce that no longer matches the policy.
  return reply
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(indexHtml.replaceAll(CSP_NONCE_PLACEHOLDER, nonce));
}

/**
 * Serves the built console at `/` with client-side routing: any unknown GET outside /api gets
 * index.html, with a per-response CSP nonce. Unknown /api paths get a problem response instead.
 */
export async function consoleRoutes(app: FastifyInstance, deps: { webDir: string }): Promise<void> {
  const indexPath = join(deps.webDir, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined;
  if (indexHtml !== undefined) {
    // index.html is never served as a file: it needs its nonce, so `/` reaches the fallback below.
    await app.register(fastifyStatic, {
      root: deps.webDir,
      wildcard: false,
      index: false,
      globIgnore: ['index.html'],
    });
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
    if (indexHtml === undefined) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The Weir console is not built. Run `npm run build` (npm start does it for you), then reload.');
    }
    return sendConsolePage(reply, indexHtml);
  });
}
