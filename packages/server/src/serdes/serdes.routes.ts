import { type Static, Type } from '@sinclair/typebox';
import { ClusterParams, routes, SerdeList, SerdeRules, TopicParams, TopicSerdes } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { problemResponses } from '../http/schemas.ts';
import type { SerdesService } from './serdes.service.ts';

const tags = ['serdes'];
const missing = { 404: Type.Ref('Problem') };

/** The serdes plugins contribute, each cluster's serde rules, and how a topic is read. */
export function serdesRoutes(app: FastifyInstance, deps: { serdes: SerdesService }): void {
  app.get(
    routes.serdes.list,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary:
          'Serdes of the active plugins: what each needs (a schema, a registry) and whether it encodes',
        response: { 200: SerdeList, ...problemResponses },
      },
    },
    async () => ({ serdes: deps.serdes.list() }),
  );
  app.get<{ Params: ClusterParams }>(
    routes.serdes.rules,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: "The cluster's serde rules: the first whose topic pattern matches names a part's serde",
        params: ClusterParams,
        response: { 200: SerdeRules, ...problemResponses, ...missing },
      },
    },
    async (request) => deps.serdes.rules(request.params.id),
  );
  app.put<{ Params: ClusterParams; Body: SerdeRules }>(
    routes.serdes.rules,
    {
      config: { access: 'schemas:write' },
      schema: {
        tags,
        summary: "Replaces the cluster's serde rules, each checked",
        params: ClusterParams,
        body: SerdeRules,
        response: { 200: SerdeRules, ...problemResponses, ...missing },
      },
    },
    async (request) => deps.serdes.saveRules(request.params.id, request.body, actorOf(request)),
  );
  app.get<{ Params: Static<typeof TopicParams> }>(
    routes.serdes.topic,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: "How a topic's keys, values and headers are read, and which rule chose each",
        params: TopicParams,
        response: { 200: TopicSerdes, ...problemResponses, ...missing },
      },
    },
    async (request) => deps.serdes.forTopic(request.params.id, request.params.name),
  );
}
