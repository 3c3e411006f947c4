/**
 * The shapes of changes made through the API (topics, configs, groups, replicas, jobs), imported
 * type-only by the console and the CLI through `@weir/server/api-types`. No imports on purpose, as in
 * read-model.types.ts.
 */

/** Config sets offered when creating a topic. */
export interface TopicPreset {
  id: string;
  label: string;
  configs: Record<string, string>;
}

export interface ConfigDiffRow {
  name: string;
  before: string | null;
  after: string | null;
  /** Where the value comes from now (`topic`, `default`, …). */
  source: string;
  /** True when the change removes an override, so the entry falls back to `after` (its default). */
  reset: boolean;
}

export interface ConfigChangeReport {
  /** A broker's name is its id; the cluster-wide broker default is the broker named ''. */
  resource: { type: 'topic' | 'broker'; name: string };
  changes: ConfigDiffRow[];
  applied: boolean;
  /** The Kafka API that carried the change (AlterConfigs on brokers without the incremental one). */
  api: string;
}

export type TruncateTarget =
  | { type: 'end' }
  | { type: 'offset'; offset: number }
  | { type: 'timestamp'; timestamp: number };

export interface TruncationRow {
  partition: number;
  start: number;
  end: number;
  /** Where the log starts after truncating. */
  newStart: number;
  deleted: number;
}

/** Where to move a group's committed offsets, as kafka-consumer-groups --reset-offsets offers. */
export type ResetTo =
  | { type: 'earliest' }
  | { type: 'latest' }
  | { type: 'timestamp'; timestamp: number }
  | { type: 'offset'; offset: number }
  | { type: 'shift'; by: number };

export interface ResetRow {
  topic: string;
  partition: number;
  current: number | null;
  target: number;
  start: number;
  end: number;
  lagBefore: number | null;
  lagAfter: number;
}

export interface ResetPlan {
  groupId: string;
  state: string;
  activeMembers: number;
  /** Why applying would be refused now, or null when it can be applied. */
  blockedBy: string | null;
  partitions: ResetRow[];
}

export interface PlannedMove {
  topic: string;
  partition: number;
  from: number[];
  to: number[];
}

export interface BrokerLoad {
  nodeId: number;
  replicasBefore: number;
  replicasAfter: number;
  leadersBefore: number;
  leadersAfter: number;
}

export interface ReassignmentPlan {
  moves: PlannedMove[];
  brokers: BrokerLoad[];
  /** Replicas that would be copied to a new broker. */
  replicasToCopy: number;
}

export type PartitionMoveState = 'pending' | 'moving' | 'done' | 'failed' | 'cancelled';

export interface ReassignmentProgress {
  phase: 'throttle' | 'submit' | 'wait' | 'elect' | 'cleanup' | 'finished';
  partitions: {
    topic: string;
    partition: number;
    state: PartitionMoveState;
    adding: number[];
    removing: number[];
    error: string | null;
    /** Polls since the controller stopped listing the move while metadata still showed other replicas. */
    settling?: number;
  }[];
  throttleRemoved: boolean;
}

/** A `message-count` job's progress: each partition read from its log start to the end seen at the start. */
export interface MessageCountProgress {
  phase: 'plan' | 'count' | 'finished';
  partitions: {
    partition: number;
    /** The log start and end offsets when the count began; records in [start, end) are counted. */
    start: number;
    end: number;
    /** The next offset to read; `end` once the partition is done. */
    position: number;
    /** Data records a read_committed consumer receives (committed or non-transactional). */
    records: number;
    /** Records of aborted transactions still in the log, not counted. */
    aborted: number;
    /** Transaction markers (control records), not counted. */
    markers: number;
    /** Records of transactions whose marker was not read yet, by producer id. */
    open: Record<string, number>;
    done: boolean;
    /** Leader errors in a row (the count retries after a leader moves). */
    retries: number;
    /** Why this partition could not be counted; its `records` is then a lower bound. */
    error: string | null;
  }[];
  /** Records counted so far; the exact total once `complete`. */
  records: number;
  /** True when every partition was counted to its end. */
  complete: boolean;
}

export type JobState = 'running' | 'cancelling' | 'succeeded' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  clusterId: string;
  kind: string;
  state: JobState;
  /** What the job was asked to do; its shape depends on `kind`. */
  spec: unknown;
  /** How far it got; for `reassignment` jobs a ReassignmentProgress. */
  progress: unknown;
  error: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** What happened to a job; `type` is one of the store's JobEventType values. */
export interface JobEventView {
  at: string;
  type:
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
  /** A sentence for people. */
  detail: string;
  /** Facts behind the sentence (e.g. the throttle's byte rate and brokers), or null. */
  data: Record<string, unknown> | null;
}

/** A job with its history, oldest entry first. */
export interface JobDetailView extends JobView {
  history: JobEventView[];
}

export interface ElectionOutcome {
  topic: string;
  partition: number;
  /** Null when the election happened or the preferred leader already leads; otherwise Kafka's reason. */
  error: string | null;
  alreadyLed: boolean;
}
