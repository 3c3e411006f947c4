import type { Admin } from '@platformatic/kafka';

export interface PartitionRef {
  topic: string;
  partition: number;
}

export interface PartitionOffsets {
  topic: string;
  partition: number;
  /** Log start offset (earliest retained record). */
  start: number;
  /** Log end offset (the next offset to be written). */
  end: number;
}

// ListOffsets timestamps with special meaning.
const LATEST = -1n;
const EARLIEST = -2n;

async function listAt(
  admin: Admin,
  partitions: PartitionRef[],
  timestamp: bigint,
): Promise<Map<string, number>> {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) {
    const list = byTopic.get(topic) ?? [];
    list.push(partition);
    byTopic.set(topic, list);
  }
  const topics = [...byTopic].map(([name, ids]) => ({
    name,
    partitions: ids.map((partitionIndex) => ({ partitionIndex, timestamp })),
  }));
  const result = new Map<string, number>();
  if (topics.length === 0) return result;
  for (const topic of await admin.listOffsets({ topics })) {
    for (const partition of topic.partitions)
      result.set(`${topic.name}:${partition.partitionIndex}`, Number(partition.offset));
  }
  return result;
}

/**
 * Start and end offsets of partitions, asked of each partition's leader. Callers leave out
 * leaderless partitions: no broker can answer for them.
 */
export async function listStartAndEndOffsets(
  admin: Admin,
  partitions: PartitionRef[],
): Promise<PartitionOffsets[]> {
  const [starts, ends] = await Promise.all([
    listAt(admin, partitions, EARLIEST),
    listAt(admin, partitions, LATEST),
  ]);
  return partitions
    .filter((p) => ends.has(`${p.topic}:${p.partition}`))
    .map((p) => ({
      topic: p.topic,
      partition: p.partition,
      start: starts.get(`${p.topic}:${p.partition}`) ?? 0,
      end: ends.get(`${p.topic}:${p.partition}`)!,
    }));
}
