import type { TopicDetail, TopicPartitionView } from '@weir/api';
import type { TopicMetadata } from '@weir/kafka';
import { type ClusterSnapshot, partitionKey } from '../clusters/cluster-snapshot.ts';
import { lagOf, summarizeGroups, totalLagOf } from '../groups/groups.view.ts';
import { replicaSizeGap, replicaSizes } from './topics.view.ts';

/** Each partition of `topic`: leader, replicas, ISR, offsets and replica sizes, each unknown one saying why. */
export function partitionViews(snapshot: ClusterSnapshot, topic: TopicMetadata): TopicPartitionView[] {
  const name = topic.name;
  const sizes = snapshot.logDirs ? replicaSizes(snapshot) : null;
  const gap = replicaSizeGap(snapshot);
  return topic.partitions.map((p): TopicPartitionView => {
    const offsets = snapshot.offsets?.get(partitionKey(name, p.partition));
    const bySize = sizes?.get(partitionKey(name, p.partition));
    return {
      partition: p.partition,
      leader: p.leader < 0 ? null : p.leader,
      replicas: p.replicas,
      isr: p.isr,
      offlineReplicas: p.offlineReplicas,
      offline: p.leader < 0,
      underReplicated: p.isr.length < p.replicas.length,
      startOffset: offsets?.start ?? null,
      endOffset: offsets?.end ?? null,
      replicaSizes: p.replicas.map((broker) => ({
        broker,
        sizeBytes: bySize?.get(broker) ?? null,
        unknownReason:
          bySize?.get(broker) !== undefined
            ? null
            : sizes
              ? (gap(broker) ?? `broker ${broker} reported no log dir holding this replica`)
              : (snapshot.partErrors.logDirs ?? 'log dirs could not be read'),
      })),
      offsetsUnknownReason: offsets
        ? null
        : (snapshot.offsetErrors.get(partitionKey(name, p.partition)) ??
          snapshot.partErrors.offsets ??
          'offsets could not be read'),
    };
  });
}

/** The groups reading topic `name`, with their lag on it alone. */
export function consumerGroupsOf(snapshot: ClusterSnapshot, name: string): TopicDetail['consumerGroups'] {
  // Groups relate to a topic through committed offsets and through their members' assignments.
  return summarizeGroups(snapshot)
    .filter((g) => g.topics.includes(name))
    .map((g) => ({
      groupId: g.groupId,
      state: g.state,
      lag: totalLagOf(
        snapshot,
        g.groupId,
        lagOf(snapshot, g.groupId).filter((l) => l.topic === name),
      ),
    }));
}
