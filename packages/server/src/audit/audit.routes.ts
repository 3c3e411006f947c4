import { AuditPage, AuditQuery, type ResolvedAuditQuery, routes } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { problemResponses } from '../http/schemas.ts';
import type { AuditService } from './audit.service.ts';

/** The audit log, newest first, paged by id. */
export function auditRoutes(app: FastifyInstance, deps: { audit: AuditService }): void {
  app.get<{ Querystring: ResolvedAuditQuery }>(
    routes.audit.list,
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary:
          'Audit log, newest first, filtered by who, what, cluster, result and time; page with `before` = the last id seen',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...problemResponses },
      },
    },
    async (request): Promise<AuditPage> => {
      const { query } = request;
      const records = await deps.audit.list({
        limit: query.limit,
        beforeId: query.before,
        actorName: query.actor,
        action: query.action,
        clusterId: query.cluster,
        result: query.result,
        fromAt: query.from === undefined ? undefined : Date.parse(query.from),
        toAt: query.to === undefined ? undefined : Date.parse(query.to),
      });
      return {
        entries: records.map((record) => ({
          id: record.id,
          at: new Date(record.at).toISOString(),
          actor: record.actorName,
          action: record.action,
          clusterId: record.clusterId,
          cluster: record.clusterName,
          targetType: record.targetType,
          target: record.target,
          before: record.before,
          after: record.after,
          result: record.result,
          detail: record.detail,
          ip: record.ip,
        })),
      };
    },
  );
}
