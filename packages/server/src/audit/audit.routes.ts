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
        summary: 'Audit log, newest first; page with `before` = the last id seen',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...problemResponses },
      },
    },
    async (request): Promise<AuditPage> => {
      const records = await deps.audit.list({
        limit: request.query.limit,
        beforeId: request.query.before,
        actor: request.query.actor,
        action: request.query.action,
      });
      return {
        entries: records.map((record) => ({
          id: record.id,
          at: new Date(record.at).toISOString(),
          actor: record.actorName,
          action: record.action,
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
