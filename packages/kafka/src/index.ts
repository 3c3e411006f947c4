export type { HostPort } from './broker-address.ts';
export { parseHostPort, parseZooKeeperConnect } from './broker-address.ts';
export type { BrokerAddress, BrokerFailure } from './broker-call.ts';
export { readKafkaVersion } from './broker-version.ts';
export type { ConfigChange, ConfigResource } from './config-changes.ts';
export { fullOverrideSet } from './config-changes.ts';
export type { ConfigEntry, ConfigSourceName, ConfigTypeName } from './configs.ts';
export type { ClusterConnection, SaslMechanism, SecurityProtocol } from './connection.ts';
export type { KafkaErrorCoordinates, KafkaErrorKind } from './errors.ts';
export { KafkaGatewayError } from './errors.ts';
export type { BrokerFeatures } from './features.ts';
export type {
  FetchedPartition,
  FetchedRecord,
  FetchLimits,
  FetchPosition,
  IsolationLevel,
} from './fetch.ts';
export type { ApiVersionRange, BrokerNode, ClusterDescription, KafkaGateway } from './gateway.ts';
export { createKafkaGateway, withTimeout } from './gateway.ts';
export type { GroupOffset } from './group-changes.ts';
export type { CoordinatorLookup, GroupListingResult, GroupReadResult } from './group-reads.ts';
export type { CommittedOffset, GroupDescription, GroupListing, GroupMemberDescription } from './groups.ts';
export type { ElectionResult, ElectionType } from './leader-election.ts';
export type { LeaderFailure, RetryPolicy } from './leader-requests.ts';
export { backoffDelay, errorCodeName, LEADER_RETRY, LEADERSHIP_ERROR_CODES } from './leader-requests.ts';
export type { BrokerLogDirs, LogDir, ReplicaSize } from './log-dirs.ts';
export type { MetadataSnapshot, PartitionMetadata, TopicMetadata } from './metadata.ts';
export type { LedPartition, OffsetsResult, PartitionOffsets, PartitionRef } from './offsets.ts';
export {
  fnv1a,
  hashedPartition,
  KEY_PARTITIONERS,
  type KeyPartitioner,
  murmur2,
  partitionForKey,
} from './partitioner.ts';
export type { Compression, ProducedBatch, RecordToProduce } from './produce.ts';
export { COMPRESSIONS } from './produce.ts';
export type { QuorumDescription, QuorumReplica } from './quorum.ts';
export type { AddressReachability } from './reachability.ts';
export { probeBrokerAddresses, probeZooKeeperConnect, REACHABILITY_TIMEOUT_MS } from './reachability.ts';
export type { OngoingReassignment, ReplicaMove } from './reassignments.ts';
export type { FetchedRecordSet, OpenTransactions, RecordSetCount } from './record-count.ts';
export { countRecordSet } from './record-count.ts';
export type { TimestampType } from './record-decoding.ts';
export type { AclBinding, AclListing, ClientQuota, ScramUser } from './security.ts';
export type { CreatedTopicReport, NewTopic } from './topic-changes.ts';
export type { TransactionState } from './transactions.ts';
export type { InferredVersion, VersionCertainty, VersionEvidence } from './version-inference.ts';
export { inferClusterMode, inferKafkaVersion } from './version-inference.ts';
export { electPreferredLeadersThroughZooKeeper } from './zookeeper-election.ts';
export { readEntityConfigsFromZooKeeper } from './zookeeper-entity-configs.ts';
export {
  pendingReassignmentsInZooKeeper,
  submitReassignmentThroughZooKeeper,
} from './zookeeper-reassignment.ts';
export { ZooKeeperRequestError } from './zookeeper-session.ts';
export type { ZooKeeperServerStatus } from './zookeeper-status.ts';
export { zookeeperStatus } from './zookeeper-status.ts';
