import { type Static, Type } from '@sinclair/typebox';
import {
  ClusterParams,
  GroupDeletion,
  GroupDetail,
  GroupList,
  GroupOffsetsParams,
  GroupParams,
  GroupsQuery,
  OffsetReset,
  OffsetResetPreview,
  OffsetsDeleted,
  RefreshQuery,
  ResetPlan,
  routes,
} from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { read, readErrors } from '../clusters/snapshot.schemas.ts';
import { conflictResponses } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { GroupsService } from './groups.service.ts';

type Deps = { groups: GroupsService };
const tags = ['group changes'];
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
  app.get<{ Params: ClusterParams; Querystring: Static<typeof GroupsQuery> }>(
    routes.groups.list,
    {
      config: read,
      schema: {
        tags: ['groups'],
        summary: 'Consumer groups with state, protocol, topics and total lag',
        params: ClusterParams,
        querystring: GroupsQuery,
        response: { 200: GroupList, ...readErrors },
      },
    },
    async (request) => deps.groups.list(request.params.id, request.query),
  );
}

function groupDetailRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: GroupParams; Querystring: Static<typeof RefreshQuery> }>(
    routes.groups.one,
    {
      config: read,
      schema: {
        tags: ['groups'],
        summary: 'One group: members with assignments; per-partition committed offset, end offset and lag',
        params: GroupParams,
        querystring: RefreshQuery,
        response: { 200: GroupDetail, ...readErrors },
      },
    },
    async (request) => deps.groups.detail(request.params.id, request.params.groupId, request.query.refresh),
  );
}

function resetPreviewRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: GroupParams; Body: OffsetResetPreview }>(
    routes.groups.offsetsPreview,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Before and after of an offset reset, per partition; says whether it can be applied now',
        params: GroupParams,
        body: OffsetResetPreview,
        response: { 200: ResetPlan, ...errors },
      },
    },
    (request) =>
      deps.groups.resetPlan(request.params.id, request.params.groupId, request.body.to, {
        topics: request.body.topics,
      }),
  );
}

function resetRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: GroupParams; Body: OffsetReset }>(
    routes.groups.offsetsReset,
    {
      config: { access: 'groups:write' },
      schema: {
        tags,
        summary: 'Reset committed offsets (409 while the group has active members)',
        params: GroupParams,
        body: OffsetReset,
        response: { 200: ResetPlan, ...errors },
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
  app.delete<{ Params: GroupParams; Body: GroupDeletion }>(
    routes.groups.one,
    {
      config: { access: 'groups:write' },
      schema: {
        tags,
        summary: 'Delete an inactive group and its offsets',
        params: GroupParams,
        body: GroupDeletion,
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
  app.delete<{ Params: GroupOffsetsParams; Body: GroupDeletion }>(
    routes.groups.topicOffsets,
    {
      config: { access: 'groups:write' },
      schema: {
        tags,
        summary: "Delete the group's committed offsets for one topic; confirmName must equal the group id",
        params: GroupOffsetsParams,
        body: GroupDeletion,
        response: { 200: OffsetsDeleted, ...errors },
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
