import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { read, readErrors } from '../clusters/snapshot.schemas.ts';
import { ClusterParams, Loose } from '../http/route-params.ts';
import type { SecurityService } from './security.service.ts';

type Deps = { security: SecurityService };
const tags = ['security'];
const AclQuery = Type.Object(
  {
    principal: Type.Optional(
      Type.String({ maxLength: 300, description: 'Exact principal, e.g. User:alice' }),
    ),
    resourceType: Type.Optional(
      Type.Union(
        ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'].map((t) =>
          Type.Literal(t),
        ),
      ),
    ),
    resourceName: Type.Optional(
      Type.String({ maxLength: 300, description: 'Substring of the resource name' }),
    ),
  },
  { additionalProperties: false },
);

/** ACLs, client quotas and SCRAM users, read live. */
export function securityRoutes(app: FastifyInstance, deps: Deps): void {
  aclsRoute(app, deps);
  quotasRoute(app, deps);
  scramUsersRoute(app, deps);
}

function aclsRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof ClusterParams>; Querystring: Static<typeof AclQuery> }>(
    '/clusters/:id/acls',
    {
      config: read,
      schema: {
        tags,
        summary: 'ACL bindings, filterable; says when the cluster runs without an authorizer',
        params: ClusterParams,
        querystring: AclQuery,
        response: {
          200: Type.Object({
            authorizerEnabled: Type.Boolean(),
            total: Type.Integer(),
            acls: Type.Array(Loose),
          }),
          ...readErrors,
        },
      },
    },
    async (request) => deps.security.acls(request.params.id, request.query),
  );
}

function quotasRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof ClusterParams> }>(
    '/clusters/:id/quotas',
    {
      config: read,
      schema: {
        tags,
        summary: 'Client quotas by user, client id and IP (and their defaults)',
        params: ClusterParams,
        response: { 200: Type.Object({ quotas: Type.Array(Loose) }), ...readErrors },
      },
    },
    async (request) => deps.security.quotas(request.params.id),
  );
}

function scramUsersRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof ClusterParams> }>(
    '/clusters/:id/scram-users',
    {
      config: read,
      schema: {
        tags,
        summary: 'SCRAM users and their mechanisms (never credentials)',
        params: ClusterParams,
        response: { 200: Type.Object({ users: Type.Array(Loose) }), ...readErrors },
      },
    },
    async (request) => deps.security.scramUsers(request.params.id),
  );
}
