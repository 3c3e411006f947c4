import type { BrokerDetail, Freshness } from '@weir/api';
import type { Gateways } from '../clusters/cluster-connections.ts';
import { readLive } from '../clusters/live-read.ts';
import { overviewOf } from '../clusters/overview.view.ts';
import type { SnapshotsService } from '../clusters/snapshots.service.ts';
import { NotFoundError, UnavailableError } from '../errors.ts';
import { type BrokerSummary, brokerLoadOf, brokerRoleOf, summarizeBrokers } from './brokers.view.ts';

/** Broker reads: the list from the snapshot, one broker's configs read live. */
export class BrokersService {
  readonly #snapshots: Pick<SnapshotsService, 'read'>;
  readonly #connections: Gateways;

  constructor(deps: { snapshots: Pick<SnapshotsService, 'read'>; connections: Gateways }) {
    this.#snapshots = deps.snapshots;
    this.#connections = deps.connections;
  }

  async list(
    clusterId: string,
    refresh = false,
  ): Promise<{ freshness: Freshness; brokers: BrokerSummary[] }> {
    const { snapshot, freshness } = await this.#snapshots.read(clusterId, refresh);
    return { freshness, brokers: summarizeBrokers(snapshot, overviewOf(snapshot).controllerId) };
  }

  /**
   * One broker with its configs (read live from that broker; null with `configsError` when it does
   * not answer) and log dirs (from the snapshot; null when unread).
   * @throws NotFoundError when the snapshot's metadata lacks the broker.
   */
  async detail(clusterId: string, brokerId: number, refresh = false): Promise<BrokerDetail> {
    const { snapshot, freshness } = await this.#snapshots.read(clusterId, refresh);
    const { controllerId } = overviewOf(snapshot);
    const summary = summarizeBrokers(snapshot, controllerId).find((b) => b.nodeId === brokerId);
    if (!summary)
      throw new NotFoundError(`Broker ${brokerId} is not in the cluster's metadata (it may be down).`, {
        code: 'broker.not-found',
        params: { broker: brokerId },
      });
    // A broker's own configs are answered by that broker alone: when it is down or hung, the rest of
    // what Weir knows about it still shows, with the reason its configs are missing.
    let configs: BrokerDetail['configs'] = null;
    let configsError: string | null = null;
    try {
      configs = await readLive(this.#connections, clusterId, (g) =>
        g.describeConfigs({ type: 'broker', name: String(brokerId) }),
      );
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      configsError = error.message;
    }
    const dirs = snapshot.logDirs?.find((d) => d.brokerId === brokerId)?.logDirs ?? null;
    return {
      freshness,
      broker: summary,
      role: brokerRoleOf(snapshot, brokerId, controllerId),
      ...brokerLoadOf(snapshot, brokerId),
      configs,
      configsError,
      logDirs: dirs,
    };
  }
}
