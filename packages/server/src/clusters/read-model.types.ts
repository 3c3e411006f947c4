/**
 * The read model's response shapes: the contract the console and the CLI import (type-only, through
 * `@weir/server/api-types`) so a change here shows up in every client at type-check time.
 * No imports on purpose: clients must not pull the server's dependencies into their type graph.
 */

export interface Freshness {
  takenAt: string;
  ageMs: number;
  /** True when the latest refresh failed and this is older data. */
  stale: boolean;
  refreshError: string | null;
  /** Parts of the snapshot that could not be read, with why. */
  partErrors: Record<string, string>;
}

export interface QuorumReplica {
  nodeId: number;
  logEndOffset: number;
  /** Records behind the leader's log end offset. */
  lag: number;
  lastCaughtUpTimestamp: number | null;
}

export interface ClusterOverview {
  clusterId: string | null;
  mode: 'kraft' | 'zookeeper';
  version: { label: string; minimum: string; maximum: string | null; exact: boolean };
  brokers: { alive: number };
  /** The active controller: quorum leader in KRaft, Metadata's controller with ZooKeeper. */
  controllerId: number | null;
  quorum: {
    leaderId: number;
    leaderEpoch: number;
    highWatermark: number;
    voters: QuorumReplica[];
    observers: QuorumReplica[];
  } | null;
  topics: number;
  internalTopics: number;
  partitions: number;
  replicas: number;
  underReplicatedPartitions: number;
  underMinIsrPartitions: number | null;
  offlinePartitions: number;
  leaderlessPartitions: number;
  groupsByState: Record<string, number> | null;
  /** Null when the cluster has no authorizer or ACLs could not be read. */
  aclCount: number | null;
}

export interface BrokerSummary {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  controller: boolean;
  leaders: number;
  replicas: number;
  /** How far this broker's leader count is from an even share, in percent (positive: more than its share). */
  leaderSkewPercent: number | null;
  logDirs:
    | { path: string; totalBytes: number | null; usableBytes: number | null; sizeBytes: number }[]
    | null;
}

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  /** Bytes on disk across every replica; null when log dirs could not be read. */
  sizeBytes: number | null;
  /** Sum over partitions of end minus start offset: records retained, ignoring compaction and transaction markers. */
  messages: number | null;
  underReplicated: number;
  offline: number;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  committedOffset: number;
  endOffset: number | null;
  /** Null when the end offset is unknown (partition offline). */
  lag: number | null;
}

export interface GroupSummary {
  groupId: string;
  state: string;
  protocolType: string;
  groupType: string | null;
  topics: string[];
  partitions: number;
  totalLag: number | null;
}

/** One ZooKeeper server as its `srvr` command describes it. */
export interface ZooKeeperServerStatus {
  address: string;
  reachable: boolean;
  /** standalone, leader or follower (observer too). */
  mode: string | null;
  version: string | null;
  latencyMs: { min: number; avg: number; max: number } | null;
  connections: number | null;
  outstanding: number | null;
  nodeCount: number | null;
  zxid: string | null;
  error: string | null;
}

export interface ZooKeeperPanel {
  /** The cluster's ZooKeeper connect string, when one was given at onboarding. */
  connect: string | null;
  servers: ZooKeeperServerStatus[];
}
