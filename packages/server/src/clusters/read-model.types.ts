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
  /** True when some parts of the snapshot could not be read (`partErrors` says which and why). */
  partial: boolean;
  /** Parts of the snapshot that could not be read, with why; a failed broker is named in the key (`offsets@broker3`). */
  partErrors: Record<string, string>;
}

/** What the parts of a {@link Total} are. */
export type TotalUnit = 'partition' | 'replica' | 'broker' | 'logDir';

/**
 * A sum over parts (partitions, replicas, brokers, log dirs) some of which may not have been read.
 * One shape for every aggregate the read model returns, so no client can show an unknown as 0:
 * - complete: `complete` true, `value` the exact sum;
 * - partial: `complete` false and `value` the sum of the parts that were read, a lower bound
 *   ("≥ 731, 3 of 7 partitions unknown");
 * - unknown: `value` null (no part could be read, or which parts exist is not known).
 * `reason` says why the unknown parts are unknown, naming the broker that failed.
 */
export interface Total {
  /** The sum over the parts that were read; null when none was. Units as the field that holds it says. */
  value: number | null;
  complete: boolean;
  /** How many parts there are, as far as known. */
  parts: number;
  unknownParts: number;
  unit: TotalUnit;
  reason: string | null;
}

/** Who a well-known system topic belongs to, by Kafka's and its ecosystem's default names. */
export type SystemTopicOwner = 'kafka' | 'connect' | 'mirrormaker2' | 'schema-registry';

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
  /** Topics Kafka's Metadata marks internal (is_internal). */
  internalTopics: number;
  partitions: number;
  replicas: number;
  underReplicatedPartitions: number;
  underMinIsrPartitions: number | null;
  offlinePartitions: number;
  leaderlessPartitions: number;
  /** Groups by state among those listed; null when no broker answered ListGroups (see `groups`). */
  groupsByState: Record<string, number> | null;
  /** How many groups the brokers listed; each broker lists the groups it coordinates. */
  groups: Total;
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
  /** Null when the broker's log dirs could not be read (`logDirsError` says why). */
  logDirs:
    | { path: string; totalBytes: number | null; usableBytes: number | null; sizeBytes: number }[]
    | null;
  logDirsError: string | null;
  /** Bytes in this broker's log dirs; parts are its log dirs (an offline dir is unknown). */
  sizeBytes: Total;
}

export interface TopicSummary {
  name: string;
  /** As Kafka's Metadata says (is_internal); a `__` prefix alone does not make a topic internal. */
  internal: boolean;
  /** Set for well-known system topics by their default names (Connect's, MirrorMaker 2's, `_schemas`, …). */
  system: SystemTopicOwner | null;
  partitions: number;
  replicationFactor: number;
  /** Bytes on disk across every replica (parts: replicas). */
  sizeBytes: Total;
  /**
   * An estimate: the sum over partitions of end minus start offset. Compaction, transaction markers
   * and aborted transactions make it larger than the records a consumer reads; a message-count job
   * counts exactly (parts: partitions).
   */
  messages: Total;
  /** Always true: says `messages` is an estimate, so no client shows it as a count. */
  messagesEstimated: true;
  underReplicated: number;
  offline: number;
}

/** A partition the group has committed an offset for, or that one of its members is assigned. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** Null when the group never committed on this partition (Kafka's tool prints "-"), or it could not be read. */
  committedOffset: number | null;
  /** Null when the end offset is unknown (partition offline, or its leader did not answer). */
  endOffset: number | null;
  /** End offset minus committed offset, never below 0; null when either is unknown. */
  lag: number | null;
  /** Why `lag` is null, when it is. */
  lagUnknownReason: string | null;
}

export interface GroupSummary {
  groupId: string;
  state: string;
  protocolType: string;
  groupType: string | null;
  /** Topics the group has committed offsets for or its members are assigned. */
  topics: string[];
  /** Partitions known to the group: committed or assigned. */
  partitions: number;
  /** Sum of the partitions' lag (parts: partitions). */
  totalLag: Total;
  /** Why the group's offsets or members could not be read (naming the broker), when they could not. */
  error: string | null;
}

/** The group list, and whether every broker answered ListGroups (parts: brokers). */
export interface GroupList {
  freshness: Freshness;
  groups: GroupSummary[];
  listing: Total;
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
  /** Null when the broker did not answer; `configsError` says why. */
  configs: ConfigEntryView[] | null;
  configsError: string | null;
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
  /** Why the offsets are null (no leader, or the leader did not answer), when they are. */
  offsetsUnknownReason: string | null;
  replicaSizes: { broker: number; sizeBytes: number | null; unknownReason: string | null }[];
}

export interface TopicDetail {
  freshness: Freshness;
  /** `topicId` is null on clusters older than 2.8, which have no topic ids. */
  topic: TopicSummary & { topicId: string | null };
  partitions: TopicPartitionView[];
  /** Null when they could not be read; `configsError` then says why. */
  configs: ConfigEntryView[] | null;
  configsError: string | null;
  /** Groups with committed offsets on this topic or members assigned to it; lag over this topic's partitions. */
  consumerGroups: { groupId: string; state: string; lag: Total }[];
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
