import { Type } from '@sinclair/typebox';
import { ClusterParams, HealthCheckReport, routes } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { problemResponses } from '../http/schemas.ts';
import type { PluginChecks } from './plugin-checks.ts';

/** Health checks contributed by plugins, run on a cluster's snapshot. */
export function pluginChecksRoutes(app: FastifyInstance, deps: { checks: PluginChecks }): void {
  app.get<{ Params: ClusterParams }>(
    routes.health.checks,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags: ['health'],
        summary:
          "Runs the plugins' health checks on the cluster: each verdict with its reason, failures as unknown",
        params: ClusterParams,
        response: {
          200: HealthCheckReport,
          ...problemResponses,
          404: Type.Ref('Problem'),
          503: Type.Ref('Problem'),
        },
      },
    },
    async (request) => deps.checks.run(request.params.id),
  );
}
