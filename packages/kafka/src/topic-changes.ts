import type { Admin, Broker } from '@platformatic/kafka';
import { rawRequest } from './raw-call.ts';

export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/** What the controller says the topic would get (validate-only) or got. */
export interface CreatedTopicReport {
  name: string;
  partitions: number;
  replicationFactor: number;
}

interface RawCreateTopics {
  topics: { name: string; numPartitions: number; replicationFactor: number }[];
}

/**
 * CreateTopics sent to the controller; `validateOnly` asks the controller to check names, counts and
 * configs (and any create policy) without creating anything, which the library's Admin cannot do.
 */
export async function createTopic(
  admin: Admin,
  controller: Broker,
  topic: NewTopic,
  options: { validateOnly: boolean; timeoutMs: number },
): Promise<CreatedTopicReport> {
  const response = await rawRequest<RawCreateTopics>(
    admin,
    'CreateTopics',
    [
      [
        {
          name: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: topic.replicationFactor,
          assignments: [],
          configs: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
        },
      ],
      options.timeoutMs,
      options.validateOnly,
    ],
    { broker: controller },
  );
  const created = response.topics[0];
  return {
    name: topic.name,
    // Older versions answer -1 for counts they do not echo back.
    partitions: created && created.numPartitions > 0 ? created.numPartitions : topic.partitions,
    replicationFactor:
      created && created.replicationFactor > 0 ? created.replicationFactor : topic.replicationFactor,
  };
}

export async function deleteTopic(admin: Admin, name: string): Promise<void> {
  await admin.deleteTopics({ topics: [name] });
}

export async function addPartitions(
  admin: Admin,
  topic: string,
  totalCount: number,
  validateOnly: boolean,
): Promise<void> {
  await admin.createPartitions({
    topics: [{ name: topic, count: totalCount, assignments: null }],
    validateOnly,
  });
}

/** DeleteRecords: each partition's log start moves up to the given offset; returns the new starts. */
export async function deleteRecordsBefore(
  admin: Admin,
  topic: string,
  offsets: { partition: number; offset: number }[],
): Promise<{ partition: number; start: number }[]> {
  const [result] = await admin.deleteRecords({
    topics: [
      { name: topic, partitions: offsets.map((o) => ({ partition: o.partition, offset: BigInt(o.offset) })) },
    ],
  });
  return (result?.partitions ?? [])
    .map((p) => ({ partition: p.partition, start: Number(p.lowWatermark) }))
    .sort((a, b) => a.partition - b.partition);
}
