import type { TopicSort, TopicSummary, Total } from '@weir/api';
import { type ClusterSnapshot, partitionKey } from '../clusters/cluster-snapshot.ts';
import { systemTopicOwner } from '../clusters/system-topics.ts';
import { compareTotals, type Part, sumParts, unknownTotal } from '../clusters/totals.ts';

export type { TopicSummary };

export interface TopicPageQuery {
  search?: string;
  includeInternal: boolean;
  sort: TopicSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Bytes per replica, `topic:partition` → broker → bytes. */
export function replicaSizes(snapshot: ClusterSnapshot): Map<string, Map<number, number>> {
  const sizes = new Map<string, Map<number, number>>();
  for (const broker of snapshot.logDirs ?? []) {
    for (const dir of broker.logDirs) {
      for (const replica of dir.replicas) {
        if (replica.future) continue;
        const key = partitionKey(replica.topic, replica.partition);
        const byBroker = sizes.get(key) ?? new Map<number, number>();
        byBroker.set(broker.brokerId, replica.sizeBytes);
        sizes.set(key, byBroker);
      }
    }
  }
  return sizes;
}

// A snapshot never changes once taken, so its topic summaries are computed once, not per page request.
const summariesBySnapshot = new WeakMap<ClusterSnapshot, TopicSummary[]>();

export function summarizeTopics(snapshot: ClusterSnapshot): TopicSummary[] {
  let summaries = summariesBySnapshot.get(snapshot);
  if (!summaries) {
    summaries = computeSummaries(snapshot);
    summariesBySnapshot.set(snapshot, summaries);
  }
  return summaries;
}

/**
 * Why a replica's size is unknown, or null when its broker answered DescribeLogDirs. A broker
 * missing from Metadata is down; one that did not answer is named with its error.
 */
export function replicaSizeGap(snapshot: ClusterSnapshot): (broker: number) => string | null {
  const failed = new Map(snapshot.logDirFailures.map((f) => [f.nodeId, f.error]));
  const alive = new Set(snapshot.metadata.brokers.map((b) => b.nodeId));
  return (broker) =>
    failed.get(broker) ?? (alive.has(broker) ? null : `broker ${broker} is not in Metadata (down)`);
}

/** A replica's size as a part of a sum: known, or unknown with the reason. */
export function replicaSizePart(
  sizes: Map<string, Map<number, number>>,
  gap: (broker: number) => string | null,
  key: string,
  broker: number,
): Part {
  const size = sizes.get(key)?.get(broker);
  if (size !== undefined) return { value: size };
  return { value: null, reason: gap(broker) ?? `broker ${broker} reported no log dir holding this replica` };
}

/** A partition's retained records (end minus start) as a part of a sum. */
export function messagesPart(snapshot: ClusterSnapshot, key: string): Part {
  const offsets = snapshot.offsets?.get(key);
  if (offsets) return { value: offsets.end - offsets.start };
  return { value: null, reason: snapshot.offsetErrors.get(key) ?? 'offsets could not be read' };
}

function computeSummaries(snapshot: ClusterSnapshot): TopicSummary[] {
  const sizes = snapshot.logDirs ? replicaSizes(snapshot) : null;
  const gap = replicaSizeGap(snapshot);
  return snapshot.metadata.topics.map((topic) => {
    const keys = topic.partitions.map((p) => partitionKey(topic.name, p.partition));
    const sizeBytes: Total = sizes
      ? sumParts(
          topic.partitions.flatMap((p, i) =>
            p.replicas.map((broker) => replicaSizePart(sizes, gap, keys[i]!, broker)),
          ),
          'replica',
        )
      : unknownTotal('replica', snapshot.partErrors.logDirs ?? 'log dirs could not be read');
    const messages: Total = snapshot.offsets
      ? sumParts(
          keys.map((key) => messagesPart(snapshot, key)),
          'partition',
        )
      : unknownTotal('partition', snapshot.partErrors.offsets ?? 'offsets could not be read');
    return {
      name: topic.name,
      internal: topic.internal,
      system: systemTopicOwner(topic.name),
      partitions: topic.partitions.length,
      replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
      sizeBytes,
      messages,
      messagesEstimated: true,
      underReplicated: topic.partitions.filter((p) => p.isr.length < p.replicas.length).length,
      offline: topic.partitions.filter((p) => p.leader < 0).length,
    };
  });
}

const sortValue = (topic: TopicSummary, sort: TopicSort): number | string | Total => {
  switch (sort) {
    case 'name':
      return topic.name;
    case 'partitions':
      return topic.partitions;
    case 'size':
      return topic.sizeBytes;
    case 'underReplicated':
      return topic.underReplicated;
    case 'messages':
      return topic.messages;
  }
};

/** Search (case-insensitive substring), sort (ties by name; unknown totals last) and one page of topics. */
export function pageTopics(topics: TopicSummary[], query: TopicPageQuery) {
  const needle = query.search?.toLowerCase();
  // `filter` copies, so sorting below never reorders the cached summaries.
  const matching = topics.filter(
    (t) => (query.includeInternal || !t.internal) && (!needle || t.name.toLowerCase().includes(needle)),
  );
  const direction = query.order === 'asc' ? 1 : -1;
  matching.sort((a, b) => {
    const x = sortValue(a, query.sort);
    const y = sortValue(b, query.sort);
    // Totals: unknown values go last in either direction; a partial one sorts by its known part.
    const primary =
      typeof x === 'object' && typeof y === 'object'
        ? compareTotals(x, y, direction)
        : (x < y ? -1 : x > y ? 1 : 0) * direction;
    return primary || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
  const start = (query.page - 1) * query.pageSize;
  return { total: matching.length, items: matching.slice(start, start + query.pageSize) };
}
