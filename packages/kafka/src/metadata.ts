import type { Admin } from '@platformatic/kafka';
import { rawRequest } from './raw-call.ts';

export interface PartitionMetadata {
  partition: number;
  /** -1 when the partition has no leader (offline). */
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  /** Kafka error code for this partition (0 when healthy; 5 LEADER_NOT_AVAILABLE when offline). */
  errorCode: number;
}

export interface TopicMetadata {
  name: string;
  topicId: string;
  /** As Kafka's Metadata says (is_internal): __consumer_offsets, __transaction_state, __share_group_state. */
  internal: boolean;
  partitions: PartitionMetadata[];
}

export interface MetadataSnapshot {
  clusterId: string | null;
  /** In KRaft this is a random live broker, not the active controller; see describeQuorum. */
  controllerId: number;
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  topics: TopicMetadata[];
}

interface RawMetadata {
  clusterId: string | null;
  controllerId: number;
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  topics: {
    errorCode: number;
    name: string | null;
    topicId: string;
    isInternal: boolean;
    partitions: {
      errorCode: number;
      partitionIndex: number;
      leaderId: number;
      leaderEpoch: number;
      replicaNodes: number[];
      isrNodes: number[];
      offlineReplicas: number[];
    }[];
  }[];
}

/** One Metadata request for every topic, never creating any (allowAutoTopicCreation = false). */
export async function readMetadata(admin: Admin, topics: string[] | null = null): Promise<MetadataSnapshot> {
  const response = await rawRequest<RawMetadata>(admin, 'Metadata', [topics, false, false], {
    keepErrorCodes: true,
  });
  return {
    clusterId: response.clusterId,
    controllerId: response.controllerId,
    brokers: response.brokers
      .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null }))
      .sort((a, b) => a.nodeId - b.nodeId),
    topics: response.topics
      // A topic answered with UNKNOWN_TOPIC_OR_PARTITION (3) is one that was asked for and does not exist.
      .filter((t) => t.name !== null && t.errorCode !== 3)
      .map((t) => ({
        name: t.name!,
        topicId: t.topicId,
        // Kafka's own word (is_internal, Metadata v1+): a `__` prefix alone makes no topic internal.
        internal: t.isInternal ?? false,
        partitions: t.partitions
          .map((p) => ({
            partition: p.partitionIndex,
            leader: p.leaderId,
            leaderEpoch: p.leaderEpoch,
            replicas: p.replicaNodes,
            isr: p.isrNodes,
            offlineReplicas: p.offlineReplicas ?? [],
            errorCode: p.errorCode,
          }))
          .sort((a, b) => a.partition - b.partition),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
