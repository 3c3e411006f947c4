import { type ConfigEntry, type GroupDescription, type KafkaGateway, KafkaGatewayError } from '@weir/kafka';
import { NotFoundError, UnavailableError } from '../errors.ts';
import { type BrokerSummary, summarizeBrokers } from './brokers.view.ts';
import type { ClusterConnections } from './cluster-connections.ts';
import { type ClusterSnapshot, partitionKey } from './cluster-snapshot.ts';
import { type GroupSummary, groupListingOf, lagOf, summarizeGroups, totalLagOf } from './groups.view.ts';
import { type ClusterOverview, overviewOf } from './overview.view.ts';
import type {
  AclPage,
  BrokerDetail,
  ClientQuota,
  Freshness,
  GroupDetail,
  GroupList,
  ScramUser,
  TopicDetail,
  TopicPartitionView,
} from './read-model.types.ts';
import type { SnapshotState, SnapshotsService } from './snapshots.service.ts';
import {
  pageTopics,
  replicaSizeGap,
  replicaSizes,
  summarizeTopics,
  type TopicPageQuery,
} from './topics.view.ts';
import type { ZooKeeperService } from './zookeeper.service.ts';

export type { Freshness };

export const DEFAULT_MAX_AGE_MS = 30_000;

const freshnessOf = (state: SnapshotState, now: number): Freshness => ({
  takenAt: new Date(state.snapshot.takenAt).toISOString(),
  ageMs: now - state.snapshot.takenAt,
  stale: state.refreshError !== null,
  refreshError: state.refreshError,
  partial: Object.keys(state.snapshot.partErrors).length > 0,
  partErrors: state.snapshot.partErrors,
});

/** What Metadata answers before Kafka 2.8 gave topics ids. */
const NO_TOPIC_ID = '00000000-0000-0000-0000-000000000000';

/** Reads for the console, API and CLI: from the snapshot where possible, from the cluster for details. */
export class ClusterReadService {
  readonly #snapshots: SnapshotsService;
  readonly #connections: ClusterConnections;
  readonly #zookeeper: ZooKeeperService;
  readonly #now: () => number;

  constructor(
    snapshots: SnapshotsService,
    connections: ClusterConnections,
    zookeeper: ZooKeeperService,
    now: () => number = Date.now,
  ) {
    this.#snapshots = snapshots;
    this.#connections = connections;
    this.#zookeeper = zookeeper;
    this.#now = now;
  }

  async #state(clusterId: string, refresh: boolean) {
    const state = refresh
      ? await this.#snapshots.refresh(clusterId)
      : await this.#snapshots.get(clusterId, { maxAgeMs: DEFAULT_MAX_AGE_MS });
    return { state, snapshot: state.snapshot, freshness: freshnessOf(state, this.#now()) };
  }

  async overview(
    clusterId: string,
    refresh = false,
  ): Promise<{ freshness: Freshness; overview: ClusterOverview }> {
    const { snapshot, freshness } = await this.#state(clusterId, refresh);
    return { freshness, overview: overviewOf(snapshot) };
  }

  async brokers(
    clusterId: string,
    refresh = false,
  ): Promise<{ freshness: Freshness; brokers: BrokerSummary[] }> {
    const { snapshot, freshness } = await this.#state(clusterId, refresh);
    return { freshness, brokers: summarizeBrokers(snapshot, overviewOf(snapshot).controllerId) };
  }

  async broker(clusterId: string, brokerId: number, refresh = false): Promise<BrokerDetail> {
    const { snapshot, freshness } = await this.#state(clusterId, refresh);
    const summary = summarizeBrokers(snapshot, overviewOf(snapshot).controllerId).find(
      (b) => b.nodeId === brokerId,
    );
    if (!summary)
      throw new NotFoundError(`Broker ${brokerId} is not in the cluster's metadata (it may be down).`);
    const configs = await this.#details(clusterId, (g) =>
      g.describeConfigs({ type: 'broker', name: String(brokerId) }),
    );
    const dirs = snapshot.logDirs?.find((d) => d.brokerId === brokerId)?.logDirs ?? null;
    return { freshness, broker: summary, configs, logDirs: dirs };
  }

  async topics(clusterId: string, query: TopicPageQuery & { refresh?: boolean }) {
    const { snapshot, freshness } = await this.#state(clusterId, query.refresh ?? false);
    return { freshness, ...pageTopics(summarizeTopics(snapshot), query) };
  }

  async topic(clusterId: string, name: string, refresh = false): Promise<TopicDetail> {
    const { snapshot, freshness } = await this.#state(clusterId, refresh);
    const topic = snapshot.metadata.topics.find((t) => t.name === name);
    if (!topic)
      throw new NotFoundError(`Topic "${name}" does not exist in this cluster (as of ${freshness.takenAt}).`);
    const summary = summarizeTopics(snapshot).find((t) => t.name === name)!;

    const sizes = snapshot.logDirs ? replicaSizes(snapshot) : null;
    const gap = replicaSizeGap(snapshot);
    const partitions = topic.partitions.map((p): TopicPartitionView => {
      const offsets = snapshot.offsets?.get(partitionKey(name, p.partition));
      const bySize = sizes?.get(partitionKey(name, p.partition));
      return {
        partition: p.partition,
        leader: p.leader < 0 ? null : p.leader,
        replicas: p.replicas,
        isr: p.isr,
        offlineReplicas: p.offlineReplicas,
        offline: p.leader < 0,
        underReplicated: p.isr.length < p.replicas.length,
        startOffset: offsets?.start ?? null,
        endOffset: offsets?.end ?? null,
        replicaSizes: p.replicas.map((broker) => ({
          broker,
          sizeBytes: bySize?.get(broker) ?? null,
          unknownReason:
            bySize?.get(broker) !== undefined
              ? null
              : sizes
                ? (gap(broker) ?? `broker ${broker} reported no log dir holding this replica`)
                : (snapshot.partErrors.logDirs ?? 'log dirs could not be read'),
        })),
        offsetsUnknownReason: offsets
          ? null
          : (snapshot.offsetErrors.get(partitionKey(name, p.partition)) ??
            snapshot.partErrors.offsets ??
            'offsets could not be read'),
      };
    });
    // Groups relate to a topic through committed offsets and through their members' assignments.
    const consumerGroups = summarizeGroups(snapshot)
      .filter((g) => g.topics.includes(name))
      .map((g) => ({
        groupId: g.groupId,
        state: g.state,
        lag: totalLagOf(
          snapshot,
          g.groupId,
          lagOf(snapshot, g.groupId).filter((l) => l.topic === name),
        ),
      }));
    let configs: ConfigEntry[] | null = null;
    let configsError: string | null = null;
    try {
      configs = await this.#details(clusterId, (g) => g.describeConfigs({ type: 'topic', name }));
    } catch (error) {
      configsError = (error as Error).message;
    }
    return {
      freshness,
      topic: { ...summary, topicId: topic.topicId === NO_TOPIC_ID ? null : topic.topicId },
      partitions,
      configs,
      configsError,
      consumerGroups,
    };
  }

  async groups(clusterId: string, query: { search?: string; refresh?: boolean }): Promise<GroupList> {
    const { snapshot, freshness } = await this.#state(clusterId, query.refresh ?? false);
    const needle = query.search?.toLowerCase();
    const groups: GroupSummary[] = summarizeGroups(snapshot).filter(
      (g) => !needle || g.groupId.toLowerCase().includes(needle),
    );
    return { freshness, groups, listing: groupListingOf(snapshot) };
  }

  async group(clusterId: string, groupId: string, refresh = false): Promise<GroupDetail> {
    const { snapshot, freshness } = await this.#state(clusterId, refresh);
    const view = snapshot.groups?.some((g) => g.groupId === groupId)
      ? snapshot
      : await this.#groupFromCoordinator(clusterId, snapshot, groupId);
    const summary = summarizeGroups(view).find((g) => g.groupId === groupId)!;
    const description = view.descriptions?.get(groupId) ?? null;
    const owner = new Map<string, string>();
    for (const member of description?.members ?? []) {
      for (const a of member.assignment) owner.set(partitionKey(a.topic, a.partition), member.memberId);
    }
    return {
      freshness,
      group: {
        ...summary,
        protocol: description?.protocol ?? null,
        members: description?.members ?? [],
        describeError: description
          ? null
          : (view.groupErrors.get(groupId) ??
            view.partErrors.groupDescriptions ??
            'the group was not described'),
      },
      partitions: lagOf(view, groupId).map((p) => ({
        ...p,
        memberId: owner.get(partitionKey(p.topic, p.partition)) ?? null,
      })),
    };
  }

  /**
   * A group the snapshot's listing lacks (created since, or listed by a broker that did not answer):
   * asked of its coordinator now. "Does not exist" is said only when the coordinator says so.
   * @throws NotFoundError when the coordinator describes it as Dead and it has no committed offsets.
   * @throws UnavailableError naming the broker when its coordinator could not be asked.
   */
  async #groupFromCoordinator(clusterId: string, snapshot: ClusterSnapshot, groupId: string) {
    const gateway = await this.#connections.gateway(clusterId);
    const [described, committed] = await Promise.all([
      gateway.describeGroupsOnCoordinators([groupId]),
      gateway.committedOffsetsFromCoordinators([groupId]),
    ]);
    let description: (GroupDescription & { coordinator?: number }) | undefined =
      described.answered.get(groupId);
    const offsets = committed.answered.get(groupId);
    // Classic DescribeGroups calls a new-protocol (KIP-848) group unknown; ConsumerGroupDescribe knows it.
    if (description?.state === 'Dead')
      description = (await this.#consumerProtocolGroup(gateway, groupId)) ?? description;
    const error = described.failures.get(groupId) ?? committed.failures.get(groupId);
    if (!description && !offsets)
      throw new UnavailableError(
        `Consumer group "${groupId}" could not be read: ${error ?? 'its coordinator gave no answer'}.`,
      );
    if (description?.state === 'Dead' && (offsets?.length ?? 0) === 0)
      throw new NotFoundError(
        `Consumer group "${groupId}" does not exist: its coordinator, broker ${description.coordinator ?? '?'}, knows no such group.`,
      );
    const groupErrors = new Map<string, string>();
    if (error) groupErrors.set(groupId, error);
    const view: ClusterSnapshot = {
      ...snapshot,
      groups: [
        {
          groupId,
          state: description?.state ?? 'Unknown',
          protocolType: description?.protocolType ?? '',
          groupType: description && !('coordinator' in description) ? 'consumer' : null,
        },
      ],
      committed: offsets ? new Map([[groupId, offsets]]) : new Map(),
      descriptions: description ? new Map([[groupId, description]]) : new Map(),
      groupErrors,
    };
    return view;
  }

  /** A new-protocol group by ConsumerGroupDescribe; undefined when the cluster lacks it or says no. */
  async #consumerProtocolGroup(
    gateway: KafkaGateway,
    groupId: string,
  ): Promise<GroupDescription | undefined> {
    try {
      return (await gateway.describeConsumerProtocolGroups([groupId]))[0];
    } catch (error) {
      if (error instanceof KafkaGatewayError && error.kind === 'unsupported') return undefined;
      throw new UnavailableError(
        `Consumer group "${groupId}" could not be read: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }

  async scramUsers(clusterId: string): Promise<{ users: ScramUser[] }> {
    return {
      users: await this.#details(
        clusterId,
        (g) => g.describeScramUsers(),
        async (unsupported) => (await this.#zookeeper.entityConfigs(clusterId, unsupported)).scramUsers,
      ),
    };
  }

  /** ACL bindings, filtered by principal, resource type and a substring of the resource name. */
  async acls(
    clusterId: string,
    filter: { principal?: string; resourceType?: string; resourceName?: string },
  ): Promise<AclPage> {
    const listing = await this.#details(clusterId, (g) => g.describeAcls());
    const name = filter.resourceName?.toLowerCase();
    const acls = listing.acls.filter(
      (acl) =>
        (!filter.principal || acl.principal === filter.principal) &&
        (!filter.resourceType || acl.resourceType === filter.resourceType.toUpperCase()) &&
        (!name || acl.resourceName.toLowerCase().includes(name)),
    );
    return { authorizerEnabled: listing.authorizerEnabled, total: listing.acls.length, acls };
  }

  async quotas(clusterId: string): Promise<{ quotas: ClientQuota[] }> {
    return {
      quotas: await this.#details(
        clusterId,
        (g) => g.describeClientQuotas(),
        async (unsupported) => (await this.#zookeeper.entityConfigs(clusterId, unsupported)).quotas,
      ),
    };
  }

  async #details<T>(
    clusterId: string,
    work: (gateway: Awaited<ReturnType<ClusterConnections['gateway']>>) => Promise<T>,
    whenUnsupported?: (error: KafkaGatewayError) => Promise<T>,
  ): Promise<T> {
    const gateway = await this.#connections.gateway(clusterId);
    try {
      return await work(gateway);
    } catch (error) {
      if (whenUnsupported && error instanceof KafkaGatewayError && error.kind === 'unsupported')
        return whenUnsupported(error);
      throw new UnavailableError((error as Error).message, { cause: error });
    }
  }
}
