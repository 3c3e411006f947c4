import type { TopicDetail, TruncateTarget, TruncationRow } from '@weir/api';
import {
  type ConfigEntry,
  type CreatedTopicReport,
  inferKafkaVersion,
  type TopicMetadata,
} from '@weir/kafka';
import type { Actor } from '../changes/actor.ts';
import type { AuditedChanges } from '../changes/audited-change.ts';
import { assertConfirmed } from '../changes/confirm-name.ts';
import type { Gateways } from '../clusters/cluster-connections.ts';
import { readLive } from '../clusters/live-read.ts';
import type { SnapshotsService } from '../clusters/snapshots.service.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { consumerGroupsOf, partitionViews } from './topic-detail.view.ts';
import { currentTopic, ledPartitions } from './topic-lookup.ts';
import { collidingTopic, collisionWarning, reservedTopicProblem, topicNameProblems } from './topic-rules.ts';
import { pageTopics, summarizeTopics, type TopicPageQuery } from './topics.view.ts';

export interface NewTopicInput {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
  /** Only ask the controller whether it would accept the topic. */
  validateOnly: boolean;
}

/** What Metadata answers before Kafka 2.8 gave topics ids. */
const NO_TOPIC_ID = '00000000-0000-0000-0000-000000000000';

const ORDERING_WARNING =
  'Adding partitions changes which partition a key hashes to: records with the same key written before and after may be read out of order, and compacted topics keep both values until the old ones expire.';

/** Topic reads and changes: list, detail, create, delete, add partitions, truncate, clone. Config changes live in ConfigChanges. */
export class TopicsService {
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

  /** A page of the snapshot's topics, searched and sorted. */
  async list(clusterId: string, query: TopicPageQuery & { refresh?: boolean }) {
    const { snapshot, freshness } = await this.#snapshots.read(clusterId, query.refresh ?? false);
    return { freshness, ...pageTopics(summarizeTopics(snapshot), query) };
  }

  /**
   * One topic from the snapshot: partitions with offsets and replica sizes, the groups reading it, and
   * its configs read live (configsError says why they are missing).
   * @throws NotFoundError when the snapshot lacks the topic.
   */
  async detail(clusterId: string, name: string, refresh = false): Promise<TopicDetail> {
    const { snapshot, freshness } = await this.#snapshots.read(clusterId, refresh);
    const topic = snapshot.metadata.topics.find((t) => t.name === name);
    if (!topic)
      throw new NotFoundError(
        `Topic "${name}" does not exist in this cluster (as of ${freshness.takenAt}).`,
        {
          code: 'topic.not-found',
          params: { topic: name },
        },
      );
    const summary = summarizeTopics(snapshot).find((t) => t.name === name)!;
    let configs: ConfigEntry[] | null = null;
    let configsError: string | null = null;
    try {
      configs = await readLive(this.#connections, clusterId, (g) =>
        g.describeConfigs({ type: 'topic', name }),
      );
    } catch (error) {
      configsError = (error as Error).message;
    }
    return {
      freshness,
      topic: { ...summary, topicId: topic.topicId === NO_TOPIC_ID ? null : topic.topicId },
      partitions: partitionViews(snapshot, topic),
      configs,
      configsError,
      consumerGroups: consumerGroupsOf(snapshot, name),
    };
  }

  async create(
    clusterId: string,
    input: NewTopicInput,
    actor: Actor,
  ): Promise<CreatedTopicReport & { validateOnly: boolean; warnings: string[] }> {
    const problems = topicNameProblems(input.name);
    if (problems.length > 0) throw new InputError(`"${input.name}" cannot be a topic name.`, problems);
    const gateway = await this.#connections.gateway(clusterId);
    const reserved = reservedTopicProblem(
      input.name,
      input.name.startsWith('__') ? inferKafkaVersion(await gateway.apiVersions()).minimum : null,
    );
    if (reserved) throw new InputError(`"${input.name}" cannot be created. ${reserved.slice(6)}`, [reserved]);
    const existing = (await gateway.metadata()).topics.map((t) => t.name);
    const collision = collidingTopic(input.name, existing);
    if (collision) {
      throw new InputError(
        `"${input.name}" collides with the existing topic "${collision}": Kafka treats "." and "_" alike in metric names and refuses it; choose another name.`,
        [`name: collides with the existing topic "${collision}" once "." and "_" are treated alike.`],
      );
    }
    const spec = {
      name: input.name,
      partitions: input.partitions,
      replicationFactor: input.replicationFactor,
      configs: input.configs,
    };
    // The controller checks counts, configs and policies first, so nothing is half-created.
    const warnings = [collisionWarning(input.name)].filter((warning) => warning !== null);
    if (input.validateOnly)
      return { ...(await gateway.createTopic(spec, true)), validateOnly: true, warnings };
    const created = await this.#changes.apply(
      clusterId,
      actor,
      { action: 'topic.create', targetType: 'topic', target: input.name },
      async () => {
        await gateway.createTopic(spec, true);
        return gateway.createTopic(spec, false);
      },
      (report) => ({ ...report, configs: input.configs }),
    );
    // In ZooKeeper mode the controller answers before other brokers learn of the topic; waiting a
    // moment spares the caller a "does not exist" on the very next request.
    for (let waited = 0; waited < 5000; waited += 200) {
      if ((await gateway.metadata([input.name])).topics.some((t) => t.name === input.name)) break;
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
    }
    return { ...created, validateOnly: false, warnings };
  }

  async delete(clusterId: string, name: string, confirmName: string, actor: Actor): Promise<void> {
    assertConfirmed('topic', name, confirmName);
    const topic = await currentTopic(await this.#connections.gateway(clusterId), name);
    const gateway = await this.#connections.gateway(clusterId);
    await this.#changes.apply(
      clusterId,
      actor,
      {
        action: 'topic.delete',
        targetType: 'topic',
        target: name,
        before: { partitions: topic.partitions.length },
      },
      () => gateway.deleteTopic(name),
      () => null,
    );
    // DeleteTopics answers once the controller has the deletion; brokers learn of it a moment later,
    // as with create above.
    for (let waited = 0; waited < 5000; waited += 200) {
      if (!(await gateway.metadata([name])).topics.some((t) => t.name === name)) break;
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
    }
  }

  async addPartitions(
    clusterId: string,
    name: string,
    count: number,
    validateOnly: boolean,
    actor: Actor,
  ): Promise<{ before: number; after: number; warning: string; validateOnly: boolean }> {
    const topic = await currentTopic(await this.#connections.gateway(clusterId), name);
    const before = topic.partitions.length;
    if (count <= before) {
      throw new InputError(
        `Topic "${name}" has ${before} partitions; Kafka can only add partitions, so ask for more than ${before}.`,
        [`count: must be greater than ${before}.`],
      );
    }
    const gateway = await this.#connections.gateway(clusterId);
    await gateway.addPartitions(name, count, true);
    const report = { before, after: count, warning: ORDERING_WARNING, validateOnly };
    if (validateOnly) return report;
    await this.#changes.apply(
      clusterId,
      actor,
      { action: 'topic.add-partitions', targetType: 'topic', target: name, before: { partitions: before } },
      () => gateway.addPartitions(name, count, false),
      () => ({ partitions: count }),
    );
    return { ...report, validateOnly: false };
  }

  /** Where each partition's log would start after truncating; the same answer previews and applies. */
  async truncationPlan(
    clusterId: string,
    name: string,
    target: TruncateTarget,
    partitions?: number[],
  ): Promise<TruncationRow[]> {
    const topic = await currentTopic(await this.#connections.gateway(clusterId), name);
    const gateway = await this.#connections.gateway(clusterId);
    const chosen = choosePartitions(topic, partitions);
    const led = ledPartitions(topic, chosen, await gateway.describeCluster());
    const [starts, ends] = await Promise.all([
      gateway.offsetsAt(led, 'earliest'),
      gateway.offsetsAt(led, 'latest'),
    ]);
    const at =
      target.type === 'timestamp'
        ? await gateway.offsetsAt(led, target.timestamp)
        : new Map<string, number>();
    return chosen.map((partition) => {
      const key = `${name}:${partition}`;
      const start = starts.get(key) ?? 0;
      const end = ends.get(key) ?? 0;
      const wanted =
        target.type === 'end'
          ? end
          : target.type === 'offset'
            ? target.offset
            : (at.get(key) ?? -1) < 0
              ? end
              : (at.get(key) as number);
      const newStart = Math.min(Math.max(wanted, start), end);
      return { partition, start, end, newStart, deleted: newStart - start };
    });
  }

  async truncate(
    clusterId: string,
    name: string,
    request: { target: TruncateTarget; partitions?: number[]; confirmName: string },
    actor: Actor,
  ) {
    assertConfirmed('topic', name, request.confirmName);
    const plan = await this.truncationPlan(clusterId, name, request.target, request.partitions);
    const moves = plan.filter((p) => p.newStart > p.start);
    const gateway = await this.#connections.gateway(clusterId);
    const result = await this.#changes.apply(
      clusterId,
      actor,
      {
        action: 'topic.truncate',
        targetType: 'topic',
        target: name,
        before: plan.map((p) => ({ partition: p.partition, start: p.start, end: p.end })),
      },
      async () =>
        moves.length === 0
          ? []
          : gateway.deleteRecords(
              name,
              moves.map((p) => ({ partition: p.partition, offset: p.newStart })),
            ),
    );
    return { partitions: plan, applied: result };
  }

  async clone(clusterId: string, source: string, name: string, actor: Actor) {
    const topic = await currentTopic(await this.#connections.gateway(clusterId), source);
    const gateway = await this.#connections.gateway(clusterId);
    const configs = Object.fromEntries(
      (await gateway.describeConfigs({ type: 'topic', name: source }))
        .filter((c) => c.source === 'topic' && c.value !== null)
        .map((c) => [c.name, c.value as string]),
    );
    return this.create(
      clusterId,
      {
        name,
        partitions: topic.partitions.length,
        replicationFactor: topic.partitions[0]?.replicas.length ?? 1,
        configs,
        validateOnly: false,
      },
      actor,
    );
  }
}

function choosePartitions(topic: TopicMetadata, partitions?: number[]): number[] {
  const all = topic.partitions.map((p) => p.partition);
  if (!partitions || partitions.length === 0) return all;
  const unknown = partitions.filter((p) => !all.includes(p));
  if (unknown.length > 0) {
    throw new InputError(`Topic "${topic.name}" has partitions 0-${all.length - 1}.`, [
      `partitions: ${unknown.join(', ')} do not exist.`,
    ]);
  }
  return [...new Set(partitions)].sort((a, b) => a - b);
}
