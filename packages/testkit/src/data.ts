import {
  AclOperations,
  AclPermissionTypes,
  Admin,
  Consumer,
  Producer,
  ResourcePatternTypes,
  ResourceTypes,
  stringDeserializers,
  stringSerializers,
} from '@platformatic/kafka';
import type { KafkaCluster } from './cluster.ts';

/** Test data made with a real client: topics, records, and consumer groups in the states tests need. */
const bootstrap = (cluster: KafkaCluster) => cluster.bootstrapServers.plaintext.split(',');

export async function createTopic(
  cluster: KafkaCluster,
  topic: string,
  options: {
    partitions: number;
    replicas?: number;
    assignments?: { partition: number; brokers: number[] }[];
  },
): Promise<void> {
  const admin = new Admin({ clientId: 'weir-testkit', bootstrapBrokers: bootstrap(cluster) });
  try {
    await admin.createTopics(
      options.assignments
        ? { topics: [topic], partitions: -1, replicas: -1, assignments: options.assignments }
        : { topics: [topic], partitions: options.partitions, replicas: options.replicas ?? 1 },
    );
  } finally {
    await admin.close();
  }
}

/** Creates many one-partition topics in batches of 500 (fast enough for 10,000). */
export async function createManyTopics(cluster: KafkaCluster, names: string[]): Promise<void> {
  const admin = new Admin({
    clientId: 'weir-testkit',
    bootstrapBrokers: bootstrap(cluster),
    timeout: 120_000,
  });
  try {
    for (let start = 0; start < names.length; start += 500) {
      await admin.createTopics({ topics: names.slice(start, start + 500), partitions: 1, replicas: 1 });
    }
  } finally {
    await admin.close();
  }
}

/**
 * Writes `count` records `key-i` / `value-i`, spread over partitions by key; returns when acknowledged.
 * With `valueBytes`, each value is padded to that size (to give replication something to copy).
 */
export async function produceRecords(
  cluster: KafkaCluster,
  topic: string,
  count: number,
  options: { valueBytes?: number } = {},
): Promise<void> {
  const pad = (value: string) => (options.valueBytes ? value.padEnd(options.valueBytes, '.') : value);
  // Idempotent: a batch retried on a busy machine must not be written twice, or counts would drift.
  const producer = new Producer({
    clientId: 'weir-testkit',
    bootstrapBrokers: bootstrap(cluster),
    serializers: stringSerializers,
    idempotent: true,
  });
  try {
    for (let start = 0; start < count; start += 500) {
      const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
        topic,
        key: `key-${start + i}`,
        value: pad(`value-${start + i}`),
      }));
      await producer.send({ messages: batch });
    }
  } finally {
    await producer.close();
  }
}

/** Commits offsets for a group with no members: an Empty group whose lag stays put (a stopped consumer). */
export async function commitOffsets(
  cluster: KafkaCluster,
  groupId: string,
  topic: string,
  offsets: { partition: number; offset: number }[],
): Promise<void> {
  const admin = new Admin({ clientId: 'weir-testkit', bootstrapBrokers: bootstrap(cluster) });
  try {
    await admin.alterConsumerGroupOffsets({
      groupId,
      topics: [
        {
          name: topic,
          partitionOffsets: offsets.map((o) => ({ partition: o.partition, offset: BigInt(o.offset) })),
        },
      ],
    });
  } finally {
    await admin.close();
  }
}

/**
 * Starts a group member that reads `topic` from the start and commits as it goes, until `stop()`.
 * With `readAtMost`, it stops reading (but stays a member) after that many records.
 */
export async function startConsumer(
  cluster: KafkaCluster,
  groupId: string,
  topic: string,
  options: { readAtMost?: number; delayMsPerRecord?: number; groupProtocol?: 'classic' | 'consumer' } = {},
): Promise<{ consumed: () => number; stop: () => Promise<void> }> {
  const consumer = new Consumer({
    clientId: `weir-testkit-${groupId}`,
    groupId,
    bootstrapBrokers: bootstrap(cluster),
    deserializers: stringDeserializers,
    autocommit: false,
    // `consumer` is the KIP-848 protocol (Kafka 4.0+): the broker assigns partitions.
    ...(options.groupProtocol === 'consumer' ? { groupProtocol: 'consumer' as const } : {}),
  });

  const stream = await consumer.consume({
    topics: [topic],
    mode: 'committed',
    fallbackMode: 'earliest',
  } as never);
  let consumed = 0;
  let reading = true;
  const loop = (async () => {
    for await (const message of stream) {
      if (!reading) continue;
      if (options.delayMsPerRecord)
        await new Promise((resolvePromise) => setTimeout(resolvePromise, options.delayMsPerRecord));
      await message.commit();

      consumed += 1;
      if (options.readAtMost !== undefined && consumed >= options.readAtMost) reading = false;
    }
  })().catch(() => undefined);
  return {
    consumed: () => consumed,
    stop: async () => {
      await stream.close().catch(() => undefined);
      await consumer.close(true).catch(() => undefined);
      await loop;
    },
  };
}

/** Adds an ALLOW ACL, e.g. `allowAcl(cluster, 'User:alice', 'TOPIC', 'orders', 'READ')`. */
export async function allowAcl(
  cluster: KafkaCluster,
  acl: {
    principal: string;
    resourceType: 'TOPIC' | 'GROUP' | 'CLUSTER';
    resourceName: string;
    operation: 'READ' | 'WRITE' | 'DESCRIBE' | 'ALL';
    patternType?: 'LITERAL' | 'PREFIXED';
  },
): Promise<void> {
  const admin = new Admin({ clientId: 'weir-testkit', bootstrapBrokers: bootstrap(cluster) });
  try {
    await admin.createAcls({
      creations: [
        {
          resourceType: ResourceTypes[acl.resourceType],
          resourceName: acl.resourceName,
          resourcePatternType: ResourcePatternTypes[acl.patternType ?? 'LITERAL'],
          principal: acl.principal,
          host: '*',
          operation: AclOperations[acl.operation],
          permissionType: AclPermissionTypes.ALLOW,
        },
      ],
    });
  } finally {
    await admin.close();
  }
}

/** Sets a client quota, e.g. `setQuota(cluster, { user: 'alice' }, 'producer_byte_rate', 1048576)`. */
export async function setQuota(
  cluster: KafkaCluster,
  entity: Record<string, string>,
  key: string,
  value: number,
): Promise<void> {
  const admin = new Admin({ clientId: 'weir-testkit', bootstrapBrokers: bootstrap(cluster) });
  try {
    await admin.alterClientQuotas({
      entries: [
        {
          entities: Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName })),
          ops: [{ key, value, remove: false }],
        },
      ],
    } as never);
  } finally {
    await admin.close();
  }
}

/** One transaction's records; `open` leaves it running, to be ended later with the returned handle. */
export interface TransactionToWrite {
  records: { partition: number; value: string }[];
  outcome: 'commit' | 'abort' | 'open';
}

/**
 * Writes transactions (KIP-98) with one transactional producer, in order: each commits, aborts, or
 * stays open. Returns the open one's abort/commit and the producer's close.
 */
export async function writeTransactions(
  cluster: KafkaCluster,
  topic: string,
  transactionalId: string,
  transactions: TransactionToWrite[],
): Promise<{ endOpen(outcome: 'commit' | 'abort'): Promise<void>; close(): Promise<void> }> {
  const producer = new Producer({
    clientId: 'weir-testkit',
    bootstrapBrokers: bootstrap(cluster),
    serializers: stringSerializers,
    idempotent: true,
    transactionalId,
  });
  let open: Awaited<ReturnType<typeof producer.beginTransaction>> | null = null;
  try {
    for (const transaction of transactions) {
      const running = await producer.beginTransaction();
      // One send per partition run, so a transaction may span partitions in one request.
      await running.send({
        messages: transaction.records.map((r) => ({ topic, partition: r.partition, value: r.value })),
      });
      if (transaction.outcome === 'commit') await running.commit();
      else if (transaction.outcome === 'abort') await running.abort();
      else open = running;
    }
  } catch (error) {
    await producer.close().catch(() => undefined);
    throw error;
  }
  return {
    async endOpen(outcome) {
      if (!open) throw new Error('No transaction was left open.');
      await (outcome === 'commit' ? open.commit() : open.abort());
      open = null;
    },
    close: () => producer.close(),
  };
}
