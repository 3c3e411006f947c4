import { type ZooKeeperServerStatus, zookeeperStatus } from '@weir/kafka';
import type { ClustersService } from './clusters.service.ts';

export interface ZooKeeperPanel {
  /** The cluster's ZooKeeper connect string, when one was given at onboarding. */
  connect: string | null;
  servers: ZooKeeperServerStatus[];
}

/** The ZooKeeper ensemble of a ZooKeeper-mode cluster, read live with `srvr` on each server. */
export class ZooKeeperService {
  readonly #clusters: ClustersService;

  constructor(clusters: ClustersService) {
    this.#clusters = clusters;
  }

  async status(clusterId: string): Promise<ZooKeeperPanel> {
    const { definition } = await this.#clusters.getStored(clusterId);
    const connect = definition.zookeeperConnect ?? null;
    return { connect, servers: connect ? await zookeeperStatus(connect) : [] };
  }
}
