import type { ClusterFacts } from './cluster-facts.ts';

/** Units by the names Weir's charts know. */
export type MetricUnit = 'count' | 'bytes' | 'bytes/s' | 'records' | 'records/s' | 'ms' | 'ratio';

/** One sample, named and labelled as Prometheus would (`kafka_topic_bytes_in`, `{topic="orders"}`). */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  unit: MetricUnit;
  /** Epoch ms of the measurement; the collection time when left out. */
  at?: number;
}

export interface MetricSource {
  id: string;
  title: string;
  description?: string;
  /**
   * Collects one round for one cluster. Runs on the cluster's collection schedule with a timeout; a
   * throw is recorded as that round's failure and shown, and other sources and clusters go on.
   */
  collect(input: { facts: ClusterFacts; signal: AbortSignal }): MetricSample[] | Promise<MetricSample[]>;
}
