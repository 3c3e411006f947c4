import {
  type BrokerFailure,
  type BrokerLogDirs,
  type CommittedOffset,
  type GroupDescription,
  type GroupListing,
  type InferredVersion,
  inferClusterMode,
  type KafkaGateway,
  KafkaGatewayError,
  type MetadataSnapshot,
  type QuorumDescription,
  readKafkaVersion,
} from '@weir/kafka';

/**
 * Everything Weir knows about a cluster at one moment, read through the Kafka protocol. Optional
 * parts that failed are null, with the reason in `partErrors`: one failing API never hides the rest.
 * Reads that go to several brokers are asked of each on its own, so one broker that fails costs only
 * what lives on it (its partitions' offsets, its disks, the groups it coordinates), named with why.
 */
export interface ClusterSnapshot {
  takenAt: number;
  durationMs: number;
  metadata: MetadataSnapshot;
  mode: 'kraft' | 'zookeeper';
  version: InferredVersion;
  quorum: QuorumDescription | null;
  /** `topic:partition` → start/end offsets; partitions without an answer are absent (see `offsetErrors`). */
  offsets: Map<string, { start: number; end: number }> | null;
  /** `topic:partition` → why its offsets are missing (no leader, or the leader did not answer). */
  offsetErrors: Map<string, string>;
  /** Log dirs of the brokers that answered; brokers that did not are in `logDirFailures`. */
  logDirs: BrokerLogDirs[] | null;
  logDirFailures: BrokerFailure[];
  /** Groups listed by the brokers that answered ListGroups. */
  groups: GroupListing[] | null;
  /** How many brokers were asked to list groups, and which failed. */
  groupListing: { brokers: number; failedBrokers: BrokerFailure[] } | null;
  /** Committed offsets of the groups whose coordinator answered. */
  committed: Map<string, CommittedOffset[]> | null;
  /** Groups as their coordinators describe them (members and their assignments). */
  descriptions: Map<string, GroupDescription> | null;
  /** Group → why its offsets or description could not be read, naming the broker. */
  groupErrors: Map<string, string>;
  /** Null without an authorizer, or when ACLs could not be read. */
  aclCount: number | null;
  /** Each topic's effective min.insync.replicas, overrides included; null when it could not be read. */
  topicMinInsyncReplicas: Map<string, number> | null;
  partErrors: Record<string, string>;
}

export const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;

const GROUP_BATCH = 100;
const FAILED_GROUPS_SHOWN = 5;

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

/**
 * Per-group reads in batches of {@link GROUP_BATCH}, failures kept per group. The batches run
 * together: run one after another, a hung coordinator would cost its timeout once per batch.
 */
async function perGroup<T>(
  ids: string[],
  read: (batch: string[]) => Promise<{ answered: Map<string, T>; failures: Map<string, string> }>,
  failures: Map<string, string>,
): Promise<Map<string, T>> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += GROUP_BATCH) batches.push(ids.slice(i, i + GROUP_BATCH));
  const all = new Map<string, T>();
  for (const result of await Promise.all(batches.map(read))) {
    for (const [id, value] of result.answered) all.set(id, value);
    for (const [id, error] of result.failures) if (!failures.has(id)) failures.set(id, error);
  }
  return all;
}

/** One line for the groups that could not be read: how many, which, and the distinct reasons. */
function describeFailedGroups(failures: Map<string, string>, of: number): string {
  const ids = [...failures.keys()];
  const reasons = [...new Set(failures.values())];
  const named =
    ids.slice(0, FAILED_GROUPS_SHOWN).join(', ') + (ids.length > FAILED_GROUPS_SHOWN ? ', …' : '');
  return `${ids.length} of ${of} groups could not be read (${named}): ${reasons.join('; ')}`;
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
  const offsetErrors = new Map<string, string>();
  const led = metadata.topics.flatMap((t) =>
    t.partitions.flatMap((p) => {
      const leader = brokersById.get(p.leader);
      if (!leader)
        offsetErrors.set(
          partitionKey(t.name, p.partition),
          p.leader < 0
            ? 'the partition has no leader (offline)'
            : `its leader, broker ${p.leader}, is not in Metadata`,
        );
      return leader ? [{ topic: t.name, partition: p.partition, leader }] : [];
    }),
  );
  const firstBroker = metadata.brokers[0]?.nodeId;
  let logDirFailures: BrokerFailure[] = [];
  let groupListing: ClusterSnapshot['groupListing'] = null;
  const [offsetList, logDirs, groups, topicMinInsync, acls] = await Promise.all([
    optional('offsets', partErrors, async () => {
      const result = await gateway.listOffsets(led);
      const failed = new Map(result.failedBrokers.map((f) => [f.nodeId, f.error]));
      for (const [nodeId, error] of failed) partErrors[`offsets@broker${nodeId}`] = error;
      const answered = new Set(result.offsets.map((o) => partitionKey(o.topic, o.partition)));
      for (const p of led) {
        const key = partitionKey(p.topic, p.partition);
        if (!answered.has(key))
          offsetErrors.set(
            key,
            failed.get(p.leader.nodeId) ?? `broker ${p.leader.nodeId} gave no offsets for it (ListOffsets)`,
          );
      }
      return result.offsets;
    }),
    optional('logDirs', partErrors, async () => {
      const result = await gateway.describeLogDirsOfEveryBroker(metadata.brokers);
      logDirFailures = result.failedBrokers;
      for (const f of result.failedBrokers) partErrors[`logDirs@broker${f.nodeId}`] = f.error;
      return result.brokers;
    }),
    optional('groups', partErrors, async () => {
      const result = await gateway.listGroupsOnEveryBroker(metadata.brokers);
      groupListing = { brokers: result.brokers, failedBrokers: result.failedBrokers };
      for (const f of result.failedBrokers) partErrors[`groups@broker${f.nodeId}`] = f.error;
      return result.groups;
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
  const groupErrors = new Map<string, string>();
  const ids = (groups ?? []).map((g) => g.groupId);
  const [committed, descriptions] = groups
    ? await Promise.all([
        optional('committedOffsets', partErrors, () =>
          perGroup(ids, (batch) => gateway.committedOffsetsFromCoordinators(batch), groupErrors),
        ),
        optional('groupDescriptions', partErrors, () => describeAll(gateway, groups, groupErrors)),
      ])
    : [null, null];
  // Last, on purpose: a broker forwards DescribeQuorum to the active controller, and a broker serves
  // one request per connection at a time, so while a hung controller holds it every read queued
  // behind it on the same connection would wait too.
  const quorum =
    mode === 'kraft' ? await optional('quorum', partErrors, () => describeQuorum(gateway)) : null;
  if (groupErrors.size > 0) partErrors.groupsUnread = describeFailedGroups(groupErrors, ids.length);
  // Before Kafka 2.6 ListGroups carries no state (KIP-518); the coordinator's description does.
  const listed = groups?.map((g) =>
    g.state === 'Unknown' && descriptions?.get(g.groupId)
      ? { ...g, state: descriptions.get(g.groupId)!.state }
      : g,
  );
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
    offsetErrors,
    logDirs,
    logDirFailures,
    groups: listed ?? null,
    groupListing,
    committed,
    descriptions,
    groupErrors,
    topicMinInsyncReplicas: topicMinInsync,
    aclCount: acls?.authorizerEnabled ? acls.acls.length : null,

    partErrors,
  };
}

/** DescribeQuorum; a timeout is the active controller's, which the broker forwarded it to. */
async function describeQuorum(gateway: KafkaGateway): Promise<QuorumDescription> {
  try {
    return await gateway.describeQuorum();
  } catch (error) {
    if (error instanceof KafkaGatewayError && error.kind === 'timeout')
      throw new Error(
        'The active controller did not answer DescribeQuorum in time (brokers forward it to the controller): the controller may be hung, or a new one is being elected.',
        { cause: error },
      );
    throw error;
  }
}

/**
 * Every group's members and assignments: classic groups through DescribeGroups on each
 * coordinator, new-protocol (KIP-848) ones through ConsumerGroupDescribe.
 */
async function describeAll(
  gateway: KafkaGateway,
  groups: GroupListing[],
  failures: Map<string, string>,
): Promise<Map<string, GroupDescription>> {
  const classic = groups.filter((g) => g.groupType !== 'consumer').map((g) => g.groupId);
  const described: Map<string, GroupDescription> = await perGroup(
    classic,
    (batch) => gateway.describeGroupsOnCoordinators(batch),
    failures,
  );
  const modern = groups.filter((g) => g.groupType === 'consumer').map((g) => g.groupId);
  for (let i = 0; i < modern.length; i += GROUP_BATCH) {
    const batch = modern.slice(i, i + GROUP_BATCH);
    try {
      for (const group of await gateway.describeConsumerProtocolGroups(batch))
        described.set(group.groupId, group);
    } catch (error) {
      for (const id of batch) if (!failures.has(id)) failures.set(id, (error as Error).message);
    }
  }
  return described;
}
