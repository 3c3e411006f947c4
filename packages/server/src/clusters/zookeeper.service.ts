import { zookeeperStatus } from '@weir/kafka';
import type { ClustersService } from './clusters.service.ts';
import type { ZooKeeperPanel } from './read-model.types.ts';

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
