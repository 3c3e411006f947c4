import { AclPage, AclQuery, ClusterParams, QuotaList, routes, ScramUserList } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { read, readErrors } from '../clusters/snapshot.schemas.ts';
import type { SecurityService } from './security.service.ts';

type Deps = { security: SecurityService };
const tags = ['security'];

/** ACLs, client quotas and SCRAM users, read live. */
export function securityRoutes(app: FastifyInstance, deps: Deps): void {
  aclsRoute(app, deps);
  quotasRoute(app, deps);
  scramUsersRoute(app, deps);
}

function aclsRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams; Querystring: AclQuery }>(
    routes.security.acls,
    {
      config: read,
      schema: {
        tags,
        summary: 'ACL bindings, filterable; says when the cluster runs without an authorizer',
        params: ClusterParams,
        querystring: AclQuery,
        response: { 200: AclPage, ...readErrors },
      },
    },
    async (request) => deps.security.acls(request.params.id, request.query),
  );
}

function quotasRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams }>(
    routes.security.quotas,
    {
      config: read,
      schema: {
        tags,
        summary: 'Client quotas by user, client id and IP (and their defaults)',
        params: ClusterParams,
        response: { 200: QuotaList, ...readErrors },
      },
    },
    async (request) => deps.security.quotas(request.params.id),
  );
}

function scramUsersRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams }>(
    routes.security.scramUsers,
    {
      config: read,
      schema: {
        tags,
        summary: 'SCRAM users and their mechanisms (never credentials)',
        params: ClusterParams,
        response: { 200: ScramUserList, ...readErrors },
      },
    },
    async (request) => deps.security.scramUsers(request.params.id),
  );
}
