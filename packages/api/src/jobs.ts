import { type Static, Type } from '@sinclair/typebox';
import { Id } from './common.ts';
import { Literals, Nullable } from './schema-kit.ts';

/**
 * Jobs: long-running work (reassignments, message counts) that survives restarts. A job's `spec`
 * and `progress` depend on its `kind`: the replicas module holds ReassignmentSpec and
 * ReassignmentProgress, the topics module MessageCountSpec and MessageCountProgress.
 */

export const JOB_STATES = ['running', 'cancelling', 'succeeded', 'failed', 'cancelled'] as const;
export const JobState = Literals(JOB_STATES);
export type JobState = Static<typeof JobState>;

export const JobParams = Type.Object({ id: Id, jobId: Type.String({ format: 'uuid' }) });
export type JobParams = Static<typeof JobParams>;

export const JobView = Type.Object({
  id: Type.String(),
  clusterId: Type.String(),
  kind: Type.String({ description: '`reassignment` or `message-count`' }),
  state: JobState,
  spec: Type.Unknown({ description: 'What the job was asked to do; its shape depends on `kind`' }),
  progress: Type.Unknown({
    description: 'How far it got (null before it starts); its shape depends on `kind`',
  }),
  error: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type JobView = Static<typeof JobView>;

/** The store's JobEventType values. */
export const JOB_EVENT_TYPES = [
  'started',
  'step',
  'throttle-set',
  'throttle-removed',
  'retrying',
  'resumed',
  'cancel-requested',
  'cancelled',
  'failed',
  'finished',
] as const;

/** What happened to a job. */
export const JobEventView = Type.Object({
  at: Type.String({ format: 'date-time' }),
  type: Literals(JOB_EVENT_TYPES),
  detail: Type.String({ description: 'A sentence for people' }),
  data: Nullable(Type.Record(Type.String(), Type.Unknown()), {
    description: "Facts behind the sentence (e.g. the throttle's byte rate and brokers), or null",
  }),
});
export type JobEventView = Static<typeof JobEventView>;

/** A job with its history (started, each step, throttles, restarts, cancel, the end), oldest first. */
export const JobDetailView = Type.Composite([JobView, Type.Object({ history: Type.Array(JobEventView) })]);
export type JobDetailView = Static<typeof JobDetailView>;

export const JobList = Type.Object({ jobs: Type.Array(JobView) });
export type JobList = Static<typeof JobList>;

/** A job whose kind is known, with its spec and progress typed (e.g. ReassignmentSpec, ReassignmentProgress). */
export type TypedJob<Spec, Progress> = Omit<JobView, 'spec' | 'progress'> & {
  spec: Spec;
  progress: Progress | null;
};
export type TypedJobDetail<Spec, Progress> = TypedJob<Spec, Progress> & Pick<JobDetailView, 'history'>;
