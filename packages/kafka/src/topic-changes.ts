import type { Admin, Broker } from '@platformatic/kafka';
import { KafkaGatewayError } from './errors.ts';
import {
  askLeaders,
  describeFailures,
  type LeaderFailure,
  metadataReader,
  type PartitionAnswer,
} from './leader-requests.ts';
import { readMetadata } from './metadata.ts';
import type { LedPartition } from './offsets.ts';
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

interface RawDeleteRecords {
  topics: {
    name: string;
    partitions: { partitionIndex: number; lowWatermark: bigint; errorCode: number }[];
  }[];
}

/**
 * DeleteRecords, sent to each partition's current leader (Kafka's admin client does the same, and
 * retries a partition whose leader moved, see askLeaders): each partition's log start moves up to the
 * given offset. Returns the new starts.
 *
 * @throws KafkaGatewayError (kind `unreachable`) when a partition could not be truncated; the
 *   message names each such partition with its broker and says which ones were truncated.
 */
export async function deleteRecordsBefore(
  admin: Admin,
  topic: string,
  offsets: { partition: number; offset: number }[],
  timeoutMs: number,
): Promise<{ partition: number; start: number }[]> {
  const metadata = await readMetadata(admin, [topic]);
  const brokers = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
  const partitions = metadata.topics.find((t) => t.name === topic)?.partitions ?? [];
  const targets = new Map(offsets.map((o) => [`${topic}:${o.partition}`, BigInt(o.offset)]));
  const led: LedPartition[] = [];
  const leaderless: LeaderFailure[] = [];
  for (const { partition } of offsets) {
    const known = partitions.find((p) => p.partition === partition);
    const leader = brokers.get(known?.leader ?? -1);
    if (known && leader) led.push({ topic, partition, leader, leaderEpoch: known.leaderEpoch });
    else
      leaderless.push({
        topic,
        partition,
        nodeId: null,
        error: known ? 'has no leader (offline)' : 'does not exist',
      });
  }
  const { answers, failures } = await askLeaders<bigint>(
    metadataReader(admin),
    'DeleteRecords',
    led,
    async (leader, batch) => {
      const response = await rawRequest<RawDeleteRecords>(
        admin,
        'DeleteRecords',
        [
          [
            {
              name: topic,
              partitions: batch.map((p) => ({
                partitionIndex: p.partition,
                offset: targets.get(`${topic}:${p.partition}`) as bigint,
              })),
            },
          ],
          timeoutMs,
        ],
        { broker: { host: leader.host, port: leader.port }, keepErrorCodes: true },
      );
      const result = new Map<string, PartitionAnswer<bigint>>();
      for (const t of response.topics)
        for (const p of t.partitions)
          result.set(`${t.name}:${p.partitionIndex}`, { errorCode: p.errorCode, value: p.lowWatermark });
      return result;
    },
  );
  const truncated = offsets
    .filter((o) => answers.has(`${topic}:${o.partition}`))
    .map((o) => ({ partition: o.partition, start: Number(answers.get(`${topic}:${o.partition}`)) }))
    .sort((a, b) => a.partition - b.partition);
  const failed = [...leaderless, ...failures];
  if (failed.length > 0) {
    const done = truncated.length
      ? ` ${truncated.length === 1 ? 'Partition' : 'Partitions'} ${truncated.map((t) => t.partition).join(', ')} ${truncated.length === 1 ? 'was' : 'were'} truncated.`
      : ' No partition was truncated.';
    const first = failed[0] as LeaderFailure;
    throw new KafkaGatewayError(
      'unreachable',
      `DeleteRecords failed for ${describeFailures(failed)}.${done}`,
      {
        api: 'DeleteRecords',
        ...(first.nodeId === null ? {} : { broker: String(first.nodeId) }),
        topic,
        partition: first.partition,
      },
    );
  }
  return truncated;
}
