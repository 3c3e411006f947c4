import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { clientOf, principalOf } from '../http/access-control.ts';
import { problemResponses } from '../http/schemas.ts';
import { ClusterInput, ClusterView } from './cluster.schemas.ts';
import type { ClustersService } from './clusters.service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ConnectionReport = Type.Object(
  {
    ok: Type.Boolean(),
    addresses: Type.Array(Type.Object({}, { additionalProperties: true })),
    authentication: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    cluster: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    problems: Type.Array(Type.Object({ step: Type.String(), message: Type.String() })),
  },
  {
    description:
      'Each step of the connection test: reachability per address, authentication, cluster, mode, version',
  },
);
const SavedReply = Type.Object({ cluster: ClusterView, connection: ConnectionReport });
const RemoveBody = Type.Object(
  { confirmName: Type.String({ description: "The cluster's exact name, to confirm" }) },
  { additionalProperties: false },
);
const TestBody = Type.Composite(
  [ClusterInput, Type.Object({ clusterId: Type.Optional(Type.String({ format: 'uuid' })) })],
  {
    additionalProperties: false,
  },
);

const tags = ['clusters'];
const conflict = { 409: Type.Ref('Problem'), 404: Type.Ref('Problem') };

type Deps = { clusters: ClustersService };

/** The cluster registry: list, read, test a connection, add, replace, remove. */
export function clustersRoutes(app: FastifyInstance, deps: Deps): void {
  listClustersRoute(app, deps);
  getClusterRoute(app, deps);
  testConnectionRoute(app, deps);
  createClusterRoute(app, deps);
  updateClusterRoute(app, deps);
  removeClusterRoute(app, deps);
}

function listClustersRoute(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/clusters',
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Registered clusters (never their secrets)',
        response: { 200: Type.Object({ clusters: Type.Array(ClusterView) }), ...problemResponses },
      },
    },
    async () => ({ clusters: await deps.clusters.list() }),
  );
}

function getClusterRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof IdParams> }>(
    '/clusters/:id',
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'One cluster',
        params: IdParams,
        response: { 200: Type.Object({ cluster: ClusterView }), ...problemResponses, ...conflict },
      },
    },
    async (request) => ({ cluster: await deps.clusters.get(request.params.id) }),
  );
}

function testConnectionRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof TestBody> }>(
    '/clusters/test',
    {
      config: { access: 'clusters:write' },
      schema: {
        tags,
        summary:
          'Test connection settings without saving; with clusterId, stored secrets fill those left out',
        body: TestBody,
        response: { 200: ConnectionReport, ...problemResponses, ...conflict },
      },
    },
    async (request) => {
      const { clusterId, ...input } = request.body;
      return deps.clusters.test(input as Static<typeof ClusterInput>, clusterId);
    },
  );
}

function createClusterRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof ClusterInput> }>(
    '/clusters',
    {
      config: { access: 'clusters:write' },
      schema: {
        tags,
        summary: 'Add a cluster; the connection is tested first and nothing is saved if it fails',
        body: ClusterInput,
        response: { 201: SavedReply, ...problemResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const saved = await deps.clusters.create(request.body, {
        principal: principalOf(request),
        client: clientOf(request),
      });
      return reply.code(201).send(saved);
    },
  );
}

function updateClusterRoute(app: FastifyInstance, deps: Deps): void {
  app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof ClusterInput> }>(
    '/clusters/:id',
    {
      config: { access: 'clusters:write' },
      schema: {
        tags,
        summary: "Replace a cluster's settings; secrets left out keep their stored values",
        params: IdParams,
        body: ClusterInput,
        response: { 200: SavedReply, ...problemResponses, ...conflict },
      },
    },
    async (request) =>
      deps.clusters.update(request.params.id, request.body, {
        principal: principalOf(request),
        client: clientOf(request),
      }),
  );
}

function removeClusterRoute(app: FastifyInstance, deps: Deps): void {
  app.delete<{ Params: Static<typeof IdParams>; Body: Static<typeof RemoveBody> }>(
    '/clusters/:id',
    {
      config: { access: 'clusters:write' },
      schema: {
        tags,
        summary: 'Remove a cluster from Weir (the Kafka cluster itself is untouched); confirm with its name',
        params: IdParams,
        body: RemoveBody,
        response: { 204: Type.Null(), ...problemResponses, ...conflict },
      },
    },
    async (request, reply) => {
      await deps.clusters.remove(request.params.id, request.body.confirmName, {
        principal: principalOf(request),
        client: clientOf(request),
      });
      return reply.code(204).send();
    },
  );
}
