import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import { PERMISSIONS, type RouteAccess, roleHasPermission } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import './fastify-types.ts';

export const SESSION_COOKIE = 'weir_session';

const isApiUrl = (url: string) => url === '/api' || url.startsWith('/api/');
const knownAccess = new Set<string>(['public', 'authenticated', ...PERMISSIONS]);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : undefined;
}

/**
 * Authentication and permission for every API route. Registered on the root instance before any
 * route, so no route can be added without declaring its access and none escapes the check.
 */
export function installAccessControl(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!isApiUrl(route.url)) return;
    route.config ??= {};
    // The OpenAPI document and its UI come from a plugin; readable by anyone logged in.
    if (route.url.startsWith('/api/docs')) route.config.access ??= 'authenticated';
    const access = route.config.access;
    if (access === undefined || !knownAccess.has(access)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} must declare config.access (public, authenticated or a permission).`,
      );
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const principal = await auth.authenticate({
      sessionSecret: request.cookies[SESSION_COOKIE],
      bearerToken: bearerToken(request),
    });
    if (!principal) throw new UnauthenticatedError();
    request.principal = principal;
    if (access !== 'authenticated' && !roleHasPermission(principal.role, access)) {
      throw new ForbiddenError(
        `Your role "${principal.role}" lacks the permission "${access}" this action needs; ask an administrator.`,
        { code: 'auth.forbidden', params: { role: principal.role, permission: access } },
      );
    }
  });
}

/** The caller of a route that declared non-public access; the access hook guarantees it is set. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}

export const clientOf = (request: FastifyRequest) => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

export type { RouteAccess };
