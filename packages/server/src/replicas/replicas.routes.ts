import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { ClusterParams, conflictResponses, TopicParams } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import { JobSchema } from '../jobs/jobs.routes.ts';
import type { ReplicasService } from './replicas.service.ts';

const tags = ['replicas'];
const BrokerId = Type.Integer({ minimum: 0 });
const PlanRequest = Type.Object(
  {
    topics: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 10_000 }),
    brokers: Type.Optional(
      Type.Array(BrokerId, { description: 'Spread over these; all live brokers when omitted' }),
    ),
    replicationFactor: Type.Optional(Type.Integer({ minimum: 1, maximum: 32 })),
  },
  { additionalProperties: false },
);
const Plan = Type.Object({
  moves: Type.Array(
    Type.Object({
      topic: Type.String(),
      partition: Type.Integer(),
      from: Type.Array(BrokerId),
      to: Type.Array(BrokerId),
    }),
  ),
  brokers: Type.Array(
    Type.Object({
      nodeId: Type.Integer(),
      replicasBefore: Type.Integer(),
      replicasAfter: Type.Integer(),
      leadersBefore: Type.Integer(),
      leadersAfter: Type.Integer(),
    }),
  ),
  replicasToCopy: Type.Integer(),
});
const Throttle = Type.Optional(
  Type.Integer({
    minimum: 1024,
    description: 'Replication throttle in bytes/s while the moves run; removed afterwards',
  }),
);
const Execute = Type.Object(
  {
    moves: Type.Array(
      Type.Object(
        {
          topic: Type.String({ minLength: 1 }),
          partition: Type.Integer({ minimum: 0 }),
          replicas: Type.Array(BrokerId, { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    throttleBytesPerSecond: Throttle,
  },
  { additionalProperties: false },
);
const ReplicationFactor = Type.Object(
  { replicationFactor: Type.Integer({ minimum: 1, maximum: 32 }), throttleBytesPerSecond: Throttle },
  { additionalProperties: false },
);
const Election = Type.Object(
  {
    type: Type.Union([Type.Literal('preferred'), Type.Literal('unclean')], { default: 'preferred' }),
    partitions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            topic: Type.String({ minLength: 1 }),
            partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    acceptDataLoss: Type.Optional(Type.Boolean({ description: 'Required for unclean elections' })),
  },
  { additionalProperties: false },
);
const errors = { ...problemResponses, ...conflictResponses };

type Deps = { replicas: ReplicasService };

/** Reassignment plans and jobs, replication factor changes and leader elections. */
export function replicasRoutes(app: FastifyInstance, deps: Deps): void {
  reassignmentPlanRoute(app, deps);
  startReassignmentRoute(app, deps);
  replicationFactorRoute(app, deps);
  electionRoute(app, deps);
}

function reassignmentPlanRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof ClusterParams>; Body: Static<typeof PlanRequest> }>(
    '/clusters/:id/reassignments/plan',
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary:
          'A plan spreading replicas and leaders evenly over brokers, rack-aware, moving as little as it can',
        params: ClusterParams,
        body: PlanRequest,
        response: { 200: Plan, ...errors },
      },
    },
    (request) => deps.replicas.plan(request.params.id, request.body),
  );
}

function startReassignmentRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof ClusterParams>; Body: Static<typeof Execute> }>(
    '/clusters/:id/reassignments',
    {
      config: { access: 'replicas:write' },
      schema: {
        tags,
        summary: 'Start a reassignment job (optionally throttled)',
        params: ClusterParams,
        body: Execute,
        response: { 202: JobSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await deps.replicas.startReassignment(request.params.id, request.body, actorOf(request))),
  );
}

function replicationFactorRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof TopicParams>; Body: Static<typeof ReplicationFactor> }>(
    '/clusters/:id/topics/:name/replication-factor',
    {
      config: { access: 'replicas:write' },
      schema: {
        tags,
        summary: "Change a topic's replication factor (a reassignment job)",
        params: TopicParams,
        body: ReplicationFactor,
        response: { 202: JobSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await deps.replicas.changeReplicationFactor(
            request.params.id,
            { topic: request.params.name, ...request.body },
            actorOf(request),
          ),
        ),
  );
}

function electionRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof ClusterParams>; Body: Static<typeof Election> }>(
    '/clusters/:id/elections',
    {
      config: { access: 'replicas:write' },
      schema: {
        tags,
        summary: 'Preferred (or, with acceptDataLoss, unclean) leader election',
        params: ClusterParams,
        body: Election,
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                topic: Type.String(),
                partition: Type.Integer(),
                error: Type.Union([Type.String(), Type.Null()]),
                alreadyLed: Type.Boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      results: await deps.replicas.elect(request.params.id, request.body, actorOf(request)),
    }),
  );
}
