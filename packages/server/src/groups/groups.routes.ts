import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import {
  Freshness,
  Nullable,
  Refresh,
  RefreshQuery,
  read,
  readErrors,
  Total,
} from '../clusters/snapshot.schemas.ts';
import { ClusterParams, conflictResponses, GroupParams, Loose } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { GroupsService } from './groups.service.ts';

type Deps = { groups: GroupsService };
const tags = ['group changes'];
const GroupSummary = Type.Object({
  groupId: Type.String(),
  state: Type.String(),
  protocolType: Type.String(),
  groupType: Type.Union([Type.String(), Type.Null()]),
  topics: Type.Array(Type.String()),
  partitions: Type.Integer(),
  totalLag: Total,
  error: Nullable(Type.String()),
});
const GroupsQuery = Type.Object(
  { search: Type.Optional(Type.String({ maxLength: 255 })), refresh: Refresh },
  { additionalProperties: false },
);
const ResetTo = Type.Union([
  Type.Object({ type: Type.Literal('earliest') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('latest') }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('timestamp'),
      timestamp: Type.Integer({ minimum: 0, description: 'Epoch milliseconds' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('offset'), offset: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('shift'),
      by: Type.Integer({ description: 'Negative moves back, positive forward' }),
    },
    { additionalProperties: false },
  ),
]);
const Scope = Type.Array(
  Type.Object(
    {
      topic: Type.String({ minLength: 1 }),
      partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
    },
    { additionalProperties: false },
  ),
  { description: 'Topics to reset; every topic the group has offsets for when omitted' },
);
const Preview = Type.Object({ to: ResetTo, topics: Type.Optional(Scope) }, { additionalProperties: false });
const Reset = Type.Object(
  {
    to: ResetTo,
    topics: Type.Optional(Scope),
    confirmName: Type.String({ description: "The group's exact name" }),
  },
  { additionalProperties: false },
);
const Plan = Type.Object({
  groupId: Type.String(),
  state: Type.String(),
  activeMembers: Type.Integer(),
  blockedBy: Type.Union([Type.String(), Type.Null()]),
  partitions: Type.Array(
    Type.Object({
      topic: Type.String(),
      partition: Type.Integer(),
      current: Nullable(Type.Integer()),
      target: Type.Integer(),
      start: Type.Integer(),
      end: Type.Integer(),
      lagBefore: Nullable(Type.Integer()),
      lagAfter: Type.Integer(),
    }),
  ),
});
const OffsetsParams = Type.Composite([
  GroupParams,
  Type.Object({ topic: Type.String({ minLength: 1, maxLength: 249 }) }),
]);
/** Deleting a group or its offsets repeats the group id, as deleting a topic repeats its name. */
const Confirm = Type.Object(
  { confirmName: Type.String({ description: "The group's exact id, to confirm" }) },
  { additionalProperties: false },
);
const errors = { ...problemResponses, ...conflictResponses };

/** Group reads, offset resets and deletions. */
export function groupsRoutes(app: FastifyInstance, deps: Deps): void {
  groupListRoute(app, deps);
  groupDetailRoute(app, deps);
  resetPreviewRoute(app, deps);
  resetRoute(app, deps);
  deleteGroupRoute(app, deps);
  deleteOffsetsRoute(app, deps);
}

function groupListRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof ClusterParams>; Querystring: Static<typeof GroupsQuery> }>(
    '/clusters/:id/groups',
    {
      config: read,
      schema: {
        tags: ['groups'],
        summary: 'Consumer groups with state, protocol, topics and total lag',
        params: ClusterParams,
        querystring: GroupsQuery,
        response: {
          200: Type.Object({ freshness: Freshness, groups: Type.Array(GroupSummary), listing: Total }),
          ...readErrors,
        },
      },
    },
    async (request) => deps.groups.list(request.params.id, request.query),
  );
}

function groupDetailRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof GroupParams>; Querystring: RefreshQuery }>(
    '/clusters/:id/groups/:groupId',
    {
      config: read,
      schema: {
        tags: ['groups'],
        summary: 'One group: members with assignments; per-partition committed offset, end offset and lag',
        params: GroupParams,
        querystring: RefreshQuery,
        response: {
          200: Type.Object({ freshness: Freshness, group: Loose, partitions: Type.Array(Loose) }),
          ...readErrors,
        },
      },
    },
    async (request) => deps.groups.detail(request.params.id, request.params.groupId, request.query.refresh),
  );
}

function resetPreviewRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof Preview> }>(
    '/clusters/:id/groups/:groupId/offsets/preview',
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Before and after of an offset reset, per partition; says whether it can be applied now',
        params: GroupParams,
        body: Preview,
        response: { 200: Plan, ...errors },
      },
    },
    (request) =>
      deps.groups.resetPlan(request.params.id, request.params.groupId, request.body.to, {
        topics: request.body.topics,
      }),
  );
}

function resetRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof Reset> }>(
    '/clusters/:id/groups/:groupId/offsets/reset',
    {
      config: { access: 'groups:write' },
      schema: {
        tags,
        summary: 'Reset committed offsets (409 while the group has active members)',
        params: GroupParams,
        body: Reset,
        response: { 200: Plan, ...errors },
      },
    },
    (request) =>
      deps.groups.reset(
        request.params.id,
        request.params.groupId,
        {
          to: request.body.to,
          scope: { topics: request.body.topics },
          confirmName: request.body.confirmName,
        },
        actorOf(request),
      ),
  );
}

function deleteGroupRoute(app: FastifyInstance, deps: Deps): void {
  app.delete<{ Params: Static<typeof GroupParams>; Body: Static<typeof Confirm> }>(
    '/clusters/:id/groups/:groupId',
    {
      config: { access: 'groups:write' },
      schema: {
        tags,
        summary: 'Delete an inactive group and its offsets',
        params: GroupParams,
        body: Confirm,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await deps.groups.delete(
        request.params.id,
        request.params.groupId,
        request.body.confirmName,
        actorOf(request),
      );
      return reply.code(204).send();
    },
  );
}

function deleteOffsetsRoute(app: FastifyInstance, deps: Deps): void {
  app.delete<{ Params: Static<typeof OffsetsParams>; Body: Static<typeof Confirm> }>(
    '/clusters/:id/groups/:groupId/offsets/:topic',
    {
      config: { access: 'groups:write' },
      schema: {
        tags,
        summary: "Delete the group's committed offsets for one topic; confirmName must equal the group id",
        params: OffsetsParams,
        body: Confirm,
        response: { 200: Type.Object({ partitions: Type.Array(Type.Integer()) }), ...errors },
      },
    },
    (request) =>
      deps.groups.deleteOffsets(
        request.params.id,
        request.params.groupId,
        request.params.topic,
        request.body.confirmName,
        actorOf(request),
      ),
  );
}
