import type { Static } from '@sinclair/typebox';
import {
  ClusterParams,
  ElectionRequest,
  ElectionResults,
  JobView,
  ReassignmentPlan,
  ReassignmentPlanRequest,
  ReassignmentRequest,
  ReplicationFactorChange,
  routes,
  TopicChangeParams,
} from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { conflictResponses } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { ReplicasService } from './replicas.service.ts';

const tags = ['replicas'];
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
  app.post<{ Params: ClusterParams; Body: Static<typeof ReassignmentPlanRequest> }>(
    routes.replicas.plan,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary:
          'A plan spreading replicas and leaders evenly over brokers, rack-aware, moving as little as it can',
        params: ClusterParams,
        body: ReassignmentPlanRequest,
        response: { 200: ReassignmentPlan, ...errors },
      },
    },
    (request) => deps.replicas.plan(request.params.id, request.body),
  );
}

function startReassignmentRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: ClusterParams; Body: Static<typeof ReassignmentRequest> }>(
    routes.replicas.reassignments,
    {
      config: { access: 'replicas:write' },
      schema: {
        tags,
        summary: 'Start a reassignment job (optionally throttled)',
        params: ClusterParams,
        body: ReassignmentRequest,
        response: { 202: JobView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await deps.replicas.startReassignment(request.params.id, request.body, actorOf(request))),
  );
}

function replicationFactorRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: TopicChangeParams; Body: Static<typeof ReplicationFactorChange> }>(
    routes.replicas.replicationFactor,
    {
      config: { access: 'replicas:write' },
      schema: {
        tags,
        summary: "Change a topic's replication factor (a reassignment job)",
        params: TopicChangeParams,
        body: ReplicationFactorChange,
        response: { 202: JobView, ...errors },
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
  app.post<{ Params: ClusterParams; Body: Static<typeof ElectionRequest> }>(
    routes.replicas.elections,
    {
      config: { access: 'replicas:write' },
      schema: {
        tags,
        summary: 'Preferred (or, with acceptDataLoss, unclean) leader election',
        params: ClusterParams,
        body: ElectionRequest,
        response: { 200: ElectionResults, ...errors },
      },
    },
    async (request) => ({
      results: await deps.replicas.elect(request.params.id, request.body, actorOf(request)),
    }),
  );
}
