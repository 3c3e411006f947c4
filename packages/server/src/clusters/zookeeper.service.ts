import type { ClientQuota, ScramUser, ZooKeeperPanel } from '@weir/api';
import { KafkaGatewayError, readEntityConfigsFromZooKeeper, zookeeperStatus } from '@weir/kafka';
import { UnavailableError } from '../errors.ts';
import type { ClustersService } from './clusters.service.ts';

/** What a ZooKeeper-mode cluster keeps only in ZooKeeper: its ensemble's state and, before 2.6/2.7, entity configs. */
export class ZooKeeperService {
  readonly #clusters: ClustersService;

  constructor(clusters: ClustersService) {
    this.#clusters = clusters;
  }

  /** Each server's state, read live with `srvr`. */
  async status(clusterId: string): Promise<ZooKeeperPanel> {
    const connect = await this.#clusters.zookeeperConnect(clusterId);
    return { connect, servers: connect ? await zookeeperStatus(connect) : [] };
  }

  /**
   * SCRAM users and quotas of brokers that cannot describe them (before 2.7 and 2.6), read from the
   * znodes Kafka's own kafka-configs tool wrote. Without a connect string, says how to get them.
   */
  async entityConfigs(
    clusterId: string,
    unsupported: KafkaGatewayError,
  ): Promise<{ scramUsers: ScramUser[]; quotas: ClientQuota[] }> {
    const connect = await this.#clusters.zookeeperConnect(clusterId);
    if (!connect) {
      throw new KafkaGatewayError(
        'unsupported',
        `${unsupported.message} These brokers keep SCRAM users and quotas in ZooKeeper: add the cluster's ZooKeeper connect string in its settings and Weir reads them there.`,
        unsupported.coordinates,
      );
    }
    try {
      return await readEntityConfigsFromZooKeeper(connect);
    } catch (error) {
      throw new UnavailableError(
        `The brokers cannot describe SCRAM users and quotas, and reading them from ZooKeeper ${connect} failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}
