import { type Static, Type } from '@sinclair/typebox';
import { Defaulted, Nullable, type StaticInput } from './schema-kit.ts';

/** The audit log: who changed what, when, from where, and how it went. */

export const AuditQuery = Type.Object(
  {
    limit: Defaulted(Type.Integer({ minimum: 1, maximum: 500 }), 50),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Return entries older than this id' })),
    actor: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = StaticInput<typeof AuditQuery>;
export type ResolvedAuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  target: Nullable(Type.String()),
  before: Type.Unknown({ description: 'The target before the change, as recorded' }),
  after: Type.Unknown({ description: 'The target after the change, as recorded' }),
  result: Type.String(),
  detail: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry) });
export type AuditPage = Static<typeof AuditPage>;
