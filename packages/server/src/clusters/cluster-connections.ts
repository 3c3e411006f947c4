import { createKafkaGateway, type KafkaGateway } from '@weir/kafka';
import { toConnection } from './cluster-definition.ts';
import type { ClustersService } from './clusters.service.ts';

/**
 * The way to a cluster: one open gateway per cluster, created on first use and dropped when the
 * cluster changes, and the ZooKeeper connect string its older brokers need.
 */
export class ClusterConnections {
  readonly #clusters: ClustersService;
  readonly #gateways = new Map<string, Promise<KafkaGateway>>();

  constructor(clusters: ClustersService) {
    this.#clusters = clusters;
  }

  gateway(clusterId: string): Promise<KafkaGateway> {
    let gateway = this.#gateways.get(clusterId);
    if (!gateway) {
      gateway = this.#clusters
        .getStored(clusterId)
        .then((cluster) => createKafkaGateway(toConnection(cluster.definition, cluster.secrets)));
      gateway.catch(() => this.#gateways.delete(clusterId));
      this.#gateways.set(clusterId, gateway);
    }
    return gateway;
  }

  async drop(clusterId: string): Promise<void> {
    const gateway = this.#gateways.get(clusterId);
    this.#gateways.delete(clusterId);
    await (await gateway?.catch(() => undefined))?.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#gateways.keys()].map((id) => this.drop(id)));
  }
}

/** The one road to a cluster's gateway, as services that talk to Kafka are given it. */
export type Gateways = Pick<ClusterConnections, 'gateway'>;
