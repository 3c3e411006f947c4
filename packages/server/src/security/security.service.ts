import type { AclPage, AclQuery, QuotaList, ScramUserList } from '@weir/api';
import type { Gateways } from '../clusters/cluster-connections.ts';
import { readLive } from '../clusters/live-read.ts';
import type { ZooKeeperService } from '../clusters/zookeeper.service.ts';

/** ACLs, SCRAM users and client quotas, read live; older brokers' users and quotas come from ZooKeeper. */
export class SecurityService {
  readonly #connections: Gateways;
  readonly #zookeeper: Pick<ZooKeeperService, 'entityConfigs'>;

  constructor(deps: { connections: Gateways; zookeeper: Pick<ZooKeeperService, 'entityConfigs'> }) {
    this.#connections = deps.connections;
    this.#zookeeper = deps.zookeeper;
  }

  /** SCRAM users and their mechanisms, never credentials. */
  async scramUsers(clusterId: string): Promise<ScramUserList> {
    return {
      users: await readLive(
        this.#connections,
        clusterId,
        (g) => g.describeScramUsers(),
        async (unsupported) => (await this.#zookeeper.entityConfigs(clusterId, unsupported)).scramUsers,
      ),
    };
  }

  /** ACL bindings, filtered by principal, resource type and a substring of the resource name. */
  async acls(clusterId: string, filter: AclQuery): Promise<AclPage> {
    const listing = await readLive(this.#connections, clusterId, (g) => g.describeAcls());
    const name = filter.resourceName?.toLowerCase();
    const acls = listing.acls.filter(
      (acl) =>
        (!filter.principal || acl.principal === filter.principal) &&
        (!filter.resourceType || acl.resourceType === filter.resourceType.toUpperCase()) &&
        (!name || acl.resourceName.toLowerCase().includes(name)),
    );
    return { authorizerEnabled: listing.authorizerEnabled, total: listing.acls.length, acls };
  }

  /** Client quotas by user, client id and IP, and their defaults. */
  async quotas(clusterId: string): Promise<QuotaList> {
    return {
      quotas: await readLive(
        this.#connections,
        clusterId,
        (g) => g.describeClientQuotas(),
        async (unsupported) => (await this.#zookeeper.entityConfigs(clusterId, unsupported)).quotas,
      ),
    };
  }
}
