import type { RouteAccess } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route must declare who may call it; start-up fails otherwise. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
