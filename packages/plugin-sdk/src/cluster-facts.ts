/**
 * A cluster's read model as plugins see it: plain data, refreshed by Weir, never a live connection.
 * A value Weir could not read is `null`, never zero.
 */
export interface ClusterFacts {
  cluster: { id: string; name: string };
  /** Epoch ms when Weir read it. */
  readAt: number;
  kafkaVersion: string | null;
  controllerId: number | null;
  brokers: { id: number; host: string; port: number; rack: string | null }[];
  topics: TopicFacts[];
}

export interface TopicFacts {
  name: string;
  internal: boolean;
  partitions: {
    partition: number;
    /** -1 when the partition has no leader. */
    leader: number;
    replicas: number[];
    isr: number[];
  }[];
}
