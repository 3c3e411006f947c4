import {
  type BrokerLogDirs,
  type CommittedOffset,
  type GroupListing,
  type InferredVersion,
  inferClusterMode,
  type KafkaGateway,
  type MetadataSnapshot,
  type QuorumDescription,
  readKafkaVersion,
} from '@weir/kafka';

/**
 * Everything Weir knows about a cluster at one moment, read through the Kafka protocol. Optional
 * parts that failed are null, with the reason in `partErrors`: one failing API never hides the rest.
 */
export interface ClusterSnapshot {
  takenAt: number;
  durationMs: number;
  metadata: MetadataSnapshot;
  mode: 'kraft' | 'zookeeper';
  version: InferredVersion;
  quorum: QuorumDescription | null;
  /** `topic:partition` → start/end offsets; leaderless partitions are absent. */
  offsets: Map<string, { start: number; end: number }> | null;
  logDirs: BrokerLogDirs[] | null;
  groups: GroupListing[] | null;
  committed: Map<string, CommittedOffset[]> | null;
  /** Null without an authorizer, or when ACLs could not be read. */
  aclCount: number | null;
  /** The broker default of min.insync.replicas. */
  minInsyncReplicas: number | null;
  /** Each topic's effective min.insync.replicas, overrides included; null when it could not be read. */
  topicMinInsyncReplicas: Map<string, number> | null;
  partErrors: Record<string, string>;
}

export const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;

const GROUP_BATCH = 100;

async function optional<T>(
  name: string,
  errors: Record<string, string>,
  work: () => Promise<T>,
): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    errors[name] = (error as Error).message;
    return null;
  }
}

/** Reads a full snapshot: Metadata must answer; everything else is best effort, in parallel. */
export async function takeSnapshot(
  gateway: KafkaGateway,
  now: () => number = Date.now,
): Promise<ClusterSnapshot> {
  const started = now();
  const partErrors: Record<string, string> = {};
  const [metadata, apis] = await Promise.all([gateway.metadata(), gateway.apiVersions()]);
  const mode = inferClusterMode(apis);
  const brokersById = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
  const led = metadata.topics.flatMap((t) =>
    t.partitions.flatMap((p) => {
      const leader = brokersById.get(p.leader);
      return leader ? [{ topic: t.name, partition: p.partition, leader }] : [];
    }),
  );
  const firstBroker = metadata.brokers[0]?.nodeId;
  const [quorum, offsetList, logDirs, groups, minInsync, topicMinInsync, acls] = await Promise.all([
    mode === 'kraft' ? optional('quorum', partErrors, () => gateway.describeQuorum()) : Promise.resolve(null),
    optional('offsets', partErrors, async () => {
      const result = await gateway.listOffsets(led);
      for (const failed of result.failedBrokers) partErrors[`offsets@broker${failed.nodeId}`] = failed.error;
      return result.offsets;
    }),
    optional('logDirs', partErrors, () => gateway.describeLogDirs()),
    optional('groups', partErrors, () => gateway.listGroups()),
    firstBroker === undefined
      ? Promise.resolve(null)
      : optional('brokerConfig', partErrors, async () => {
          const configs = await gateway.describeConfigs({ type: 'broker', name: String(firstBroker) });
          const value = configs.find((c) => c.name === 'min.insync.replicas')?.value;
          return value ? Number(value) : null;
        }),
    optional('topicMinInsync', partErrors, async () => {
      const values = await gateway.topicConfigValue(
        metadata.topics.map((t) => t.name),
        'min.insync.replicas',
      );
      return new Map([...values].map(([topic, value]) => [topic, Number(value)]));
    }),
    optional('acls', partErrors, () => gateway.describeAcls()),
  ]);
  const committed = groups
    ? await optional('committedOffsets', partErrors, async () => {
        const all = new Map<string, CommittedOffset[]>();
        const ids = groups.map((g) => g.groupId);
        for (let i = 0; i < ids.length; i += GROUP_BATCH) {
          for (const [id, offsets] of await gateway.committedOffsets(ids.slice(i, i + GROUP_BATCH)))
            all.set(id, offsets);
        }
        return all;
      })
    : null;
  return {
    takenAt: now(),
    durationMs: now() - started,
    metadata,
    mode,
    version: await readKafkaVersion(gateway, apis, firstBroker ?? null),
    quorum,
    offsets:
      offsetList &&
      new Map(offsetList.map((o) => [partitionKey(o.topic, o.partition), { start: o.start, end: o.end }])),
    logDirs,
    groups,
    committed,
    minInsyncReplicas: minInsync,
    topicMinInsyncReplicas: topicMinInsync,
    aclCount: acls?.authorizerEnabled ? acls.acls.length : null,

    partErrors,
  };
}
