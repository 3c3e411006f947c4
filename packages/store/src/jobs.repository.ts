import type { Database } from './database.ts';

/** Where a job stands. `running` and `cancelling` jobs are picked up again after a restart. */
export type JobState = 'running' | 'cancelling' | 'succeeded' | 'failed' | 'cancelled';

/** A long operation on a cluster (e.g. a reassignment): what was asked, how far it got, who asked. */
export interface JobRecord<Spec = unknown, Progress = unknown> {
  id: string;
  clusterId: string;
  kind: string;
  state: JobState;
  spec: Spec;
  progress: Progress | null;
  error: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

/**
 * What can happen to a job, in the order a job usually meets them. `step` is a phase or unit of work
 * the job finished; `retrying` a step that failed and will be tried again; `resumed` a job a new Weir
 * process picked up after the previous one stopped.
 */
export type JobEventType =
  | 'started'
  | 'step'
  | 'throttle-set'
  | 'throttle-removed'
  | 'retrying'
  | 'resumed'
  | 'cancel-requested'
  | 'cancelled'
  | 'failed'
  | 'finished';

/** One entry of a job's history: when (epoch ms), what, a sentence for people, and optional facts. */
export interface JobEventRecord {
  id: number;
  jobId: string;
  at: number;
  type: JobEventType;
  detail: string;
  data: Record<string, unknown> | null;
}

interface JobEventRow extends Record<string, unknown> {
  id: number;
  job_id: string;
  at: number;
  type: JobEventType;
  detail: string;
  data_json: string | null;
}

interface JobRow extends Record<string, unknown> {
  id: string;
  cluster_id: string;
  kind: string;
  state: JobState;
  spec_json: string;
  progress_json: string | null;
  error: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

const toRecord = <S, P>(row: JobRow): JobRecord<S, P> => ({
  id: row.id,
  clusterId: row.cluster_id,
  kind: row.kind,
  state: row.state,
  spec: JSON.parse(row.spec_json) as S,
  progress: row.progress_json === null ? null : (JSON.parse(row.progress_json) as P),
  error: row.error,
  createdBy: row.created_by,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
  finishedAt: row.finished_at === null ? null : Number(row.finished_at),
});

export class JobsRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async insert(job: JobRecord): Promise<void> {
    await this.#db.execute(
      `INSERT INTO jobs (id, cluster_id, kind, state, spec_json, progress_json, error, created_by, created_at, updated_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        job.id,
        job.clusterId,
        job.kind,
        job.state,
        JSON.stringify(job.spec),
        job.progress === null ? null : JSON.stringify(job.progress),
        job.error,
        job.createdBy,
        job.createdAt,
        job.updatedAt,
        job.finishedAt,
      ],
    );
  }

  async findById<S, P>(id: string): Promise<JobRecord<S, P> | undefined> {
    const [row] = await this.#db.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    return row && toRecord<S, P>(row);
  }

  /** Newest first. */
  async listByCluster<S, P>(clusterId: string, limit: number): Promise<JobRecord<S, P>[]> {
    const rows = await this.#db.query<JobRow>(
      'SELECT * FROM jobs WHERE cluster_id = $1 ORDER BY created_at DESC, id LIMIT $2',
      [clusterId, limit],
    );
    return rows.map((row) => toRecord<S, P>(row));
  }

  /** Jobs a previous process left unfinished. */
  async listUnfinished<S, P>(): Promise<JobRecord<S, P>[]> {
    const rows = await this.#db.query<JobRow>(
      "SELECT * FROM jobs WHERE state IN ('running', 'cancelling') ORDER BY created_at",
    );
    return rows.map((row) => toRecord<S, P>(row));
  }

  async update(
    id: string,
    change: {
      state: JobState;
      progress: unknown;
      error: string | null;
      updatedAt: number;
      finishedAt: number | null;
    },
  ): Promise<void> {
    await this.#db.execute(
      'UPDATE jobs SET state = $1, progress_json = $2, error = $3, updated_at = $4, finished_at = $5 WHERE id = $6',
      [
        change.state,
        change.progress === null ? null : JSON.stringify(change.progress),
        change.error,
        change.updatedAt,
        change.finishedAt,
        id,
      ],
    );
  }

  /** Appends one entry to a job's history. */
  async appendEvent(event: Omit<JobEventRecord, 'id'>): Promise<void> {
    await this.#db.execute(
      'INSERT INTO job_events (job_id, at, type, detail, data_json) VALUES ($1, $2, $3, $4, $5)',
      [
        event.jobId,
        event.at,
        event.type,
        event.detail,
        event.data === null ? null : JSON.stringify(event.data),
      ],
    );
  }

  /** A job's history, oldest first (insertion order breaks ties between events of the same millisecond). */
  async listEvents(jobId: string): Promise<JobEventRecord[]> {
    const rows = await this.#db.query<JobEventRow>('SELECT * FROM job_events WHERE job_id = $1 ORDER BY id', [
      jobId,
    ]);
    return rows.map((row) => ({
      id: Number(row.id),
      jobId: row.job_id,
      at: Number(row.at),
      type: row.type,
      detail: row.detail,
      data: row.data_json === null ? null : (JSON.parse(row.data_json) as Record<string, unknown>),
    }));
  }

  /** Asks a running job to stop; false when it is not running (already finished or unknown). */
  async requestCancel(id: string, at: number): Promise<boolean> {
    const { changes } = await this.#db.execute(
      "UPDATE jobs SET state = 'cancelling', updated_at = $1 WHERE id = $2 AND state = 'running'",
      [at, id],
    );
    return changes > 0;
  }
}
