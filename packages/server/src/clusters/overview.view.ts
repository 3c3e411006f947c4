import type { ClusterOverview, Total } from '@weir/api';
import { groupListingOf } from '../groups/groups.view.ts';
import type { ClusterSnapshot } from './cluster-snapshot.ts';
import { type Part, sumParts } from './totals.ts';

export type { ClusterOverview };

/**
 * Partitions whose ISR is smaller than their topic's effective min.insync.replicas (overrides
 * included, as DescribeConfigs reports it). A topic whose value could not be read makes its
 * partitions unknown: the broker default would be a guess for any topic with an override.
 */
function underMinIsrOf(snapshot: ClusterSnapshot): Total {
  const values = snapshot.topicMinInsyncReplicas;
  const reason =
    values === null
      ? `the topics' min.insync.replicas could not be read (${snapshot.partErrors.topicMinInsync ?? 'no answer'})`
      : null;
  const parts = snapshot.metadata.topics.flatMap((topic): Part[] => {
    const minIsr = values?.get(topic.name);
    if (minIsr === undefined) {
      const why = reason ?? `the min.insync.replicas of topic ${topic.name} could not be described`;
      return topic.partitions.map(() => ({ value: null, reason: why }));
    }
    return topic.partitions.map((p) => ({ value: p.isr.length < minIsr ? 1 : 0 }));
  });
  return sumParts(parts, 'partition');
}

export function overviewOf(snapshot: ClusterSnapshot): ClusterOverview {
  const partitions = snapshot.metadata.topics.flatMap((t) => t.partitions);
  const underMinIsr = underMinIsrOf(snapshot);
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
    underMinIsrPartitions: underMinIsr,
    offlinePartitions: partitions.filter(
      (p) => p.leader < 0 || p.offlineReplicas.length === p.replicas.length,
    ).length,
    leaderlessPartitions: partitions.filter((p) => p.leader < 0).length,
    groupsByState,
    groups: groupListingOf(snapshot),
    aclCount: snapshot.aclCount,
  };
}
