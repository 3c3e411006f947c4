import { type Static, Type } from '@sinclair/typebox';
import {
  AddPartitions,
  ClusterParams,
  CreatedTopic,
  NewTopic,
  PartitionsAdded,
  RefreshQuery,
  routes,
  TopicChangeParams,
  TopicClone,
  TopicDeletion,
  TopicDetail,
  TopicPage,
  TopicParams,
  TopicPresets,
  TopicsQuery,
  Truncate,
  TruncatePreview,
  TruncationPlan,
  TruncationResult,
} from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { configChangeRoutes } from '../changes/config-change.routes.ts';
import type { ConfigChanges } from '../changes/config-changes.ts';
import { read, readErrors } from '../clusters/snapshot.schemas.ts';
import { conflictResponses } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { PluginHost } from '../plugins/plugin-host.ts';
import type { TopicsService } from './topics.service.ts';

type Deps = { topics: TopicsService; configs: ConfigChanges; plugins: PluginHost };
const tags = ['topic changes'];
const errors = { ...problemResponses, ...conflictResponses };

/** Topic reads, topic changes and a topic's configs. */
export function topicsRoutes(app: FastifyInstance, deps: Deps): void {
  topicListRoute(app, deps);
  topicDetailRoute(app, deps);
  topicPresetsRoute(app, deps.plugins);
  createTopicRoute(app, deps);
  deleteTopicRoute(app, deps);
  addPartitionsRoute(app, deps);
  truncationPreviewRoute(app, deps);
  truncateRoute(app, deps);
  cloneRoute(app, deps);
  configChangeRoutes(app, deps.configs, {
    path: routes.topics.configs,
    params: TopicChangeParams,
    resourceOf: (p) => ({ type: 'topic', name: p.name as string }),
    what: "a topic's configs",
  });
}

function topicListRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams; Querystring: Static<typeof TopicsQuery> }>(
    routes.topics.list,
    {
      config: read,
      schema: {
        tags: ['topics'],
        summary: 'Topics, paged, searched and sorted on the server; internal topics hidden unless asked',
        params: ClusterParams,
        querystring: TopicsQuery,
        response: { 200: TopicPage, ...readErrors },
      },
    },
    async (request) => {
      const { refresh, internal, ...query } = request.query;
      return deps.topics.list(request.params.id, { ...query, includeInternal: internal, refresh });
    },
  );
}

function topicDetailRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: TopicParams; Querystring: Static<typeof RefreshQuery> }>(
    routes.topics.one,
    {
      config: read,
      schema: {
        tags: ['topics'],
        summary:
          "One topic: each partition's leader, replicas, ISR, offsets and replica sizes; configs; consumer groups",
        params: TopicParams,
        querystring: RefreshQuery,
        response: { 200: TopicDetail, ...readErrors },
      },
    },
    async (request) => deps.topics.detail(request.params.id, request.params.name, request.query.refresh),
  );
}

function topicPresetsRoute(app: FastifyInstance, plugins: PluginHost): void {
  app.get(
    routes.topics.presets,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Config presets offered when creating a topic',
        response: { 200: TopicPresets, ...problemResponses },
      },
    },
    async () => ({
      presets: plugins.extensions('topicPresets').map(({ pluginId, extension }) => ({
        id: extension.id,
        label: extension.label,
        ...(extension.description ? { description: extension.description } : {}),
        configs: extension.configs,
        plugin: pluginId,
      })),
    }),
  );
}

function createTopicRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: ClusterParams; Body: Static<typeof NewTopic> }>(
    routes.topics.list,
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: 'Create a topic (validated by the controller first; validateOnly stops there)',
        params: ClusterParams,
        body: NewTopic,
        response: { 200: CreatedTopic, ...errors },
      },
    },
    (request) => deps.topics.create(request.params.id, request.body, actorOf(request)),
  );
}

function deleteTopicRoute(app: FastifyInstance, deps: Deps): void {
  app.delete<{ Params: TopicChangeParams; Body: TopicDeletion }>(
    routes.topics.one,
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: 'Delete a topic; confirmName must equal its name',
        params: TopicChangeParams,
        body: TopicDeletion,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await deps.topics.delete(
        request.params.id,
        request.params.name,
        request.body.confirmName,
        actorOf(request),
      );
      return reply.code(204).send();
    },
  );
}

function addPartitionsRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: TopicChangeParams; Body: Static<typeof AddPartitions> }>(
    routes.topics.partitions,
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: 'Raise the partition count (keyed records may change partition)',
        params: TopicChangeParams,
        body: AddPartitions,
        response: { 200: PartitionsAdded, ...errors },
      },
    },
    (request) =>
      deps.topics.addPartitions(
        request.params.id,
        request.params.name,
        request.body.count,
        request.body.validateOnly,
        actorOf(request),
      ),
  );
}

function truncationPreviewRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: TopicChangeParams; Body: Static<typeof TruncatePreview> }>(
    routes.topics.truncatePreview,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Where each partition would start after truncating, and how many records go',
        params: TopicChangeParams,
        body: TruncatePreview,
        response: { 200: TruncationPlan, ...errors },
      },
    },
    async (request) => ({
      partitions: await deps.topics.truncationPlan(
        request.params.id,
        request.params.name,
        request.body.target,
        request.body.partitions,
      ),
    }),
  );
}

function truncateRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: TopicChangeParams; Body: Static<typeof Truncate> }>(
    routes.topics.truncate,
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: 'Delete records before a point (DeleteRecords); confirmName must equal the topic',
        params: TopicChangeParams,
        body: Truncate,
        response: { 200: TruncationResult, ...errors },
      },
    },
    (request) => deps.topics.truncate(request.params.id, request.params.name, request.body, actorOf(request)),
  );
}

function cloneRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: TopicChangeParams; Body: Static<typeof TopicClone> }>(
    routes.topics.clone,
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: "Create a new topic with this topic's partitions, replication factor and overrides",
        params: TopicChangeParams,
        body: TopicClone,
        response: { 200: CreatedTopic, ...errors },
      },
    },
    (request) =>
      deps.topics.clone(request.params.id, request.params.name, request.body.name, actorOf(request)),
  );
}
