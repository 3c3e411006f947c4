import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { conflictResponses, GroupParams } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { GroupsService } from './groups.service.ts';

const tags = ['group changes'];
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
const Nullable = (schema: ReturnType<typeof Type.Integer>) => Type.Union([schema, Type.Null()]);
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

export function groupsRoutes(app: FastifyInstance, deps: { groups: GroupsService }): void {
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
