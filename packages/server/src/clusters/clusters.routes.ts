import { type Static, Type } from '@sinclair/typebox';
import {
  ClusterInput,
  ClusterList,
  ClusterParams,
  ClusterRemoval,
  ClusterReply,
  ConnectionReport,
  ConnectionTestInput,
  routes,
  SavedCluster,
} from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { clientOf, principalOf } from '../http/access-control.ts';
import { problemResponses } from '../http/schemas.ts';
import type { ClustersService } from './clusters.service.ts';

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
    routes.clusters.list,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Registered clusters (never their secrets)',
        response: { 200: ClusterList, ...problemResponses },
      },
    },
    async () => ({ clusters: await deps.clusters.list() }),
  );
}

function getClusterRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams }>(
    routes.clusters.one,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'One cluster',
        params: ClusterParams,
        response: { 200: ClusterReply, ...problemResponses, ...conflict },
      },
    },
    async (request) => ({ cluster: await deps.clusters.get(request.params.id) }),
  );
}

function testConnectionRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof ConnectionTestInput> }>(
    routes.clusters.test,
    {
      config: { access: 'clusters:write' },
      schema: {
        tags,
        summary:
          'Test connection settings without saving; with clusterId, stored secrets fill those left out',
        body: ConnectionTestInput,
        response: { 200: ConnectionReport, ...problemResponses, ...conflict },
      },
    },
    async (request) => {
      const { clusterId, ...input } = request.body;
      return deps.clusters.test(input, clusterId);
    },
  );
}

function createClusterRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof ClusterInput> }>(
    routes.clusters.list,
    {
      config: { access: 'clusters:write' },
      schema: {
        tags,
        summary: 'Add a cluster; the connection is tested first and nothing is saved if it fails',
        body: ClusterInput,
        response: { 201: SavedCluster, ...problemResponses, ...conflict },
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
  app.put<{ Params: ClusterParams; Body: Static<typeof ClusterInput> }>(
    routes.clusters.one,
    {
      config: { access: 'clusters:write' },
      schema: {
        tags,
        summary: "Replace a cluster's settings; secrets left out keep their stored values",
        params: ClusterParams,
        body: ClusterInput,
        response: { 200: SavedCluster, ...problemResponses, ...conflict },
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
  app.delete<{ Params: ClusterParams; Body: ClusterRemoval }>(
    routes.clusters.one,
    {
      config: { access: 'clusters:write' },
      schema: {
        tags,
        summary: 'Remove a cluster from Weir (the Kafka cluster itself is untouched); confirm with its name',
        params: ClusterParams,
        body: ClusterRemoval,
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
