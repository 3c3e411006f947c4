import { type Static, type TObject, Type } from '@sinclair/typebox';
import type { ConfigResource } from '@weir/kafka';
import type { FastifyInstance } from 'fastify';
import { conflictResponses } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import { actorOf } from './actor.ts';
import type { ConfigChanges } from './config-changes.ts';

const tags = ['config changes'];
const Changes = Type.Object(
  {
    changes: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1 }),
          // Null first: with type coercion on, a string branch would turn null into "".
          value: Type.Union([Type.Null(), Type.String()], { description: 'null removes the override' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
const Report = Type.Object({
  resource: Type.Object({ type: Type.String(), name: Type.String() }),
  changes: Type.Array(
    Type.Object({
      name: Type.String(),
      before: Type.Union([Type.String(), Type.Null()]),
      after: Type.Union([Type.String(), Type.Null()]),
      source: Type.String(),
      reset: Type.Boolean(),
    }),
  ),
  applied: Type.Boolean(),
  api: Type.String(),
});
const errors = { ...problemResponses, ...conflictResponses };

export type ConfigParams = { id: string; name?: string; brokerId?: number };

/** The preview and apply routes (`path/preview`, PATCH `path`) of one kind of config resource. */
export function configChangeRoutes(
  app: FastifyInstance,
  configs: ConfigChanges,
  resource: {
    path: string;
    params: TObject;
    resourceOf: (p: ConfigParams) => ConfigResource;
    /** How the summaries name the resource, e.g. "a topic's configs". */
    what: string;
  },
): void {
  const { path, params, resourceOf, what } = resource;
  app.post<{ Params: ConfigParams; Body: Static<typeof Changes> }>(
    `${path}/preview`,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: `Diff and broker-side validation of changes to ${what}`,
        params,
        body: Changes,
        response: { 200: Report, ...errors },
      },
    },
    (request) => configs.preview(request.params.id, resourceOf(request.params), request.body.changes),
  );
  app.patch<{ Params: ConfigParams; Body: Static<typeof Changes> }>(
    path,
    {
      config: { access: 'configs:write' },
      schema: {
        tags,
        summary: `Apply changes to ${what} (only the named keys change)`,
        params,
        body: Changes,
        response: { 200: Report, ...errors },
      },
    },
    (request) =>
      configs.apply(request.params.id, resourceOf(request.params), request.body.changes, actorOf(request)),
  );
}
