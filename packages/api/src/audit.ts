import { type Static, Type } from '@sinclair/typebox';
import { Defaulted, Literals, Nullable, type StaticInput } from './schema-kit.ts';

/** The audit log: who changed what, when, from where, and how it went. */

/**
 * Every action Weir records, as `noun.verb`. Searches, tails and exports of messages are recorded
 * once each; browsing pages of messages is not (it would drown the log in page views).
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password-change',
  'api-token.create',
  'api-token.revoke',
  'cluster.create',
  'cluster.update',
  'cluster.delete',
  'topic.create',
  'topic.delete',
  'topic.add-partitions',
  'topic.configs.update',
  'topic.truncate',
  'topic.count',
  'broker.configs.update',
  'group.offsets.reset',
  'group.offsets.delete',
  'group.delete',
  'partitions.reassign',
  'leaders.elect-preferred',
  'leaders.elect-unclean',
  'message.search',
  'message.tail',
  'message.export',
  'message.produce',
  'plugin.enable',
  'plugin.disable',
  'plugin.settings.update',
  'schema.create',
  'schema.replace',
  'schema.delete',
  'serde-rules.update',
  'job.succeeded',
  'job.failed',
  'job.cancelled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESULTS = ['success', 'failure'] as const;

export const AuditQuery = Type.Object(
  {
    limit: Defaulted(Type.Integer({ minimum: 1, maximum: 500 }), 50),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Return entries older than this id' })),
    actor: Type.Optional(Type.String({ maxLength: 200, description: 'Exactly this user name' })),
    action: Type.Optional(
      Type.String({ maxLength: 100, description: 'Exactly this action, e.g. topic.delete' }),
    ),
    cluster: Type.Optional(
      Type.String({ maxLength: 100, description: 'Entries about this cluster (its id)' }),
    ),
    result: Type.Optional(Literals(AUDIT_RESULTS)),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this time' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this time' })),
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
  clusterId: Nullable(Type.String({ description: 'The cluster the entry is about, when it is about one' })),
  cluster: Nullable(
    Type.String({
      description: "That cluster's name now, or as last recorded for one since removed; null when none",
    }),
  ),
  targetType: Type.String(),
  target: Nullable(Type.String({ description: 'What inside the cluster (or outside one) it was about' })),
  before: Type.Unknown({ description: 'The target before the change, as recorded' }),
  after: Type.Unknown({ description: 'The target after the change, as recorded' }),
  result: Literals(AUDIT_RESULTS),
  detail: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry) });
export type AuditPage = Static<typeof AuditPage>;
