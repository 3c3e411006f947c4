import { type ClusterSnapshot, partitionKey } from './cluster-snapshot.ts';
import type { TopicSummary } from './read-model.types.ts';

export type { TopicSummary };

export const TOPIC_SORTS = ['name', 'partitions', 'size', 'underReplicated', 'messages'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

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

function computeSummaries(snapshot: ClusterSnapshot): TopicSummary[] {
  const sizes = snapshot.logDirs ? replicaSizes(snapshot) : null;
  return snapshot.metadata.topics.map((topic) => {
    let sizeBytes: number | null = sizes ? 0 : null;
    let messages: number | null = snapshot.offsets ? 0 : null;
    for (const p of topic.partitions) {
      const key = partitionKey(topic.name, p.partition);
      if (sizes && sizeBytes !== null) for (const bytes of sizes.get(key)?.values() ?? []) sizeBytes += bytes;
      const offsets = snapshot.offsets?.get(key);
      if (messages !== null && offsets) messages += offsets.end - offsets.start;
    }
    return {
      name: topic.name,
      internal: topic.internal,
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

const sortValue = (topic: TopicSummary, sort: TopicSort): number | string => {
  switch (sort) {
    case 'name':
      return topic.name;
    case 'partitions':
      return topic.partitions;
    case 'size':
      return topic.sizeBytes ?? -1;
    case 'underReplicated':
      return topic.underReplicated;
    case 'messages':
      return topic.messages ?? -1;
  }
};

/** Search (case-insensitive substring), sort (ties by name) and one page of topics. */
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
    const primary = x < y ? -1 : x > y ? 1 : 0;
    return primary * direction || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
  const start = (query.page - 1) * query.pageSize;
  return { total: matching.length, items: matching.slice(start, start + query.pageSize) };
}
