import { type Static, Type } from '@sinclair/typebox';
import type { ConfigResource } from '@weir/kafka';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { ClusterParams, conflictResponses, TopicParams } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { ConfigsService } from './configs.service.ts';

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
const BrokerParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  brokerId: Type.Integer({ minimum: 0 }),
});
const errors = { ...problemResponses, ...conflictResponses };

type Params = { id: string; name?: string; brokerId?: number };

/** Preview and apply routes for one kind of config resource. */
function resourceRoutes(
  app: FastifyInstance,
  deps: { configs: ConfigsService },
  path: string,
  params: typeof ClusterParams | typeof TopicParams | typeof BrokerParams,
  resourceOf: (p: Params) => ConfigResource,
  what: string,
): void {
  app.post<{ Params: Params; Body: Static<typeof Changes> }>(
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
    (request) => deps.configs.preview(request.params.id, resourceOf(request.params), request.body.changes),
  );
  app.patch<{ Params: Params; Body: Static<typeof Changes> }>(
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
      deps.configs.apply(
        request.params.id,
        resourceOf(request.params),
        request.body.changes,
        actorOf(request),
      ),
  );
}

export function configsRoutes(app: FastifyInstance, deps: { configs: ConfigsService }): void {
  resourceRoutes(
    app,
    deps,
    '/clusters/:id/topics/:name/configs',
    TopicParams,
    (p) => ({ type: 'topic', name: p.name as string }),
    "a topic's configs",
  );
  resourceRoutes(
    app,
    deps,
    '/clusters/:id/brokers/:brokerId/configs',
    BrokerParams,
    (p) => ({ type: 'broker', name: String(p.brokerId) }),
    "one broker's dynamic configs",
  );
  resourceRoutes(
    app,
    deps,
    '/clusters/:id/broker-defaults/configs',
    ClusterParams,
    () => ({ type: 'broker', name: '' }),
    'the cluster-wide broker defaults',
  );
}
