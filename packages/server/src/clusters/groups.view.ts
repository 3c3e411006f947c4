import type { ClusterSnapshot } from './cluster-snapshot.ts';
import { partitionKey } from './cluster-snapshot.ts';
import type { GroupSummary, PartitionLag } from './read-model.types.ts';

export type { GroupSummary, PartitionLag };

/** Lag per committed partition: end offset minus committed offset, never below zero. */
export function lagOf(snapshot: ClusterSnapshot, groupId: string): PartitionLag[] {
  return (snapshot.committed?.get(groupId) ?? [])
    .map((c) => {
      const end = snapshot.offsets?.get(partitionKey(c.topic, c.partition))?.end ?? null;
      return {
        topic: c.topic,
        partition: c.partition,
        committedOffset: c.offset,
        endOffset: end,
        lag: end === null ? null : Math.max(0, end - c.offset),
      };
    })
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}

const groupsBySnapshot = new WeakMap<ClusterSnapshot, GroupSummary[]>();

/** Computed once per snapshot: snapshots never change after they are taken. */
export function summarizeGroups(snapshot: ClusterSnapshot): GroupSummary[] {
  let summaries = groupsBySnapshot.get(snapshot);
  if (!summaries) {
    summaries = computeGroupSummaries(snapshot);
    groupsBySnapshot.set(snapshot, summaries);
  }
  return summaries;
}

function computeGroupSummaries(snapshot: ClusterSnapshot): GroupSummary[] {
  return (snapshot.groups ?? []).map((group) => {
    const lags = lagOf(snapshot, group.groupId);
    const known = lags.filter((l) => l.lag !== null);
    return {
      groupId: group.groupId,
      state: group.state,
      protocolType: group.protocolType,
      groupType: group.groupType,
      topics: [...new Set(lags.map((l) => l.topic))].sort(),
      partitions: lags.length,
      totalLag: snapshot.committed ? known.reduce((sum, l) => sum + (l.lag ?? 0), 0) : null,
    };
  });
}
