import { type GroupDescription, KafkaGatewayError } from '@weir/kafka';
import type { Actor } from '../changes/actor.ts';
import type { AuditedChanges } from '../changes/audited-change.ts';
import type { Gateways } from '../clusters/cluster-connections.ts';
import { ConflictError, InputError, NotFoundError, UnavailableError } from '../errors.ts';
import type { ResetPlan, ResetRow, ResetTo } from '../operations/operations.types.ts';
import { currentTopic, ledPartitions } from '../topics/topic-lookup.ts';
import { resetTarget } from './offset-reset.ts';

export interface ResetScope {
  /** Topics (and optionally partitions) to reset; all topics the group has offsets for when omitted. */
  topics?: { topic: string; partitions?: number[] }[];
}

// A group can be changed from outside only when no consumer holds its partitions.
const INACTIVE_STATES = new Set(['Empty', 'Dead', 'Unknown']);

/** Offset resets (previewed first), group deletion, and deletion of a group's offsets for a topic. */
export class GroupsService {
  readonly #connections: Gateways;
  readonly #changes: AuditedChanges;

  constructor(deps: { connections: Gateways; changes: AuditedChanges }) {
    this.#connections = deps.connections;
    this.#changes = deps.changes;
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
    if (request.confirmName !== groupId) {
      throw new InputError(`Type the group's exact name to confirm: "${groupId}".`, [
        `confirmName: must equal "${groupId}".`,
      ]);
    }
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
    if (confirmName !== groupId) {
      throw new InputError(`Type the group's exact name to confirm: "${groupId}".`, [
        `confirmName: must equal "${groupId}".`,
      ]);
    }
    const { state, description } = await this.#liveState(clusterId, groupId);
    if (state === 'Dead') throw new NotFoundError(`Consumer group "${groupId}" does not exist.`);
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
