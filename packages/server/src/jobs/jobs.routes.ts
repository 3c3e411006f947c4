import { ClusterParams, JobDetailView, JobList, JobParams, routes } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { conflictResponses } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { JobsService } from './jobs.service.ts';

const tags = ['jobs'];
const errors = { ...problemResponses, ...conflictResponses };

type Deps = { jobs: JobsService };

/** Long-running jobs: list, one with its history, cancel. */
export function jobsRoutes(app: FastifyInstance, deps: Deps): void {
  listJobsRoute(app, deps);
  getJobRoute(app, deps);
  cancelJobRoute(app, deps);
}

function listJobsRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams }>(
    routes.jobs.list,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: "The cluster's jobs, newest first",
        params: ClusterParams,
        response: { 200: JobList, ...errors },
      },
    },
    async (request) => ({ jobs: await deps.jobs.list(request.params.id) }),
  );
}

function getJobRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: JobParams }>(
    routes.jobs.one,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'One job with its progress and history',
        params: JobParams,
        response: { 200: JobDetailView, ...errors },
      },
    },
    (request) => deps.jobs.get(request.params.jobId, request.params.id),
  );
}

function cancelJobRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: JobParams }>(
    routes.jobs.cancel,
    {
      config: { access: 'replicas:write' },
      schema: {
        tags,
        summary: 'Cancel a running job (it rolls back what it can and cleans up)',
        params: JobParams,
        response: { 200: JobDetailView, ...errors },
      },
    },
    (request) => deps.jobs.cancel(request.params.jobId, request.params.id),
  );
}
