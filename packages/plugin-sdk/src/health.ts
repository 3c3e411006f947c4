import type { ClusterFacts } from './cluster-facts.ts';

/** Burrow's and Know Streaming's words for a verdict; `unknown` when the check could not decide. */
export type HealthStatus = 'ok' | 'warning' | 'critical' | 'unknown';

/** One verdict about one subject, with the reason people read to act on it. */
export interface HealthFinding {
  subject: { type: 'cluster' | 'broker' | 'topic' | 'partition' | 'group'; name: string };
  status: HealthStatus;
  /** Why, in a sentence with the numbers: "3 of 12 partitions have fewer in-sync replicas than min.insync.replicas (2)". */
  reason: string;
  /** The measured value and the threshold it was held against, when there is one. */
  value?: number;
  threshold?: number;
}

export interface HealthCheck {
  /** Unique among health checks, e.g. `topic-naming`. */
  id: string;
  title: string;
  description?: string;
  /**
   * Judges one cluster. Finish within the time given (the host stops waiting and reports the check
   * as unknown, with the timeout as the reason). A throw also makes its verdicts unknown.
   */
  run(input: { facts: ClusterFacts; signal: AbortSignal }): HealthFinding[] | Promise<HealthFinding[]>;
}
