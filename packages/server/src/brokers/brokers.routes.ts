import type { Static } from '@sinclair/typebox';
import { BrokerDetail, BrokerList, BrokerParams, ClusterParams, RefreshQuery, routes } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { configChangeRoutes } from '../changes/config-change.routes.ts';
import type { ConfigChanges } from '../changes/config-changes.ts';
import { read, readErrors } from '../clusters/snapshot.schemas.ts';
import type { BrokersService } from './brokers.service.ts';

type Deps = { brokers: BrokersService; configs: ConfigChanges };
const tags = ['brokers'];

/** Broker reads, one broker's dynamic configs and the cluster-wide broker defaults. */
export function brokersRoutes(app: FastifyInstance, deps: Deps): void {
  brokerListRoute(app, deps);
  brokerDetailRoute(app, deps);
  configChangeRoutes(app, deps.configs, {
    path: routes.brokers.configs,
    params: BrokerParams,
    resourceOf: (p) => ({ type: 'broker', name: String(p.brokerId) }),
    what: "one broker's dynamic configs",
  });
  configChangeRoutes(app, deps.configs, {
    path: routes.brokers.defaultConfigs,
    params: ClusterParams,
    resourceOf: () => ({ type: 'broker', name: '' }),
    what: 'the cluster-wide broker defaults',
  });
}

function brokerListRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams; Querystring: Static<typeof RefreshQuery> }>(
    routes.brokers.list,
    {
      config: read,
      schema: {
        tags,
        summary: 'Brokers with controller flag, leader and replica counts, leader skew, log dirs',
        params: ClusterParams,
        querystring: RefreshQuery,
        response: { 200: BrokerList, ...readErrors },
      },
    },
    async (request) => deps.brokers.list(request.params.id, request.query.refresh),
  );
}

function brokerDetailRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: BrokerParams; Querystring: Static<typeof RefreshQuery> }>(
    routes.brokers.one,
    {
      config: read,
      schema: {
        tags,
        summary:
          'One broker: configs with source, default and sensitive flags; log dirs with per-replica sizes',
        params: BrokerParams,
        querystring: RefreshQuery,
        response: {
          200: BrokerDetail,
          ...readErrors,
        },
      },
    },
    async (request) => deps.brokers.detail(request.params.id, request.params.brokerId, request.query.refresh),
  );
}
