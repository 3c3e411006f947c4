import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { ClusterParams, conflictResponses, Loose, TopicParams } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import { MAX_TOPIC_NAME_LENGTH, TOPIC_PRESETS } from './topic-rules.ts';
import type { TopicsService } from './topics.service.ts';

const tags = ['topic changes'];
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

export function topicsRoutes(app: FastifyInstance, deps: { topics: TopicsService }): void {
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
