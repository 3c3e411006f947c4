import type { FastifyBaseLogger } from 'fastify';
import type { ClustersService } from './clusters.service.ts';
import type { SnapshotsService } from './snapshots.service.ts';

/**
 * Refreshes every cluster's snapshot on an interval. Each cluster refreshes on its own and records
 * its own failure, so one unreachable cluster never holds up another.
 */
export function startSnapshotRefresher(deps: {
  clusters: ClustersService;
  snapshots: SnapshotsService;
  log: FastifyBaseLogger;
  intervalMs: number;
}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const clusters = await deps.clusters.listStored();
      await Promise.all(
        clusters.map(async (cluster) => {
          const state = await deps.snapshots.refresh(cluster.id).catch((error: Error) => {
            deps.log.warn({ cluster: cluster.name, err: error.message }, 'snapshot refresh failed');
            return null;
          });
          if (state?.refreshError)
            deps.log.warn({ cluster: cluster.name, err: state.refreshError }, 'snapshot refresh failed');
        }),
      );
    } catch (error) {
      deps.log.error({ err: error }, 'snapshot refresher failed');
    } finally {
      running = false;
    }
  };
  const initial = setTimeout(tick, 1000);
  const timer = setInterval(tick, deps.intervalMs);
  initial.unref();
  timer.unref();
  return () => {
    clearTimeout(initial);
    clearInterval(timer);
  };
}
