import type { JobDetailView, JobView } from '@weir/api';
import type { Actor } from '../changes/actor.ts';
import type { AuditedChanges } from '../changes/audited-change.ts';
import type { Gateways } from '../clusters/cluster-connections.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import { initialCountProgress, MESSAGE_COUNT_JOB, type MessageCountSpec } from './message-count.job.ts';
import { currentTopic } from './topic-lookup.ts';

/** Exact record counts on demand: a job per request, the latest one shown with the topic. */
export class MessageCountService {
  readonly #connections: Gateways;
  readonly #changes: AuditedChanges;
  readonly #jobs: JobsService;

  constructor(deps: { connections: Gateways; changes: AuditedChanges; jobs: JobsService }) {
    this.#connections = deps.connections;
    this.#changes = deps.changes;
    this.#jobs = deps.jobs;
  }

  /** Starts a count of `topic`; NotFoundError when the topic does not exist. */
  async start(clusterId: string, topic: string, actor: Actor): Promise<JobView> {
    await currentTopic(await this.#connections.gateway(clusterId), topic);
    const spec: MessageCountSpec = { topic };
    return this.#changes.apply(
      clusterId,
      actor,
      { action: 'topic.count', targetType: 'topic', target: topic, before: null },
      () =>
        this.#jobs.start(
          clusterId,
          MESSAGE_COUNT_JOB,
          spec,
          initialCountProgress(),
          actor.principal.username,
        ),
      (job) => ({ job: job.id }),
    );
  }

  /** The newest count of `topic` (running or ended) with its history, or null when none was started. */
  async latest(clusterId: string, topic: string): Promise<JobDetailView | null> {
    const jobs = await this.#jobs.list(clusterId);
    const newest = jobs.find(
      (job) => job.kind === MESSAGE_COUNT_JOB && (job.spec as MessageCountSpec | null)?.topic === topic,
    );
    return newest ? this.#jobs.get(newest.id, clusterId) : null;
  }
}
