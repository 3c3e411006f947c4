import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { problemResponses } from '../http/schemas.ts';

/** What every read of the snapshot shares: its query flag, its freshness, its totals and its errors. */

export const Refresh = Type.Boolean({
  default: false,
  description: 'Read the cluster now instead of serving the snapshot',
});
export const RefreshQuery = Type.Object({ refresh: Refresh }, { additionalProperties: false });
export type RefreshQuery = Static<typeof RefreshQuery>;
export const Freshness = Type.Object({
  takenAt: Type.String({ format: 'date-time' }),
  ageMs: Type.Integer(),
  stale: Type.Boolean(),
  refreshError: Type.Union([Type.String(), Type.Null()]),
  partial: Type.Boolean({ description: 'Some parts could not be read; partErrors says which and why' }),
  partErrors: Type.Record(Type.String(), Type.String()),
});
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** The one shape of every aggregate: see `Total` in read-model.types.ts. */
export const Total = Type.Object(
  {
    value: Nullable(Type.Number({ description: 'Sum over the parts that were read; null when none was' })),
    complete: Type.Boolean({ description: 'False: value is a lower bound (partial) or null (unknown)' }),
    parts: Type.Integer(),
    unknownParts: Type.Integer(),
    unit: Type.Union(['partition', 'replica', 'broker', 'logDir'].map((u) => Type.Literal(u))),
    reason: Nullable(Type.String({ description: 'Why the unknown parts are unknown' })),
  },
  { additionalProperties: false },
);
export const readErrors = { ...problemResponses, 404: Type.Ref('Problem'), 503: Type.Ref('Problem') };
/** Route config of every read: any signed-in role may read a cluster. */
export const read = { access: 'clusters:read' as const };
