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
  /**
   * The Kafka release line (patches are never told apart). `certainty`: exact, a range, or at-least
   * (a floor past which Weir knows no release); `evidence` lists what the answer rests on.
   */
  version: {
    label: string;
    minimum: string;
    maximum: string | null;
    exact: boolean;
    certainty: 'exact' | 'range' | 'at-least';
    evidence: string[];
  };
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
  /**
   * An estimate: the sum over partitions of end minus start offset. Compaction, transaction markers
   * and aborted transactions make it larger than the records a consumer reads; a message-count job
   * counts exactly.
   */
  messages: number | null;
  /** Always true: says `messages` is an estimate, so no client shows it as a count. */
  messagesEstimated: true;
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

export interface AddressCheck {
  address: string;
  reachable: boolean;
  latencyMs: number | null;
  error: string | null;
}

/** The connection test's answer, run on its own or before a cluster is saved. */
export interface ConnectionReport {
  ok: boolean;
  addresses: AddressCheck[];
  /** Null when the cluster does not use SASL. */
  authentication: { mechanism: string; username: string | null; ok: boolean } | null;
  cluster: {
    clusterId: string;
    brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
    /** The active controller: the quorum leader in KRaft, the Metadata controller with ZooKeeper. */
    controllerId: number;
    mode: 'kraft' | 'zookeeper';
    version: ClusterOverview['version'];
  } | null;
  /** What failed, in order, each with what to do about it. */
  problems: { step: 'reachability' | 'authentication' | 'metadata' | 'zookeeper'; message: string }[];
}

export interface ConfigEntryView {
  name: string;
  /** Null for sensitive values (Kafka never returns them) and unset ones. */
  value: string | null;
  /** `topic`, `dynamic-broker`, `dynamic-default-broker`, `static-broker`, `default`, … */
  source: string;
  readOnly: boolean;
  sensitive: boolean;
  /** The value this entry falls back to when its own is removed. */
  defaultValue: string | null;
  documentation: string | null;
}

export interface BrokerDetail {
  freshness: Freshness;
  broker: BrokerSummary;
  configs: ConfigEntryView[];
  /** Null when the broker's log dirs could not be read. */
  logDirs:
    | {
        path: string;
        totalBytes: number | null;
        usableBytes: number | null;
        errorCode: number;
        replicas: {
          topic: string;
          partition: number;
          sizeBytes: number;
          offsetLag: number;
          future: boolean;
        }[];
      }[]
    | null;
}

export interface TopicPartitionView {
  partition: number;
  /** Null when the partition has no leader (offline). */
  leader: number | null;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  offline: boolean;
  underReplicated: boolean;
  startOffset: number | null;
  endOffset: number | null;
  replicaSizes: { broker: number; sizeBytes: number | null }[];
}

export interface TopicDetail {
  freshness: Freshness;
  /** `topicId` is null on clusters older than 2.8, which have no topic ids. */
  topic: TopicSummary & { topicId: string | null };
  partitions: TopicPartitionView[];
  /** Null when they could not be read; `configsError` then says why. */
  configs: ConfigEntryView[] | null;
  configsError: string | null;
  consumerGroups: { groupId: string; state: string; lag: number }[];
}

export interface GroupMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  host: string;
  assignment: { topic: string; partition: number }[];
}

export interface GroupDetail {
  freshness: Freshness;
  group: GroupSummary & {
    protocol: string | null;
    members: GroupMember[];
    /** Why the members could not be read, when they could not. */
    describeError: string | null;
  };
  partitions: (PartitionLag & { memberId: string | null })[];
}

export interface AclBinding {
  resourceType: string;
  resourceName: string;
  patternType: string;
  principal: string;
  host: string;
  operation: string;
  permission: string;
}

export interface AclPage {
  /** False when the cluster runs without an authorizer. */
  authorizerEnabled: boolean;
  /** Every binding in the cluster, before the filter. */
  total: number;
  acls: AclBinding[];
}

export interface ScramUser {
  user: string;
  mechanisms: { mechanism: string; iterations: number }[];
}

export interface ClientQuota {
  /** e.g. `{ user: 'alice' }`, `{ 'client-id': null }` (the default for client ids). */
  entity: Record<string, string | null>;
  values: Record<string, number>;
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
