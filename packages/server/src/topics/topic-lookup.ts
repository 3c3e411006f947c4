import type { KafkaGateway, TopicMetadata } from '@weir/kafka';
import { ConflictError, NotFoundError } from '../errors.ts';

/**
 * The topic as the cluster describes it now (not the snapshot), for a change to check against.
 * @throws NotFoundError when the topic does not exist.
 */
export async function currentTopic(gateway: KafkaGateway, name: string): Promise<TopicMetadata> {
  const metadata = await gateway.metadata([name]);
  const topic = metadata.topics.find((t) => t.name === name);
  if (!topic)
    throw new NotFoundError(`Topic "${name}" does not exist in this cluster; check the name.`, {
      code: 'topic.not-found',
      params: { topic: name },
    });
  return topic;
}

/**
 * Partitions with their leader's address; leaderless ones cannot be read or truncated now.
 * @throws ConflictError naming the first partition without a leader.
 */
export function ledPartitions(
  topic: TopicMetadata,
  partitions: number[],
  cluster: Awaited<ReturnType<KafkaGateway['describeCluster']>>,
) {
  return partitions.map((partition) => {
    const leaderId = topic.partitions.find((p) => p.partition === partition)?.leader ?? -1;
    const leader = cluster.brokers.find((b) => b.nodeId === leaderId);
    if (!leader) {
      throw new ConflictError(
        `Partition ${topic.name}-${partition} has no leader right now; wait for one or choose other partitions.`,
      );
    }
    return {
      topic: topic.name,
      partition,
      leader: { nodeId: leader.nodeId, host: leader.host, port: leader.port },
    };
  });
}
