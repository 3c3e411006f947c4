import type { GroupDetail, GroupList, GroupSummary, ResetPlan, ResetRow, ResetTo } from '@weir/api';
import { type GroupDescription, type KafkaGateway, KafkaGatewayError } from '@weir/kafka';
import type { Actor } from '../changes/actor.ts';
import type { AuditedChanges } from '../changes/audited-change.ts';
import { assertConfirmed } from '../changes/confirm-name.ts';
import type { Gateways } from '../clusters/cluster-connections.ts';
import { type ClusterSnapshot, partitionKey } from '../clusters/cluster-snapshot.ts';
import type { SnapshotsService } from '../clusters/snapshots.service.ts';
import { ConflictError, InputError, NotFoundError, UnavailableError } from '../errors.ts';
import { currentTopic, ledPartitions } from '../topics/topic-lookup.ts';
import { groupListingOf, lagOf, summarizeGroups } from './groups.view.ts';
import { resetTarget } from './offset-reset.ts';

export interface ResetScope {
  /** Topics (and optionally partitions) to reset; all topics the group has offsets for when omitted. */
  topics?: { topic: string; partitions?: number[] }[];
}

// A group can be changed from outside only when no consumer holds its partitions.
const INACTIVE_STATES = new Set(['Empty', 'Dead', 'Unknown']);

/** Group reads, offset resets (previewed first), group deletion, and deletion of a group's offsets for a topic. */
export class GroupsService {
  readonly #connections: Gateways;
  readonly #changes: AuditedChanges;
  readonly #snapshots: Pick<SnapshotsService, 'read'>;

  constructor(deps: {
    connections: Gateways;
    changes: AuditedChanges;
    snapshots: Pick<SnapshotsService, 'read'>;
  }) {
    this.#connections = deps.connections;
    this.#changes = deps.changes;
    this.#snapshots = deps.snapshots;
  }

  /** The snapshot's groups whose id contains `search` (case-insensitive), and how complete the listing is. */
  async list(clusterId: string, query: { search?: string; refresh?: boolean }): Promise<GroupList> {
    const { snapshot, freshness } = await this.#snapshots.read(clusterId, query.refresh ?? false);
    const needle = query.search?.toLowerCase();
    const groups: GroupSummary[] = summarizeGroups(snapshot).filter(
      (g) => !needle || g.groupId.toLowerCase().includes(needle),
    );
    return { freshness, groups, listing: groupListingOf(snapshot) };
  }

  /**
   * One group: members with assignments and per-partition lag; a group the snapshot lacks is asked of
   * its coordinator.
   * @throws NotFoundError when its coordinator knows no such group.
   */
  async detail(clusterId: string, groupId: string, refresh = false): Promise<GroupDetail> {
    const { snapshot, freshness } = await this.#snapshots.read(clusterId, refresh);
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
        { code: 'group.not-found', params: { group: groupId } },
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

  async resetPlan(clusterId: string, groupId: string, to: ResetTo, scope: ResetScope): Promise<ResetPlan> {
    const gateway = await this.#connections.gateway(clusterId);
    const { state, description } = await this.#liveState(clusterId, groupId);
    const committed = (await gateway.committedOffsets([groupId])).get(groupId) ?? [];
    if (state === 'Dead' && committed.length === 0 && !scope.topics?.length) {
      throw new NotFoundError(
        `Consumer group "${groupId}" does not exist; name the topics to give a new group its first offsets.`,
      );
    }
    const wanted: { topic: string; partitions?: number[] }[] =
      scope.topics && scope.topics.length > 0
        ? scope.topics
        : [...new Set(committed.map((c) => c.topic))].sort().map((topic) => ({ topic }));
    if (wanted.length === 0) {
      throw new InputError(`Group "${groupId}" has no committed offsets; name the topics to reset.`, [
        'topics: is empty.',
      ]);
    }
    const cluster = await gateway.describeCluster();
    const rows: ResetRow[] = [];
    for (const { topic: name, partitions } of wanted) {
      const topic = await currentTopic(await this.#connections.gateway(clusterId), name);
      const all = topic.partitions.map((p) => p.partition);
      const unknown = (partitions ?? []).filter((p) => !all.includes(p));
      if (unknown.length > 0) {
        throw new InputError(`Topic "${name}" has partitions 0-${all.length - 1}.`, [
          `topics.${name}.partitions: ${unknown.join(', ')} do not exist.`,
        ]);
      }
      const led = ledPartitions(topic, partitions?.length ? partitions : all, cluster);
      const [starts, ends, atTime] = await Promise.all([
        gateway.offsetsAt(led, 'earliest'),
        gateway.offsetsAt(led, 'latest'),
        to.type === 'timestamp'
          ? gateway.offsetsAt(led, to.timestamp)
          : Promise.resolve(new Map<string, number>()),
      ]);
      for (const { partition } of led) {
        const key = `${name}:${partition}`;
        const current = committed.find((c) => c.topic === name && c.partition === partition)?.offset ?? null;
        const start = starts.get(key) ?? 0;
        const end = ends.get(key) ?? 0;
        const target = resetTarget(to, { committed: current, start, end, atTimestamp: atTime.get(key) });
        rows.push({
          topic: name,
          partition,
          current,
          target,
          start,
          end,
          lagBefore: current === null ? null : Math.max(0, end - current),
          lagAfter: end - target,
        });
      }
    }
    const activeMembers = description?.members.length ?? 0;
    return {
      groupId,
      state,
      activeMembers,
      blockedBy: blockedBy(groupId, state, activeMembers),
      partitions: rows,
    };
  }

  async reset(
    clusterId: string,
    groupId: string,
    request: { to: ResetTo; scope: ResetScope; confirmName: string },
    actor: Actor,
  ): Promise<ResetPlan> {
    assertConfirmed('group', groupId, request.confirmName);
    const plan = await this.resetPlan(clusterId, groupId, request.to, request.scope);
    const gateway = await this.#connections.gateway(clusterId);
    await this.#changes.apply(
      clusterId,
      actor,
      {
        action: 'group.offsets.reset',
        targetType: 'group',
        target: groupId,
        before: plan.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.current })),
      },
      async () => {
        // Refused attempts are audited too: who tried to move a live group's offsets matters.
        if (plan.blockedBy) throw new ConflictError(plan.blockedBy);
        await gateway.commitGroupOffsets(
          groupId,
          plan.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.target })),
        );
      },
      () => ({
        to: request.to,
        offsets: plan.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.target })),
      }),
    );
    return plan;
  }

  async delete(clusterId: string, groupId: string, confirmName: string, actor: Actor): Promise<void> {
    assertConfirmed('group', groupId, confirmName);
    const { state, description } = await this.#liveState(clusterId, groupId);
    if (state === 'Dead')
      throw new NotFoundError(`Consumer group "${groupId}" does not exist.`, {
        code: 'group.not-found',
        params: { group: groupId },
      });
    const refusal = blockedBy(groupId, state, description?.members.length ?? 0);
    if (refusal) throw new ConflictError(refusal);
    const gateway = await this.#connections.gateway(clusterId);
    await this.#changes.apply(
      clusterId,
      actor,
      { action: 'group.delete', targetType: 'group', target: groupId, before: { state } },
      () => gateway.deleteGroup(groupId),
      () => null,
    );
  }

  async deleteOffsets(
    clusterId: string,
    groupId: string,
    topicName: string,
    confirmName: string,
    actor: Actor,
  ): Promise<{ partitions: number[] }> {
    if (confirmName !== groupId) {
      throw new InputError(`Type the group's exact id to confirm: "${groupId}".`, [
        `body.confirmName: must equal "${groupId}".`,
      ]);
    }
    const gateway = await this.#connections.gateway(clusterId);
    const committed = ((await gateway.committedOffsets([groupId])).get(groupId) ?? []).filter(
      (c) => c.topic === topicName,
    );
    if (committed.length === 0) {
      throw new NotFoundError(`Group "${groupId}" has no committed offsets for topic "${topicName}".`);
    }
    const partitions = committed.map((c) => c.partition).sort((a, b) => a - b);
    await this.#changes.apply(
      clusterId,
      actor,
      {
        action: 'group.offsets.delete',
        targetType: 'group',
        target: `${groupId}/${topicName}`,
        before: committed.map((c) => ({ partition: c.partition, offset: c.offset })),
      },
      () => gateway.deleteGroupOffsets(groupId, topicName, partitions),
      () => null,
    );
    return { partitions };
  }

  /**
   * The group's state and members as its coordinator says now (not the snapshot). Only the
   * coordinator is asked, so a broker that does not answer blocks only the groups it coordinates.
   * @throws UnavailableError naming the broker when the coordinator cannot be asked.
   */
  async #liveState(
    clusterId: string,
    groupId: string,
  ): Promise<{ state: string; description: GroupDescription | null }> {
    const gateway = await this.#connections.gateway(clusterId);
    const described = await gateway.describeGroupsOnCoordinators([groupId]);
    const failure = described.failures.get(groupId);
    if (failure) throw new UnavailableError(`Consumer group "${groupId}" could not be read: ${failure}.`);
    let description: GroupDescription | null = described.answered.get(groupId) ?? null;
    if (!description || description.state === 'Dead') {
      // Classic DescribeGroups calls a new-protocol (KIP-848) group unknown; ConsumerGroupDescribe knows it.
      try {
        description = (await gateway.describeConsumerProtocolGroups([groupId]))[0] ?? description;
      } catch (error) {
        if (!(error instanceof KafkaGatewayError && error.kind === 'unsupported')) throw error;
      }
    }
    if (!description || description.state === 'Dead') return { state: 'Dead', description: null };
    return { state: description.state, description };
  }
}

function blockedBy(groupId: string, state: string, activeMembers: number): string | null {
  if (activeMembers === 0 && INACTIVE_STATES.has(state)) return null;
  return `Consumer group "${groupId}" is ${state} with ${activeMembers} active member(s): Kafka only accepts offset changes for a group without consumers. Stop its consumers, wait until the group is Empty, then try again.`;
}
