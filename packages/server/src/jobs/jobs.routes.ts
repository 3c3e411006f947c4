import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ClusterParams, conflictResponses, Loose } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { JobsService } from './jobs.service.ts';

const tags = ['jobs'];
export const JobSchema = Type.Object({
  id: Type.String(),
  clusterId: Type.String(),
  kind: Type.String(),
  state: Type.Union(
    ['running', 'cancelling', 'succeeded', 'failed', 'cancelled'].map((s) => Type.Literal(s)),
  ),
  spec: Loose,
  progress: Type.Union([Loose, Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const eventTypes = [
  'started',
  'step',
  'throttle-set',
  'throttle-removed',
  'retrying',
  'resumed',
  'cancel-requested',
  'cancelled',
  'failed',
  'finished',
];
export const JobEventSchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  type: Type.Union(eventTypes.map((t) => Type.Literal(t))),
  detail: Type.String(),
  data: Type.Union([Loose, Type.Null()]),
});
/** A job with its history (started, each step, throttles, restarts, cancel, the end), oldest first. */
export const JobDetailSchema = Type.Composite([
  JobSchema,
  Type.Object({ history: Type.Array(JobEventSchema) }),
]);
const JobParams = Type.Composite([ClusterParams, Type.Object({ jobId: Type.String({ format: 'uuid' }) })]);
const errors = { ...problemResponses, ...conflictResponses };

type Deps = { jobs: JobsService };

/** Long-running jobs: list, one with its history, cancel. */
export function jobsRoutes(app: FastifyInstance, deps: Deps): void {
  listJobsRoute(app, deps);
  getJobRoute(app, deps);
  cancelJobRoute(app, deps);
}

function listJobsRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof ClusterParams> }>(
    '/clusters/:id/jobs',
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: "The cluster's jobs, newest first",
        params: ClusterParams,
        response: { 200: Type.Object({ jobs: Type.Array(JobSchema) }), ...errors },
      },
    },
    async (request) => ({ jobs: await deps.jobs.list(request.params.id) }),
  );
}

function getJobRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof JobParams> }>(
    '/clusters/:id/jobs/:jobId',
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'One job with its progress and history',
        params: JobParams,
        response: { 200: JobDetailSchema, ...errors },
      },
    },
    (request) => deps.jobs.get(request.params.jobId, request.params.id),
  );
}

function cancelJobRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof JobParams> }>(
    '/clusters/:id/jobs/:jobId/cancel',
    {
      config: { access: 'replicas:write' },
      schema: {
        tags,
        summary: 'Cancel a running job (it rolls back what it can and cleans up)',
        params: JobParams,
        response: { 200: JobDetailSchema, ...errors },
      },
    },
    (request) => deps.jobs.cancel(request.params.jobId, request.params.id),
  );
}
