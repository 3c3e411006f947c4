import type { ClusterOverview } from '@weir/api';
import { groupListingOf } from '../groups/groups.view.ts';
import type { ClusterSnapshot } from './cluster-snapshot.ts';

export type { ClusterOverview };

export function overviewOf(snapshot: ClusterSnapshot): ClusterOverview {
  const partitions = snapshot.metadata.topics.flatMap((t) => t.partitions);
  const minIsrOf = (topic: string) =>
    snapshot.topicMinInsyncReplicas?.get(topic) ?? snapshot.minInsyncReplicas;
  const known = snapshot.topicMinInsyncReplicas !== null || snapshot.minInsyncReplicas !== null;
  const underMinIsr = snapshot.metadata.topics.reduce((count, topic) => {
    const minIsr = minIsrOf(topic.name);
    return minIsr === null ? count : count + topic.partitions.filter((p) => p.isr.length < minIsr).length;
  }, 0);
  const groupsByState: Record<string, number> | null = snapshot.groups ? {} : null;
  for (const group of snapshot.groups ?? [])
    groupsByState![group.state] = (groupsByState![group.state] ?? 0) + 1;
  return {
    clusterId: snapshot.metadata.clusterId,
    mode: snapshot.mode,
    version: snapshot.version,
    brokers: { alive: snapshot.metadata.brokers.length },
    controllerId:
      snapshot.mode === 'kraft' ? (snapshot.quorum?.leaderId ?? null) : snapshot.metadata.controllerId,
    quorum: snapshot.quorum,
    topics: snapshot.metadata.topics.length,
    internalTopics: snapshot.metadata.topics.filter((t) => t.internal).length,
    partitions: partitions.length,
    replicas: partitions.reduce((sum, p) => sum + p.replicas.length, 0),
    underReplicatedPartitions: partitions.filter((p) => p.isr.length < p.replicas.length).length,
    underMinIsrPartitions: known ? underMinIsr : null,
    offlinePartitions: partitions.filter(
      (p) => p.leader < 0 || p.offlineReplicas.length === p.replicas.length,
    ).length,
    leaderlessPartitions: partitions.filter((p) => p.leader < 0).length,
    groupsByState,
    groups: groupListingOf(snapshot),
    aclCount: snapshot.aclCount,
  };
}
