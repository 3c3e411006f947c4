import type { JobDetailView, JobEventView, JobView } from '@weir/api';
import type { JobEventRecord, JobEventType, JobRecord, JobState, JobsRepository } from '@weir/store';
import { ConflictError, NotFoundError } from '../errors.ts';

/** Writes entries of one job's history; handlers call it for the steps only they can see. */
export interface JobHistory {
  record(type: JobEventType, detail: string, data?: Record<string, unknown>): Promise<void>;
}

/** What one kind of job does; every method must be safe to call again after a restart. */
export interface JobHandler<Spec = unknown, Progress = unknown> {
  /**
   * Advances the job; called every `pollMs` until it reports done, or at once again when it says
   * `again` (work that is not waiting on the cluster, such as reading a topic chunk by chunk).
   */
  step(
    job: JobRecord<Spec, Progress>,
    history: JobHistory,
  ): Promise<{ progress: Progress; done: boolean; error?: string | null; again?: boolean }>;
  /** Stops the work in the cluster and cleans up; returns the final progress. */
  cancel(job: JobRecord<Spec, Progress>, history: JobHistory): Promise<Progress>;
  /** Why the job cannot be cancelled now, or null when it can. */
  cancelRefusal?(job: JobRecord<Spec, Progress>): Promise<string | null>;
  /** Best-effort cleanup after a step failed for good. */
  abandon?(job: JobRecord<Spec, Progress>, history: JobHistory): Promise<void>;
  /** One sentence on what the job was asked to do, for the `started` entry of its history. */
  describe?(spec: Spec): string;
  /** Where the job stands, for the `resumed` entry after a restart (e.g. "phase wait"). */
  whereAt?(job: JobRecord<Spec, Progress>): string;
}

const toView = (job: JobRecord): JobView => ({
  id: job.id,
  clusterId: job.clusterId,
  kind: job.kind,
  state: job.state,
  spec: job.spec,
  progress: job.progress,
  error: job.error,
  createdBy: job.createdBy,
  createdAt: new Date(job.createdAt).toISOString(),
  updatedAt: new Date(job.updatedAt).toISOString(),
  finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
});

const toEventView = (event: JobEventRecord): JobEventView => ({
  at: new Date(event.at).toISOString(),
  type: event.type,
  detail: event.detail,
  data: event.data,
});

// A step that fails this many times in a row fails the job; a blip (a leader moving) does not.
const MAX_CONSECUTIVE_FAILURES = 5;

/**
 * Persisted jobs: each runs as a loop of steps whose progress is saved after every step, so a
 * restarted Weir picks unfinished jobs up where they were. Cancelling marks the job; the loop sees it.
 */
export class JobsService {
  readonly #jobs: JobsRepository;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #pollMs: number;
  readonly #now: () => number;
  readonly #onFinish: (job: JobView) => Promise<void>;
  #stopped = false;
  readonly #wakers = new Set<() => void>();

  constructor(
    jobs: JobsRepository,
    options: { pollMs?: number; now?: () => number; onFinish?: (job: JobView) => Promise<void> } = {},
  ) {
    this.#jobs = jobs;
    this.#pollMs = options.pollMs ?? 2000;
    this.#now = options.now ?? Date.now;
    this.#onFinish = options.onFinish ?? (async () => undefined);
  }

  register<S, P>(kind: string, handler: JobHandler<S, P>): void {
    this.#handlers.set(kind, handler as JobHandler);
  }

  async start(
    clusterId: string,
    kind: string,
    spec: unknown,
    progress: unknown,
    createdBy: string,
  ): Promise<JobView> {
    const now = this.#now();
    const job: JobRecord = {
      id: crypto.randomUUID(),
      clusterId,
      kind,
      state: 'running',
      spec,
      progress,
      error: null,
      createdBy,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    await this.#jobs.insert(job);
    const what = this.#handlers.get(kind)?.describe?.(spec);
    await this.#history(job.id).record('started', `Started by ${createdBy}${what ? `: ${what}` : '.'}`);
    this.#launch(job);
    return toView(job);
  }

  /** Picks up jobs a previous process left running; call once at start-up. */
  async resumeUnfinished(): Promise<number> {
    const unfinished = await this.#jobs.listUnfinished();
    for (const job of unfinished) {
      const at = this.#handlers.get(job.kind)?.whereAt?.(job);
      await this.#history(job.id).record(
        'resumed',
        `Resumed after a restart of Weir${at ? ` at ${at}` : ''}, from the progress saved at ${new Date(job.updatedAt).toISOString()}.`,
        { state: job.state, savedAt: new Date(job.updatedAt).toISOString() },
      );
      this.#launch(job);
    }
    return unfinished.length;
  }

  /** One job with its history, oldest entry first. */
  async get(id: string, clusterId?: string): Promise<JobDetailView> {
    const job = await this.#jobs.findById(id);
    if (!job || (clusterId && job.clusterId !== clusterId))
      throw new NotFoundError(`Job ${id} does not exist.`, { code: 'job.not-found', params: { id } });
    return { ...toView(job), history: (await this.#jobs.listEvents(id)).map(toEventView) };
  }

  async list(clusterId: string, limit = 100): Promise<JobView[]> {
    return (await this.#jobs.listByCluster(clusterId, limit)).map(toView);
  }

  async cancel(id: string, clusterId: string): Promise<JobView> {
    const job = await this.get(id, clusterId);
    const record = await this.#jobs.findById(id);
    const refusal = record && (await this.#handlers.get(record.kind)?.cancelRefusal?.(record));
    if (refusal) throw new ConflictError(refusal);
    if (!(await this.#jobs.requestCancel(id, this.#now()))) {
      throw new ConflictError(`Job ${id} is ${job.state}; only a running job can be cancelled.`);
    }
    await this.#history(id).record('cancel-requested', 'Cancel requested; the job stops at its next step.');
    for (const wake of this.#wakers) wake();
    return this.get(id);
  }

  /** Waits until the job leaves the running states (for tests and the CLI). */
  async settled(id: string, timeoutMs: number): Promise<JobDetailView> {
    const deadline = this.#now() + timeoutMs;
    for (;;) {
      const job = await this.get(id);
      if (job.state !== 'running' && job.state !== 'cancelling') return job;
      if (this.#now() > deadline) return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Stops the loops without touching job state, so the next process resumes them. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const wake of this.#wakers) wake();
    await Promise.allSettled(this.#running.values());
  }

  #launch(job: JobRecord): void {
    if (this.#running.has(job.id)) return;
    const loop = this.#loop(job.id).finally(() => this.#running.delete(job.id));
    this.#running.set(job.id, loop);
  }

  async #loop(id: string): Promise<void> {
    let failures = 0;
    while (!this.#stopped) {
      const job = await this.#jobs.findById(id);
      if (!job) return;
      const handler = this.#handlers.get(job.kind);
      if (!handler)
        return this.#finish(job, 'failed', job.progress, `No handler for jobs of kind "${job.kind}".`);
      const history = this.#history(id);
      try {
        if (job.state === 'cancelling') {
          return this.#finish(job, 'cancelled', await handler.cancel(job, history), null);
        }
        if (job.state !== 'running') return;
        const { progress, done, error, again } = await handler.step(job, history);
        failures = 0;
        // Re-read: a cancel may have arrived while the step ran.
        const latest = await this.#jobs.findById(id);
        const state = latest?.state === 'cancelling' ? 'cancelling' : 'running';
        if (done && state === 'running')
          return this.#finish(job, error ? 'failed' : 'succeeded', progress, error ?? null);
        await this.#jobs.update(id, {
          state,
          progress,
          error: null,
          updatedAt: this.#now(),
          finishedAt: null,
        });
        if (state === 'cancelling' || again) continue;
      } catch (error) {
        failures += 1;
        const message = (error as Error).message;
        if (failures >= MAX_CONSECUTIVE_FAILURES) {
          await handler.abandon?.(job, history).catch(() => undefined);
          return this.#finish(job, 'failed', job.progress, message);
        }
        await history
          .record('retrying', `A step failed (${failures}/${MAX_CONSECUTIVE_FAILURES}); retrying: ${message}`)
          .catch(() => undefined);
        await this.#jobs.update(id, {
          state: job.state,
          progress: job.progress,
          error: `Retrying (${failures}/${MAX_CONSECUTIVE_FAILURES}): ${message}`,
          updatedAt: this.#now(),
          finishedAt: null,
        });
      }
      await this.#sleep();
    }
  }

  async #finish(job: JobRecord, state: JobState, progress: unknown, error: string | null): Promise<void> {
    const now = this.#now();
    const ending = { succeeded: 'finished', failed: 'failed', cancelled: 'cancelled' } as const;
    const type = state === 'succeeded' || state === 'failed' || state === 'cancelled' ? ending[state] : null;
    // The last event is written first and at the job's finishedAt, so whoever sees the job ended
    // also sees how it ended, and no event is later than the end.
    if (type) {
      const detail = { finished: 'Finished.', failed: `Failed: ${error}`, cancelled: 'Cancelled.' }[type];
      await this.#jobs
        .appendEvent({ jobId: job.id, at: now, type, detail, data: null })
        .catch(() => undefined);
    }
    await this.#jobs.update(job.id, { state, progress, error, updatedAt: now, finishedAt: now });
    await this.#onFinish(toView({ ...job, state, progress, error, updatedAt: now, finishedAt: now })).catch(
      () => undefined,
    );
  }

  #history(jobId: string): JobHistory {
    return {
      record: (type, detail, data) =>
        this.#jobs.appendEvent({ jobId, at: this.#now(), type, detail, data: data ?? null }),
    };
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.#pollMs);
      this.#wakers.add(wake);
    });
  }
}
