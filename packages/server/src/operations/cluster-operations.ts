import type { KafkaGateway, TopicMetadata } from '@weir/kafka';
import type { AuditService } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { ClusterConnections } from '../clusters/cluster-connections.ts';
import type { SnapshotsService } from '../clusters/snapshots.service.ts';
import { NotFoundError } from '../errors.ts';

/** Who asked for a change, for the audit log and job history. */
export interface Actor {
  principal: Principal;
  ip: string | null;
}

export interface ChangeRecord {
  /** `noun.verb`, e.g. `topic.create`. */
  action: string;
  targetType: string;
  target: string;
  before?: unknown;
}

/**
 * What every change service shares: the cluster's gateway, the current (not snapshot) metadata of a
 * target, and one way to apply a change so it is audited whether it succeeds or fails and the next
 * read sees it.
 */
export class ClusterOperations {
  readonly #connections: ClusterConnections;
  readonly #snapshots: SnapshotsService;
  readonly #audit: AuditService;

  constructor(deps: {
    connections: ClusterConnections;
    snapshots: SnapshotsService;
    audit: AuditService;
  }) {
    this.#connections = deps.connections;
    this.#snapshots = deps.snapshots;
    this.#audit = deps.audit;
  }

  /** The ZooKeeper connect string given at onboarding, if any (older clusters need it for some changes). */
  zookeeperConnect(clusterId: string): Promise<string | null> {
    return this.#connections.zookeeperConnect(clusterId);
  }

  gateway(clusterId: string): Promise<KafkaGateway> {
    return this.#connections.gateway(clusterId);
  }

  /** The topic as the cluster describes it now; 404 when it does not exist. */
  async topic(clusterId: string, name: string): Promise<TopicMetadata> {
    const metadata = await (await this.gateway(clusterId)).metadata([name]);
    const topic = metadata.topics.find((t) => t.name === name);
    if (!topic) throw new NotFoundError(`Topic "${name}" does not exist in this cluster; check the name.`);
    return topic;
  }

  async brokerIds(clusterId: string): Promise<number[]> {
    return (await (await this.gateway(clusterId)).describeCluster()).brokers.map((b) => b.nodeId);
  }

  /** Runs `work`, records the outcome in the audit log, and drops the snapshot so reads show the change. */
  async apply<T>(
    clusterId: string,
    actor: Actor,
    change: ChangeRecord,
    work: () => Promise<T>,
    after: (result: T) => unknown = (result) => result,
  ): Promise<T> {
    const target = `${clusterId}/${change.target}`;
    const event = { action: change.action, targetType: change.targetType, target, before: change.before };
    try {
      const result = await work();
      await this.#audit.record(actor, { ...event, after: after(result), result: 'success' });
      return result;
    } catch (error) {
      await this.#audit.record(actor, { ...event, result: 'failure', detail: (error as Error).message });
      throw error;
    } finally {
      this.#snapshots.forget(clusterId);
    }
  }

  record(actor: Actor | null, change: ChangeRecord & { after?: unknown; ok: boolean; detail?: string }) {
    return this.#audit.record(actor ?? { name: 'weir' }, {
      action: change.action,
      targetType: change.targetType,
      target: change.target,
      before: change.before,
      after: change.after,
      result: change.ok ? 'success' : 'failure',
      detail: change.detail ?? null,
    });
  }

  forgetSnapshot(clusterId: string): void {
    this.#snapshots.forget(clusterId);
  }
}
