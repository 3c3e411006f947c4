import type { FastifyInstance } from 'fastify';

/** Liveness and readiness for process supervisors and load balancers; outside /api, no login. */
export function healthRoutes(app: FastifyInstance, deps: { isReady: () => Promise<boolean> }): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (await deps.isReady()) return { status: 'ready' };
    return reply.code(503).send({ status: 'not ready', detail: 'The store does not answer.' });
  });
}
