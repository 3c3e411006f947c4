import type { GroupSummary, PartitionLag, Total } from '@weir/api';
import type { ClusterSnapshot } from '../clusters/cluster-snapshot.ts';
import { partitionKey } from '../clusters/cluster-snapshot.ts';
import { sumParts, unknownTotal } from '../clusters/totals.ts';

/** What Kafka's kafka-consumer-groups prints "-" for: a partition the group reads but never committed. */
const NO_COMMIT = 'no committed offset on this partition (Kafka\'s tool shows "-")';

const byPartition = (a: { topic: string; partition: number }, b: { topic: string; partition: number }) =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;

/**
 * Lag per partition the group relates to: every partition with a committed offset, and every
 * partition a live member is assigned (which may have no commit yet: then the lag is unknown, not
 * 0). Lag is end offset minus committed offset, never below zero, as Kafka's tool computes it.
 */
export function lagOf(snapshot: ClusterSnapshot, groupId: string): PartitionLag[] {
  const committedError = snapshot.committed === null ? 'committed offsets could not be read' : null;
  const groupError = snapshot.groupErrors.get(groupId) ?? committedError;
  const committed = snapshot.committed?.get(groupId) ?? [];
  const rows = new Map<string, { topic: string; partition: number; offset: number | null }>();
  for (const c of committed) rows.set(partitionKey(c.topic, c.partition), { ...c });
  for (const member of snapshot.descriptions?.get(groupId)?.members ?? []) {
    for (const a of member.assignment) {
      const key = partitionKey(a.topic, a.partition);
      if (!rows.has(key)) rows.set(key, { topic: a.topic, partition: a.partition, offset: null });
    }
  }
  return [...rows.values()]
    .map((row): PartitionLag => {
      const key = partitionKey(row.topic, row.partition);
      const end = snapshot.offsets?.get(key)?.end ?? null;
      const endReason =
        end === null
          ? `end offset unknown: ${snapshot.offsetErrors.get(key) ?? 'offsets could not be read'}`
          : null;
      const lag = row.offset === null || end === null ? null : Math.max(0, end - row.offset);
      return {
        topic: row.topic,
        partition: row.partition,
        committedOffset: row.offset,
        endOffset: end,
        lag,
        lagUnknownReason: lag !== null ? null : row.offset === null ? (groupError ?? NO_COMMIT) : endReason,
      };
    })
    .sort(byPartition);
}

/** The sum of the given lags; unknown outright when the group's offsets could not be read at all. */
export function totalLagOf(snapshot: ClusterSnapshot, groupId: string, lags: PartitionLag[]): Total {
  const error = snapshot.groupErrors.get(groupId);
  if (snapshot.committed === null || (error && !snapshot.committed.has(groupId)))
    return unknownTotal('partition', error ?? 'committed offsets could not be read');
  return sumParts(
    lags.map((l) =>
      l.lag === null ? { value: null, reason: l.lagUnknownReason ?? 'unknown' } : { value: l.lag },
    ),
    'partition',
  );
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
    return {
      groupId: group.groupId,
      state: snapshot.descriptions?.get(group.groupId)?.state ?? group.state,
      protocolType: group.protocolType,
      groupType: group.groupType,
      topics: [...new Set(lags.map((l) => l.topic))].sort(),
      partitions: lags.length,
      totalLag: totalLagOf(snapshot, group.groupId, lags),
      error: snapshot.groupErrors.get(group.groupId) ?? null,
    };
  });
}

/** How complete the group list is: each broker lists the groups it coordinates (parts: brokers). */
export function groupListingOf(snapshot: ClusterSnapshot): Total {
  if (!snapshot.groups || !snapshot.groupListing)
    return unknownTotal('broker', snapshot.partErrors.groups ?? 'groups could not be listed');
  const failed = new Map(snapshot.groupListing.failedBrokers.map((f) => [f.nodeId, f.error]));
  const total = sumParts(
    snapshot.metadata.brokers.map((b) =>
      failed.has(b.nodeId) ? { value: null, reason: failed.get(b.nodeId)! } : { value: 0 },
    ),
    'broker',
  );
  // The value counts groups, the parts are the brokers that list them.
  return { ...total, value: total.value === null ? null : snapshot.groups.length };
}
