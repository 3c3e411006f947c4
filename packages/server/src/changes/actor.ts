import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.ts';
import { principalOf } from '../http/access-control.ts';

/** Who asked for a change, for the audit log and job history. */
export interface Actor {
  principal: Principal;
  ip: string | null;
}

/** The actor of an authenticated request: its principal and client address. */
export const actorOf = (request: FastifyRequest): Actor => ({
  principal: principalOf(request),
  ip: request.ip ?? null,
});
