import type { JobView, ReassignmentPlan } from '@weir/api';
import {
  type ElectionResult,
  type ElectionType,
  electPreferredLeadersThroughZooKeeper,
  type KafkaGateway,
  KafkaGatewayError,
  type TopicMetadata,
  ZooKeeperRequestError,
} from '@weir/kafka';
import { liveBrokerIds } from '../brokers/broker-ids.ts';
import type { Actor } from '../changes/actor.ts';
import type { AuditedChanges } from '../changes/audited-change.ts';
import type { Gateways } from '../clusters/cluster-connections.ts';
import type { ClustersService } from '../clusters/clusters.service.ts';
import { ConflictError, InputError, UnavailableError } from '../errors.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import { currentTopic } from '../topics/topic-lookup.ts';
import { initialProgress, REASSIGNMENT_JOB, type ReassignmentSpec } from './reassignment.job.ts';
import { planReassignment } from './reassignment-plan.ts';
import { type Move, throttleSettings } from './throttle.ts';

export interface PlanRequest {
  topics: string[];
  /** Brokers to spread over; all live brokers when omitted. */
  brokers?: number[];
  /** A new replication factor for every named topic; each keeps its own when omitted. */
  replicationFactor?: number;
}

export interface ElectionRequest {
  type: ElectionType;
  /** Partitions to elect for; every partition of the cluster when omitted (preferred only). */
  partitions?: { topic: string; partitions?: number[] }[];
  /** Unclean elections can lose committed records; they need this set to true. */
  acceptDataLoss?: boolean;
}

/** Reassignment plans and jobs, replication factor changes, and leader elections. */
export class ReplicasService {
  readonly #connections: Gateways;
  readonly #changes: AuditedChanges;
  readonly #clusters: Pick<ClustersService, 'zookeeperConnect'>;
  readonly #jobs: JobsService;

  constructor(deps: {
    connections: Gateways;
    changes: AuditedChanges;
    clusters: Pick<ClustersService, 'zookeeperConnect'>;
    jobs: JobsService;
  }) {
    this.#connections = deps.connections;
    this.#changes = deps.changes;
    this.#clusters = deps.clusters;
    this.#jobs = deps.jobs;
  }

  async plan(clusterId: string, request: PlanRequest): Promise<ReassignmentPlan> {
    const gateway = await this.#connections.gateway(clusterId);
    const cluster = await gateway.describeCluster();
    const live = cluster.brokers.map((b) => b.nodeId);
    const chosen = request.brokers?.length ? [...new Set(request.brokers)] : live;
    const unknown = chosen.filter((b) => !live.includes(b));
    if (unknown.length > 0) {
      throw new InputError(
        `Broker(s) ${unknown.join(', ')} are not in the cluster; live brokers are ${live.join(', ')}.`,
        [`brokers: ${unknown.join(', ')} do not exist or are down.`],
      );
    }
    const rf = request.replicationFactor;
    if (rf !== undefined && rf > chosen.length) {
      throw new InputError(
        `A replication factor of ${rf} needs at least ${rf} brokers; ${chosen.length} are chosen.`,
        [`replicationFactor: must be at most ${chosen.length}.`],
      );
    }
    if (request.topics.length === 0) throw new InputError('Name at least one topic.', ['topics: is empty.']);
    const partitions = [];
    for (const name of [...new Set(request.topics)]) {
      const topic = await currentTopic(await this.#connections.gateway(clusterId), name);
      for (const p of topic.partitions)
        partitions.push({ topic: name, partition: p.partition, replicas: p.replicas });
    }
    const brokers = cluster.brokers.filter((b) => chosen.includes(b.nodeId));
    return planReassignment(partitions, brokers, rf);
  }

  /** Checks the moves against the cluster, then starts them as a job (throttled when a rate is given). */
  async startReassignment(
    clusterId: string,
    request: {
      moves: { topic: string; partition: number; replicas: number[] }[];
      throttleBytesPerSecond?: number;
      purpose?: string;
    },
    actor: Actor,
  ): Promise<JobView> {
    if (request.moves.length === 0)
      throw new InputError('The plan has no moves; nothing to do.', ['moves: is empty.']);
    const live = await liveBrokerIds(await this.#connections.gateway(clusterId));
    const problems: string[] = [];
    const moves: Move[] = [];
    const topics = new Map<string, TopicMetadata>();
    for (const [i, move] of request.moves.entries()) {
      const topic =
        topics.get(move.topic) ??
        (await currentTopic(await this.#connections.gateway(clusterId), move.topic));
      topics.set(move.topic, topic);
      const current = topic.partitions.find((p) => p.partition === move.partition);
      const missing = move.replicas.filter((r) => !live.includes(r));
      if (!current) problems.push(`moves.${i}: ${move.topic} has no partition ${move.partition}.`);
      if (missing.length > 0)
        problems.push(`moves.${i}: broker(s) ${missing.join(', ')} do not exist or are down.`);
      if (new Set(move.replicas).size !== move.replicas.length || move.replicas.length === 0)
        problems.push(`moves.${i}: replicas must be distinct broker ids, at least one.`);
      if (current)
        moves.push({
          topic: move.topic,
          partition: move.partition,
          from: current.replicas,
          to: move.replicas,
        });
    }
    if (problems.length > 0) throw new InputError('The reassignment cannot start.', problems);
    const gateway = await this.#connections.gateway(clusterId);
    if (
      !(await gateway.apiVersions()).some((api) => api.name === 'AlterPartitionReassignments') &&
      !(await this.#clusters.zookeeperConnect(clusterId))
    ) {
      // Before 2.4 a reassignment is a znode the controller reads; without ZooKeeper Weir cannot write it.
      throw new KafkaGatewayError(
        'unsupported',
        "These brokers (Kafka before 2.4) take reassignments only through ZooKeeper: add the cluster's ZooKeeper connect string in its settings. Nothing was changed.",
        { api: 'AlterPartitionReassignments' },
      );
    }
    const spec: ReassignmentSpec = {
      moves,
      throttle: request.throttleBytesPerSecond
        ? throttleSettings(moves, request.throttleBytesPerSecond)
        : null,
      purpose: request.purpose ?? 'reassignment',
    };
    const job = await this.#changes.apply(
      clusterId,
      actor,
      {
        action: 'partitions.reassign',
        targetType: 'cluster',
        target: [...new Set(moves.map((m) => m.topic))].join(','),
        before: moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.from })),
      },
      () =>
        this.#jobs.start(clusterId, REASSIGNMENT_JOB, spec, initialProgress(moves), actor.principal.username),
      (started) => ({
        job: started.id,
        moves: moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to })),
        throttle: spec.throttle?.bytesPerSecond ?? null,
      }),
    );
    return job;
  }

  /** A replication factor change is a reassignment planned over all live brokers. */
  async changeReplicationFactor(
    clusterId: string,
    request: { topic: string; replicationFactor: number; throttleBytesPerSecond?: number },
    actor: Actor,
  ): Promise<JobView> {
    const plan = await this.plan(clusterId, {
      topics: [request.topic],
      replicationFactor: request.replicationFactor,
    });
    const moves = plan.moves.filter((m) => m.to.length !== m.from.length);
    if (moves.length === 0) {
      throw new InputError(
        `Topic "${request.topic}" already has replication factor ${request.replicationFactor}.`,
        ['replicationFactor: is unchanged.'],
      );
    }
    return this.startReassignment(
      clusterId,
      {
        moves: moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to })),
        throttleBytesPerSecond: request.throttleBytesPerSecond,
        purpose: 'replication-factor',
      },
      actor,
    );
  }

  async elect(clusterId: string, request: ElectionRequest, actor: Actor): Promise<ElectionResult[]> {
    if (request.type === 'unclean') {
      if (!request.acceptDataLoss) {
        throw new InputError(
          'An unclean election makes an out-of-sync replica the leader: records it never received are lost. Set acceptDataLoss to true to go ahead.',
          ['acceptDataLoss: must be true for an unclean election.'],
        );
      }
      if (!request.partitions?.length) {
        throw new InputError(
          'Name the partitions for an unclean election; Kafka never runs one cluster-wide.',
          ['partitions: is required for an unclean election.'],
        );
      }
    }
    let partitions: { topic: string; partitions: number[] }[] | null = null;
    if (request.partitions?.length) {
      partitions = [];
      for (const entry of request.partitions) {
        const topic = await currentTopic(await this.#connections.gateway(clusterId), entry.topic);
        const all = topic.partitions.map((p) => p.partition);
        const unknown = (entry.partitions ?? []).filter((p) => !all.includes(p));
        if (unknown.length > 0) {
          throw new InputError(`Topic "${entry.topic}" has partitions 0-${all.length - 1}.`, [
            `partitions: ${unknown.join(', ')} do not exist.`,
          ]);
        }
        partitions.push({
          topic: entry.topic,
          partitions: entry.partitions?.length ? entry.partitions : all,
        });
      }
    }
    const gateway = await this.#connections.gateway(clusterId);
    return this.#changes.apply(
      clusterId,
      actor,
      {
        action: request.type === 'unclean' ? 'leaders.elect-unclean' : 'leaders.elect-preferred',
        targetType: 'cluster',
        target: partitions ? partitions.map((p) => p.topic).join(',') : '*',
      },
      async () => {
        try {
          const results = await gateway.electLeaders(request.type, partitions);
          await this.#untilMetadataShows(gateway, results, request.type);
          return results;
        } catch (error) {
          if (!(error instanceof KafkaGatewayError) || error.kind !== 'unsupported') throw error;
          return this.#electThroughZooKeeper(clusterId, gateway, request.type, partitions, error);
        }
      },
      (results) => ({
        elected: results.filter((r) => !r.error && !r.alreadyLed).length,
        alreadyLed: results.filter((r) => r.alreadyLed).length,
        failed: results.filter((r) => r.error).length,
      }),
    );
  }

  /**
   * ElectLeaders answers once the controller has decided; brokers' Metadata follows a moment later.
   * Waits (at most 5 s) until Metadata shows every elected partition led (by its preferred replica for
   * a preferred election), so the page the caller opens next shows the new leaders.
   */
  async #untilMetadataShows(gateway: KafkaGateway, results: ElectionResult[], type: ElectionType) {
    const elected = results.filter((r) => !r.error && !r.alreadyLed);
    if (elected.length === 0) return;
    const topics = [...new Set(elected.map((r) => r.topic))];
    for (let waited = 0; waited < 5000; waited += 250) {
      const metadata = await gateway.metadata(topics);
      const done = elected.every((r) => {
        const p = metadata.topics.find((t) => t.name === r.topic)?.partitions[r.partition];
        return p !== undefined && p.leader >= 0 && (type === 'unclean' || p.leader === p.replicas[0]);
      });
      if (done) return;
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 250));
    }
  }

  /**
   * Brokers before 2.4 have no ElectLeaders; their controller runs a preferred election written to
   * ZooKeeper, as kafka-preferred-replica-election does. Unclean elections have no such path.
   */
  async #electThroughZooKeeper(
    clusterId: string,
    gateway: KafkaGateway,
    type: ElectionType,
    partitions: { topic: string; partitions: number[] }[] | null,
    unsupported: KafkaGatewayError,
  ): Promise<ElectionResult[]> {
    const connect = await this.#clusters.zookeeperConnect(clusterId);
    if (type !== 'preferred' || !connect) {
      throw new KafkaGatewayError(
        'unsupported',
        type === 'preferred'
          ? `${unsupported.message} Or add the cluster's ZooKeeper connect string in its settings: Weir then requests the election through ZooKeeper.`
          : `${unsupported.message} Unclean elections on these brokers are a broker setting (unclean.leader.election.enable), not a request.`,
        unsupported.coordinates,
      );
    }
    const leaders = async (topics?: string[]) =>
      (await gateway.metadata(topics)).topics.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.name,
          internal: t.internal,
          partition: p.partition,
          led: p.leader === p.replicas[0],
          leader: p.leader,
          preferred: p.replicas[0],
        })),
      );
    const chosen = (await leaders(partitions?.map((p) => p.topic))).filter((p) =>
      partitions
        ? partitions.some((c) => c.topic === p.topic && c.partitions.includes(p.partition))
        : !p.internal,
    );
    const toElect = chosen.filter((p) => !p.led).map(({ topic, partition }) => ({ topic, partition }));
    if (toElect.length > 0) {
      try {
        await electPreferredLeadersThroughZooKeeper(connect, toElect);
      } catch (error) {
        if (!(error instanceof ZooKeeperRequestError)) throw error;
        throw error.kind === 'in-progress'
          ? new ConflictError(error.message)
          : new UnavailableError(error.message);
      }
    }
    // The controller drops the znode once it has elected; brokers' metadata follows moments later.
    const topics = [...new Set(toElect.map((p) => p.topic))];
    let after = toElect.length > 0 ? await leaders(topics) : [];
    for (let wait = 0; wait < 5000 && toElect.some((p) => !isLed(after, p)); wait += 250) {
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 250));
      after = await leaders(topics);
    }
    return chosen.map(({ topic, partition, led }) => {
      if (led) return { topic, partition, alreadyLed: true, error: null };
      const now = after.find((p) => p.topic === topic && p.partition === partition);
      return {
        topic,
        partition,
        alreadyLed: false,
        error: now?.led
          ? null
          : `Broker ${now?.preferred} is not leading after the election (leader ${now?.leader ?? 'none'}); it may be out of sync.`,
      };
    });
  }
}

const isLed = (
  partitions: { topic: string; partition: number; led: boolean }[],
  wanted: { topic: string; partition: number },
) => partitions.some((p) => p.topic === wanted.topic && p.partition === wanted.partition && p.led);
