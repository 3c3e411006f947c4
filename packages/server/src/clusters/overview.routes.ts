import type { Static } from '@sinclair/typebox';
import { ClusterParams, OverviewReply, RefreshQuery, routes, ZooKeeperPanel } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { overviewOf } from './overview.view.ts';
import { read, readErrors } from './snapshot.schemas.ts';
import type { SnapshotsService } from './snapshots.service.ts';
import type { ZooKeeperService } from './zookeeper.service.ts';

type Deps = { snapshots: Pick<SnapshotsService, 'read'>; zookeeper: Pick<ZooKeeperService, 'status'> };

/** The cluster as a whole: its overview from the snapshot and its ZooKeeper ensemble's state. */
export function overviewRoutes(app: FastifyInstance, deps: Deps): void {
  zookeeperStatusRoute(app, deps);
  overviewRoute(app, deps);
}

function zookeeperStatusRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams }>(
    routes.clusters.zookeeper,
    {
      config: read,
      schema: {
        tags: ['clusters'],
        summary:
          "Each ZooKeeper server's mode, version, latency, connections and znode count (from its srvr command); empty without a connect string",
        params: ClusterParams,
        response: {
          200: ZooKeeperPanel,
          ...readErrors,
        },
      },
    },
    async (request) => deps.zookeeper.status(request.params.id),
  );
}

function overviewRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ClusterParams; Querystring: Static<typeof RefreshQuery> }>(
    routes.clusters.overview,
    {
      config: read,
      schema: {
        tags: ['clusters'],
        summary:
          'Brokers, controller and quorum, counts of topics, partitions, replicas, URP/offline/under-min-ISR, groups by state, version and mode',
        params: ClusterParams,
        querystring: RefreshQuery,
        response: { 200: OverviewReply, ...readErrors },
      },
    },
    async (request) => {
      const { snapshot, freshness } = await deps.snapshots.read(request.params.id, request.query.refresh);
      return { freshness, overview: overviewOf(snapshot) };
    },
  );
}
