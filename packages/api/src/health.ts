import { type Static, Type } from '@sinclair/typebox';
import { Literals, Nullable } from './schema-kit.ts';

/** Health checks contributed by plugins, run on a cluster's read model, each verdict with its reason. */

export const HEALTH_STATUSES = ['ok', 'warning', 'critical', 'unknown'] as const;
export type HealthStatusName = (typeof HEALTH_STATUSES)[number];

export const HealthFindingView = Type.Object({
  check: Type.String({ description: 'The health check id' }),
  plugin: Type.String(),
  subject: Type.Object({
    type: Literals(['cluster', 'broker', 'topic', 'partition', 'group'] as const),
    name: Type.String(),
  }),
  status: Literals(HEALTH_STATUSES),
  reason: Type.String(),
  value: Nullable(Type.Number()),
  threshold: Nullable(Type.Number()),
});
export type HealthFindingView = Static<typeof HealthFindingView>;

/** `GET /clusters/{id}/health/checks`: every active check's findings; a check that failed is unknown, with why. */
export const HealthCheckReport = Type.Object({
  checkedAt: Type.Integer({ description: 'Epoch ms' }),
  checks: Type.Array(
    Type.Object({
      check: Type.String(),
      plugin: Type.String(),
      title: Type.String(),
      status: Literals(HEALTH_STATUSES, { description: 'The worst of its findings; unknown when it failed' }),
      error: Nullable(Type.String(), { description: 'Why it gave no verdict (it threw or timed out)' }),
      elapsedMs: Type.Integer(),
    }),
  ),
  findings: Type.Array(HealthFindingView),
});
export type HealthCheckReport = Static<typeof HealthCheckReport>;
