import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { configChangeRoutes } from '../changes/config-change.routes.ts';
import type { ConfigChanges } from '../changes/config-changes.ts';
import { Freshness, Refresh, RefreshQuery, read, readErrors, Total } from '../clusters/snapshot.schemas.ts';
import { PATH_NAME_RULE } from '../http/path-names.ts';
import { ClusterParams, conflictResponses, Loose, TopicParams } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import { MAX_TOPIC_NAME_LENGTH, TOPIC_PRESETS } from './topic-rules.ts';
import type { TopicsService } from './topics.service.ts';
import { TOPIC_SORTS } from './topics.view.ts';

type Deps = { topics: TopicsService; configs: ConfigChanges };
const tags = ['topic changes'];
const TopicSummary = Type.Object({
  name: Type.String(),
  internal: Type.Boolean({ description: "Kafka's Metadata is_internal flag" }),
  system: Type.Union(
    [...['kafka', 'connect', 'mirrormaker2', 'schema-registry'].map((o) => Type.Literal(o)), Type.Null()],
    { description: 'Owner of a well-known system topic, by its default name' },
  ),
  partitions: Type.Integer(),
  replicationFactor: Type.Integer(),
  sizeBytes: Total,
  messages: Total,
  messagesEstimated: Type.Literal(true, {
    description:
      '`messages` is an estimate: the sum of end − start offsets. Compaction, transaction markers and aborted transactions make it larger than the number of records; POST …/topics/{name}/message-count counts exactly.',
  }),
  underReplicated: Type.Integer(),
  offline: Type.Integer(),
});
const TopicsQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 249 })),
    internal: Type.Boolean({
      default: false,
      description:
        "Include the topics Kafka's Metadata marks internal (__consumer_offsets, __transaction_state); other system topics are always listed, labelled by `system`",
    }),
    sort: Type.Union(
      TOPIC_SORTS.map((s) => Type.Literal(s)),
      { default: 'name' },
    ),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    refresh: Refresh,
  },
  { additionalProperties: false },
);
/** The read routes bound the name's length; the change routes leave it to Kafka's rule (see topic-rules.ts). */
const TopicReadParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ minLength: 1, maxLength: 249, description: PATH_NAME_RULE }),
});
const NewTopic = Type.Object(
  {
    name: Type.String({
      maxLength: MAX_TOPIC_NAME_LENGTH + 1,
      description: 'Letters, digits, ".", "_", "-"',
    }),
    partitions: Type.Integer({ minimum: 1, maximum: 100_000 }),
    replicationFactor: Type.Integer({ minimum: 1, maximum: 32 }),
    configs: Type.Record(Type.String(), Type.String(), { default: {} }),
    validateOnly: Type.Boolean({
      default: false,
      description: 'Only ask the controller whether it would accept it',
    }),
  },
  { additionalProperties: false },
);
const Confirm = Type.Object(
  { confirmName: Type.String({ description: "The topic's exact name, to confirm" }) },
  { additionalProperties: false },
);
const AddPartitions = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 100_000, description: 'The new total number of partitions' }),
    validateOnly: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
const TruncateTarget = Type.Union([
  Type.Object({ type: Type.Literal('end') }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('offset'), offset: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('timestamp'),
      timestamp: Type.Integer({ minimum: 0, description: 'Epoch milliseconds' }),
    },
    { additionalProperties: false },
  ),
]);
const TruncatePreview = Type.Object(
  { target: TruncateTarget, partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))) },
  { additionalProperties: false },
);
const Truncate = Type.Composite([TruncatePreview, Confirm], { additionalProperties: false });
const Clone = Type.Object(
  { name: Type.String({ maxLength: MAX_TOPIC_NAME_LENGTH + 1 }) },
  { additionalProperties: false },
);
const TruncationRow = Type.Object({
  partition: Type.Integer(),
  start: Type.Integer(),
  end: Type.Integer(),
  newStart: Type.Integer(),
  deleted: Type.Integer(),
});
const CreatedTopic = Type.Object({
  name: Type.String(),
  partitions: Type.Integer(),
  replicationFactor: Type.Integer(),
  validateOnly: Type.Boolean(),
  warnings: Type.Array(Type.String(), { description: "Kafka's topic tool's warnings about the name" }),
});
const errors = { ...problemResponses, ...conflictResponses };

/** Topic reads, topic changes and a topic's configs. */
export function topicsRoutes(app: FastifyInstance, deps: Deps): void {
  topicListRoute(app, deps);
  topicDetailRoute(app, deps);
  topicPresetsRoute(app);
  createTopicRoute(app, deps);
  deleteTopicRoute(app, deps);
  addPartitionsRoute(app, deps);
  truncationPreviewRoute(app, deps);
  truncateRoute(app, deps);
  cloneRoute(app, deps);
  configChangeRoutes(app, deps.configs, {
    path: '/clusters/:id/topics/:name/configs',
    params: TopicParams,
    resourceOf: (p) => ({ type: 'topic', name: p.name as string }),
    what: "a topic's configs",
  });
}

function topicListRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof ClusterParams>; Querystring: Static<typeof TopicsQuery> }>(
    '/clusters/:id/topics',
    {
      config: read,
      schema: {
        tags: ['topics'],
        summary: 'Topics, paged, searched and sorted on the server; internal topics hidden unless asked',
        params: ClusterParams,
        querystring: TopicsQuery,
        response: {
          200: Type.Object({ freshness: Freshness, total: Type.Integer(), items: Type.Array(TopicSummary) }),
          ...readErrors,
        },
      },
    },
    async (request) => {
      const { refresh, internal, ...query } = request.query;
      return deps.topics.list(request.params.id, { ...query, includeInternal: internal, refresh });
    },
  );
}

function topicDetailRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof TopicReadParams>; Querystring: RefreshQuery }>(
    '/clusters/:id/topics/:name',
    {
      config: read,
      schema: {
        tags: ['topics'],
        summary:
          "One topic: each partition's leader, replicas, ISR, offsets and replica sizes; configs; consumer groups",
        params: TopicReadParams,
        querystring: RefreshQuery,
        response: {
          200: Type.Object({
            freshness: Freshness,
            topic: Loose,
            partitions: Type.Array(Loose),
            configs: Type.Union([Type.Array(Loose), Type.Null()]),
            configsError: Type.Union([Type.String(), Type.Null()]),
            consumerGroups: Type.Array(Loose),
          }),
          ...readErrors,
        },
      },
    },
    async (request) => deps.topics.detail(request.params.id, request.params.name, request.query.refresh),
  );
}

function topicPresetsRoute(app: FastifyInstance): void {
  app.get(
    '/topic-presets',
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Config presets offered when creating a topic',
        response: {
          200: Type.Object({
            presets: Type.Array(
              Type.Object({
                id: Type.String(),
                label: Type.String(),
                configs: Type.Record(Type.String(), Type.String()),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async () => ({ presets: TOPIC_PRESETS }),
  );
}

function createTopicRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof ClusterParams>; Body: Static<typeof NewTopic> }>(
    '/clusters/:id/topics',
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
  app.delete<{ Params: Static<typeof TopicParams>; Body: Static<typeof Confirm> }>(
    '/clusters/:id/topics/:name',
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: 'Delete a topic; confirmName must equal its name',
        params: TopicParams,
        body: Confirm,
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
  app.post<{ Params: Static<typeof TopicParams>; Body: Static<typeof AddPartitions> }>(
    '/clusters/:id/topics/:name/partitions',
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: 'Raise the partition count (keyed records may change partition)',
        params: TopicParams,
        body: AddPartitions,
        response: {
          200: Type.Object({
            before: Type.Integer(),
            after: Type.Integer(),
            warning: Type.String(),
            validateOnly: Type.Boolean(),
          }),
          ...errors,
        },
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
  app.post<{ Params: Static<typeof TopicParams>; Body: Static<typeof TruncatePreview> }>(
    '/clusters/:id/topics/:name/truncate/preview',
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Where each partition would start after truncating, and how many records go',
        params: TopicParams,
        body: TruncatePreview,
        response: { 200: Type.Object({ partitions: Type.Array(TruncationRow) }), ...errors },
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
  app.post<{ Params: Static<typeof TopicParams>; Body: Static<typeof Truncate> }>(
    '/clusters/:id/topics/:name/truncate',
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: 'Delete records before a point (DeleteRecords); confirmName must equal the topic',
        params: TopicParams,
        body: Truncate,
        response: {
          200: Type.Object({ partitions: Type.Array(TruncationRow), applied: Type.Array(Loose) }),
          ...errors,
        },
      },
    },
    (request) => deps.topics.truncate(request.params.id, request.params.name, request.body, actorOf(request)),
  );
}

function cloneRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof TopicParams>; Body: Static<typeof Clone> }>(
    '/clusters/:id/topics/:name/clone',
    {
      config: { access: 'topics:write' },
      schema: {
        tags,
        summary: "Create a new topic with this topic's partitions, replication factor and overrides",
        params: TopicParams,
        body: Clone,
        response: { 200: CreatedTopic, ...errors },
      },
    },
    (request) =>
      deps.topics.clone(request.params.id, request.params.name, request.body.name, actorOf(request)),
  );
}
