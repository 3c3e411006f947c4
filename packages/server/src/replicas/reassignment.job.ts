import type { ReassignmentProgress } from '@weir/api';
import {
  electPreferredLeadersThroughZooKeeper,
  pendingReassignmentsInZooKeeper,
  submitReassignmentThroughZooKeeper,
  ZooKeeperRequestError,
} from '@weir/kafka';
import type { JobRecord } from '@weir/store';
import type { Gateways } from '../clusters/cluster-connections.ts';
import type { ClustersService } from '../clusters/clusters.service.ts';
import type { JobHandler, JobHistory } from '../jobs/jobs.service.ts';
import { brokerThrottleChanges, type Move, type ThrottleSettings, topicThrottleChanges } from './throttle.ts';

export const REASSIGNMENT_JOB = 'reassignment';
const SETTLE_POLLS = 20;

export interface ReassignmentSpec {
  moves: Move[];
  /** Null when the reassignment runs unthrottled. */
  throttle: ThrottleSettings | null;
  /** What the job was started for, e.g. "rebalance" or "replication-factor". */
  purpose: string;
}

export const initialProgress = (moves: Move[]): ReassignmentProgress => ({
  phase: 'throttle',
  partitions: moves.map((m) => ({
    topic: m.topic,
    partition: m.partition,
    state: 'pending',
    adding: [],
    removing: [],
    error: null,
  })),
  throttleRemoved: false,
});

type Job = JobRecord<ReassignmentSpec, ReassignmentProgress>;

/**
 * A reassignment as resumable phases: set the throttle, submit the moves, wait for them, elect the
 * new preferred leaders, remove the throttle. Each phase is idempotent, so a restart repeats at most
 * the phase it was in.
 */
export class ReassignmentJob implements JobHandler<ReassignmentSpec, ReassignmentProgress> {
  readonly #connections: Gateways;
  readonly #clusters: Pick<ClustersService, 'zookeeperConnect'>;

  constructor(deps: { connections: Gateways; clusters: Pick<ClustersService, 'zookeeperConnect'> }) {
    this.#connections = deps.connections;
    this.#clusters = deps.clusters;
  }

  describe(spec: ReassignmentSpec): string {
    const topics = [...new Set(spec.moves.map((m) => m.topic))];
    return `${spec.purpose}, ${spec.moves.length} partition move(s) of ${topics.join(', ')}, ${
      spec.throttle ? `throttled to ${spec.throttle.bytesPerSecond} B/s` : 'unthrottled'
    }.`;
  }

  whereAt(job: Job): string {
    return `phase ${(job.progress ?? initialProgress(job.spec.moves)).phase}`;
  }

  async step(
    job: Job,
    history: JobHistory,
  ): Promise<{ progress: ReassignmentProgress; done: boolean; error?: string | null }> {
    const progress = structuredClone(job.progress ?? initialProgress(job.spec.moves));
    const gateway = await this.#connections.gateway(job.clusterId);
    switch (progress.phase) {
      case 'throttle':
        await this.#setThrottle(job, false, history);
        progress.phase = 'submit';
        return { progress, done: false };
      case 'submit': {
        const moves = job.spec.moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to }));
        const zookeeper = await this.#legacyZooKeeper(job);
        let refused: { topic: string; partition: number; error: string }[] = [];
        if (zookeeper) {
          try {
            await submitReassignmentThroughZooKeeper(zookeeper, moves);
          } catch (error) {
            if (!(error instanceof ZooKeeperRequestError) || error.kind !== 'in-progress') throw error;
            refused = moves.map((m) => ({ topic: m.topic, partition: m.partition, error: error.message }));
          }
        } else {
          refused = await gateway.alterReassignments(moves);
        }
        for (const p of progress.partitions) {
          const refusal = refused.find((r) => r.topic === p.topic && r.partition === p.partition);
          p.state = refusal ? 'failed' : 'moving';
          p.error = refusal?.error ?? null;
        }
        await history.record(
          'step',
          `Submitted ${moves.length - refused.length} of ${moves.length} move(s) to the controller${
            zookeeper ? ' through ZooKeeper' : ''
          }${refused.length ? `; refused: ${refused.map((r) => `${r.topic}-${r.partition}: ${r.error}`).join('; ')}` : ''}.`,
          { submitted: moves.length - refused.length, refused: refused.length },
        );
        progress.phase = 'wait';
        return { progress, done: false };
      }
      case 'wait': {
        const topics = [...new Set(job.spec.moves.map((m) => m.topic))];
        const metadata = await gateway.metadata(topics);
        const zookeeper = await this.#legacyZooKeeper(job);
        const ongoing = zookeeper
          ? movesInFlight(await pendingReassignmentsInZooKeeper(zookeeper), metadata.topics)
          : await gateway.listReassignments();
        for (const p of progress.partitions) {
          if (p.state !== 'moving') continue;
          const inFlight = ongoing.find((o) => o.topic === p.topic && o.partition === p.partition);
          if (inFlight) {
            p.adding = inFlight.adding;
            p.removing = inFlight.removing;
            continue;
          }
          const target =
            job.spec.moves.find((m) => m.topic === p.topic && m.partition === p.partition)?.to ?? [];
          const replicas =
            metadata.topics
              .find((t) => t.name === p.topic)
              ?.partitions.find((x) => x.partition === p.partition)?.replicas ?? [];
          const arrived = [...replicas].sort().join(',') === [...target].sort().join(',');
          // Metadata trails the controller for a moment after a move completes.
          p.settling = (p.settling ?? 0) + 1;
          if (!arrived && p.settling < SETTLE_POLLS) continue;
          p.state = arrived ? 'done' : 'failed';
          p.error = arrived ? null : `The controller ended this move with replicas [${replicas.join(', ')}].`;
          p.adding = [];
          p.removing = [];
          await history.record(
            'step',
            arrived
              ? `${p.topic}-${p.partition} moved to replicas [${target.join(', ')}].`
              : `${p.topic}-${p.partition} failed: ${p.error}`,
            { topic: p.topic, partition: p.partition, replicas },
          );
        }
        if (progress.partitions.every((p) => p.state !== 'moving')) progress.phase = 'elect';
        return { progress, done: false };
      }
      case 'elect': {
        const moved = progress.partitions.filter((p) => p.state === 'done');
        if (moved.length > 0) {
          // The new first replica is the planned leader; failures leave leadership where it is.
          const zookeeper = await this.#legacyZooKeeper(job);
          const failure = await (zookeeper
            ? electPreferredLeadersThroughZooKeeper(
                zookeeper,
                moved.map((p) => ({ topic: p.topic, partition: p.partition })),
              )
            : gateway.electLeaders('preferred', groupByTopic(moved))
          ).then(
            () => null,
            (error: Error) => error.message,
          );
          await history.record(
            'step',
            failure
              ? `Preferred leader election for ${moved.length} moved partition(s) failed; leaders stay where they are: ${failure}`
              : `Asked for a preferred leader election on ${moved.length} moved partition(s).`,
          );
        }
        progress.phase = 'cleanup';
        return { progress, done: false };
      }
      case 'cleanup':
        await this.#setThrottle(job, true, history);
        progress.throttleRemoved = true;
        progress.phase = 'finished';
        return { progress, done: true, error: failureOf(progress) };
      case 'finished':
        return { progress, done: true, error: failureOf(progress) };
    }
  }

  /** Kafka before 2.4 cannot stop a submitted reassignment, so neither can Weir. */
  async cancelRefusal(job: Job): Promise<string | null> {
    const submitted = (job.progress ?? initialProgress(job.spec.moves)).partitions.some(
      (p) => p.state === 'moving',
    );
    if (!submitted || !(await this.#legacyZooKeeper(job))) return null;
    return 'These brokers (Kafka before 2.4) cannot cancel a reassignment once it is submitted; it runs to the end, and Weir then removes its throttle.';
  }

  async cancel(job: Job, history: JobHistory): Promise<ReassignmentProgress> {
    const progress = structuredClone(job.progress ?? initialProgress(job.spec.moves));
    const gateway = await this.#connections.gateway(job.clusterId);
    // Before 2.4 nothing submitted can be reverted; only moves not yet written are cancelled.
    const ongoing = (await this.#legacyZooKeeper(job)) ? [] : await gateway.listReassignments();
    const ours = progress.partitions.filter((p) =>
      ongoing.some((o) => o.topic === p.topic && o.partition === p.partition),
    );
    if (ours.length > 0) {
      await gateway.alterReassignments(
        ours.map((p) => ({ topic: p.topic, partition: p.partition, replicas: null })),
      );
    }
    for (const p of progress.partitions) {
      if (p.state === 'pending' || ours.some((o) => o.topic === p.topic && o.partition === p.partition)) {
        p.state = 'cancelled';
        p.adding = [];
        p.removing = [];
      }
    }
    await history.record(
      'step',
      `Cancelled ${ours.length} move(s) still in progress; the controller keeps the replicas they had.`,
      { partitions: ours.map((p) => `${p.topic}-${p.partition}`) },
    );
    await this.#setThrottle(job, true, history);
    progress.throttleRemoved = true;
    progress.phase = 'finished';
    return progress;
  }

  async abandon(job: Job, history: JobHistory): Promise<void> {
    await this.#setThrottle(job, true, history);
  }

  /** The cluster's ZooKeeper when its brokers predate AlterPartitionReassignments (2.4); null otherwise. */
  async #legacyZooKeeper(job: Job): Promise<string | null> {
    const gateway = await this.#connections.gateway(job.clusterId);
    if ((await gateway.apiVersions()).some((api) => api.name === 'AlterPartitionReassignments')) return null;
    const connect = await this.#clusters.zookeeperConnect(job.clusterId);
    if (!connect)
      throw new Error(
        "These brokers (Kafka before 2.4) take reassignments only through ZooKeeper, and the cluster has no ZooKeeper connect string any more; add it in the cluster's settings.",
      );
    return connect;
  }

  async #setThrottle(job: Job, remove: boolean, history: JobHistory): Promise<void> {
    const throttle = job.spec.throttle;
    if (!throttle) return;
    const gateway = await this.#connections.gateway(job.clusterId);
    for (const entry of throttle.topics) {
      const changes = topicThrottleChanges(entry, remove);
      if (changes.length > 0)
        await gateway.alterConfigs({ type: 'topic', name: entry.topic }, changes, false);
    }
    for (const broker of throttle.brokers) {
      await gateway.alterConfigs(
        { type: 'broker', name: String(broker) },
        brokerThrottleChanges(throttle.bytesPerSecond, remove),
        false,
      );
    }
    const topics = throttle.topics.map((t) => t.topic);
    await history.record(
      remove ? 'throttle-removed' : 'throttle-set',
      remove
        ? `Replication throttle removed from broker(s) ${throttle.brokers.join(', ')} and topic(s) ${topics.join(', ')}.`
        : `Replication throttle of ${throttle.bytesPerSecond} B/s set on broker(s) ${throttle.brokers.join(', ')} and topic(s) ${topics.join(', ')}.`,
      { bytesPerSecond: throttle.bytesPerSecond, brokers: throttle.brokers, topics },
    );
  }
}

function failureOf(progress: ReassignmentProgress): string | null {
  const failed = progress.partitions.filter((p) => p.state === 'failed');
  if (failed.length === 0) return null;
  return `${failed.length} partition move(s) failed: ${failed
    .slice(0, 5)
    .map((p) => `${p.topic}-${p.partition}: ${p.error}`)
    .join('; ')}`;
}

function groupByTopic(partitions: { topic: string; partition: number }[]) {
  const byTopic = new Map<string, number[]>();
  for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
  return [...byTopic].map(([topic, ids]) => ({ topic, partitions: ids }));
}

/** Pending ZooKeeper moves as AlterPartitionReassignments would list them: replicas being added and removed. */
function movesInFlight(
  pending: { topic: string; partition: number; replicas: number[] }[],
  topics: { name: string; partitions: { partition: number; replicas: number[]; isr: number[] }[] }[],
) {
  return pending.map((move) => {
    const now = topics
      .find((t) => t.name === move.topic)
      ?.partitions.find((p) => p.partition === move.partition);
    return {
      topic: move.topic,
      partition: move.partition,
      adding: move.replicas.filter((r) => !now?.isr.includes(r)),
      removing: (now?.replicas ?? []).filter((r) => !move.replicas.includes(r)),
    };
  });
}
