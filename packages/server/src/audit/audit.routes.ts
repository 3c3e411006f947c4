import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { problemResponses } from '../http/schemas.ts';
import type { AuditService } from './audit.service.ts';

const AuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Return entries older than this id' })),
    actor: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  result: Type.String(),
  detail: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export function auditRoutes(app: FastifyInstance, deps: { audit: AuditService }): void {
  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    '/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first; page with `before` = the last id seen',
        querystring: AuditQuery,
        response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema) }), ...problemResponses },
      },
    },
    async (request) => {
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
