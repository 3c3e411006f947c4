import { Admin, type Broker, Producer } from '@platformatic/kafka';
import { installBootstrapFailover } from './bootstrap-failover.ts';
import type { BrokerAddress, BrokerFailure } from './broker-call.ts';
import {
  alterConfigsIncrementally,
  alterConfigsWholesale,
  type ConfigChange,
  type ConfigResource,
} from './config-changes.ts';
import { type ConfigEntry, describeConfigs, describeTopicConfigValue } from './configs.ts';
import { type ClusterConnection, DEFAULT_REQUEST_TIMEOUT_MS, toClientOptions } from './connection.ts';
import { withCoordinatorRetry } from './coordinator-retry.ts';
import { failedSilently, KafkaGatewayError, toGatewayError } from './errors.ts';
import { type BrokerFeatures, describeFeatures } from './features.ts';
import {
  type FetchedPartition,
  type FetchLimits,
  type FetchPosition,
  fetchFromLeader,
  type IsolationLevel,
} from './fetch.ts';
import { commitGroupOffsets, deleteGroup, deleteGroupOffsets, type GroupOffset } from './group-changes.ts';
import {
  committedOffsetsFromCoordinators,
  describeGroupsOnCoordinators,
  type GroupListingResult,
  type GroupReadResult,
  listGroupsOnEveryBroker,
} from './group-reads.ts';
import {
  type CommittedOffset,
  committedOffsets,
  describeConsumerProtocolGroups,
  describeGroups,
  type GroupDescription,
  type GroupListing,
  listGroups,
} from './groups.ts';
import { type ElectionResult, type ElectionType, electLeaders } from './leader-election.ts';
import { backoffDelay, LEADER_RETRY } from './leader-requests.ts';
import { type BrokerLogDirs, describeAllLogDirs, describeLogDirsOfEveryBroker } from './log-dirs.ts';
import { type MetadataSnapshot, readMetadata } from './metadata.ts';
import { type LedPartition, listStartAndEndOffsets, type OffsetsResult, offsetsAt } from './offsets.ts';
import {
  type Compression,
  IdempotenceRefusedError,
  type ProducedBatch,
  produceIdempotently,
  produceRecords,
  type RecordToProduce,
} from './produce.ts';
import { describeQuorum, type QuorumDescription } from './quorum.ts';
import {
  alterReassignments,
  listReassignments,
  type OngoingReassignment,
  type ReplicaMove,
} from './reassignments.ts';
import { type FetchedRecordSet, fetchRecordSets } from './record-count.ts';
import {
  type AclListing,
  type ClientQuota,
  describeAcls,
  describeClientQuotas,
  describeScramUsers,
  type ScramUser,
} from './security.ts';
import {
  addPartitions,
  type CreatedTopicReport,
  createTopic,
  deleteRecordsBefore,
  deleteTopic,
  type NewTopic,
} from './topic-changes.ts';

export interface ApiVersionRange {
  apiKey: number;
  name: string;
  minVersion: number;
  maxVersion: number;
}

export interface BrokerNode {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterDescription {
  clusterId: string;
  controllerId: number;
  brokers: BrokerNode[];
}

/** One cluster's door: every call times out, every failure is a KafkaGatewayError. */
export interface KafkaGateway {
  /** ApiVersions as answered by the broker the gateway is connected to. */
  apiVersions(): Promise<ApiVersionRange[]>;
  /** The same broker's supported and finalized features (ApiVersions v3+, KIP-584); empty before 2.7. */
  features(): Promise<BrokerFeatures>;
  describeCluster(): Promise<ClusterDescription>;
  /** Every topic with its partitions, or just the named ones; never creates a topic. */
  metadata(topics?: string[]): Promise<MetadataSnapshot>;
  /** KRaft only: the metadata quorum. */
  describeQuorum(): Promise<QuorumDescription>;
  /** Start and end offsets, from each partition's leader as given; read_committed ends at the last stable offset. */
  listOffsets(partitions: LedPartition[], isolation?: IsolationLevel): Promise<OffsetsResult>;
  describeLogDirs(): Promise<BrokerLogDirs[]>;
  describeConfigs(resource: { type: 'topic' | 'broker'; name: string }): Promise<ConfigEntry[]>;
  /** One config's effective value per topic (topics without an answer are absent). */
  topicConfigValue(topics: string[], key: string): Promise<Map<string, string>>;
  listGroups(): Promise<GroupListing[]>;
  /** ListGroups on each broker with its own deadline; brokers that failed are named, the rest listed. */
  listGroupsOnEveryBroker(brokers: BrokerAddress[]): Promise<GroupListingResult>;
  /** DescribeLogDirs on each broker with its own deadline. */
  describeLogDirsOfEveryBroker(
    brokers: BrokerAddress[],
  ): Promise<{ brokers: BrokerLogDirs[]; failedBrokers: BrokerFailure[] }>;
  /** Committed offsets from each group's coordinator; groups whose coordinator failed say why. */
  committedOffsetsFromCoordinators(groupIds: string[]): Promise<GroupReadResult<CommittedOffset[]>>;
  /** Classic groups with decoded member assignments, from each coordinator; failures per group. */
  describeGroupsOnCoordinators(
    groupIds: string[],
  ): Promise<GroupReadResult<GroupDescription & { coordinator: number }>>;
  describeGroups(groupIds: string[]): Promise<GroupDescription[]>;
  /** New-protocol (KIP-848) groups, which DescribeGroups does not describe. */
  describeConsumerProtocolGroups(groupIds: string[]): Promise<GroupDescription[]>;
  committedOffsets(groupIds: string[]): Promise<Map<string, CommittedOffset[]>>;
  describeScramUsers(): Promise<ScramUser[]>;
  describeAcls(): Promise<AclListing>;
  describeClientQuotas(): Promise<ClientQuota[]>;
  /** Per partition, the offset at the log start, the log end, or the first record at a timestamp. */
  offsetsAt(partitions: LedPartition[], at: 'earliest' | 'latest' | number): Promise<Map<string, number>>;

  /** With `validateOnly`, the controller checks the request and creates nothing. */
  createTopic(topic: NewTopic, validateOnly: boolean): Promise<CreatedTopicReport>;
  deleteTopic(name: string): Promise<void>;
  addPartitions(topic: string, totalCount: number, validateOnly: boolean): Promise<void>;
  deleteRecords(
    topic: string,
    before: { partition: number; offset: number }[],
  ): Promise<{ partition: number; start: number }[]>;
  /** IncrementalAlterConfigs, or AlterConfigs with the full override set on brokers without it. */
  alterConfigs(
    resource: ConfigResource,
    changes: ConfigChange[],
    validateOnly: boolean,
  ): Promise<{ api: 'IncrementalAlterConfigs' | 'AlterConfigs' }>;
  commitGroupOffsets(groupId: string, offsets: GroupOffset[]): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;
  deleteGroupOffsets(groupId: string, topic: string, partitions: number[]): Promise<void>;
  /** Per-partition refusals are returned; `replicas: null` cancels. */
  alterReassignments(moves: ReplicaMove[]): Promise<{ topic: string; partition: number; error: string }[]>;
  listReassignments(): Promise<OngoingReassignment[]>;
  electLeaders(
    type: ElectionType,
    partitions: { topic: string; partitions: number[] }[] | null,
  ): Promise<ElectionResult[]>;
  /** Reads from one leader as a plain reader (no group); each partition's error code is kept. */
  fetch(
    leader: { host: string; port: number },
    positions: FetchPosition[],
    limits: FetchLimits,
  ): Promise<FetchedPartition[]>;
  /** Like `fetch`, with each partition's record set kept as bytes, for countRecordSet. */
  fetchRecordSets(
    leader: { host: string; port: number },
    positions: FetchPosition[],
    limits: FetchLimits,
  ): Promise<FetchedRecordSet[]>;
  produce(topic: string, records: RecordToProduce[], compression: Compression): Promise<ProducedBatch[]>;
  close(): Promise<void>;
}

/**
 * Reads whose request goes to whichever broker the client picks (Kafka's "least loaded node"), so a
 * silent broker can be skipped. Coordinator reads are not among them: their FindCoordinator is sent
 * to a broker that answers once one timed out, but a retry would wait again on a silent coordinator.
 */
const READS_ANY_BROKER_ANSWERS = new Set([
  'ApiVersions',
  'Metadata',
  'DescribeQuorum',
  'DescribeConfigs',
  'ListGroups',
  'DescribeUserScramCredentials',
  'DescribeAcls',
  'DescribeClientQuotas',
]);

/** Rejects with a timeout error when `work` outlives `ms`, so no caller waits on a silent broker. */
export async function withTimeout<T>(work: Promise<T>, ms: number, api: string, where: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new KafkaGatewayError(
            'timeout',
            `${where} did not answer ${api} within ${ms} ms: check that the address is a Kafka listener and the broker is healthy.`,
            { api },
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createKafkaGateway(connection: ClusterConnection): KafkaGateway {
  const admin = new Admin(toClientOptions(connection));
  const silent = installBootstrapFailover(admin);
  // Producers share what the admin client learned about silent brokers.
  const failingOver = <C extends Producer<Buffer, Buffer, Buffer, Buffer>>(client: C): C => {
    installBootstrapFailover(client, silent);
    return client;
  };
  const deadline =
    (connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) + (connection.connectTimeoutMs ?? 5000);
  const requestTimeout = connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const where = connection.bootstrapServers.join(', ');
  const gatewayError = (api: string, error: unknown) =>
    toGatewayError(error, {
      api,
      bootstrap: connection.bootstrapServers,
      username: connection.sasl?.username,
      mechanism: connection.sasl?.mechanism,
    });
  // Calls that look up a coordinator and then ask it make two round trips, each with its own deadline.
  const call = async <T>(api: string, work: () => Promise<T>, roundTrips = 1): Promise<T> => {
    const attempt = async () => {
      const started = Date.now();
      try {
        return await withTimeout(work(), deadline * roundTrips, api, where);
      } catch (error) {
        const waited = Date.now() - started;
        if (!failedSilently(error, waited, requestTimeout)) throw error;
        throw new KafkaGatewayError('timeout', `${where} did not answer ${api} within ${waited} ms.`, {
          api,
        });
      }
    };
    const marksBefore = silent.marks;
    let first: KafkaGatewayError;
    try {
      return await attempt();
    } catch (error) {
      first = gatewayError(api, error);
      // A read any broker may answer that timed out on a broker now known silent goes once more, to a
      // broker that answers; one addressed to a leader or coordinator would only wait for it again.
      const retry =
        READS_ANY_BROKER_ANSWERS.has(api) && silent.marks > marksBefore && first.kind === 'timeout';
      if (!retry) throw first;
    }
    try {
      return await attempt();
    } catch (error) {
      // The timeout is what went wrong; the retry can only fail on how the silent broker's connection
      // was torn down (with one broker it goes back to the same one), which would hide it.
      const retried = gatewayError(api, error);
      throw new KafkaGatewayError(
        first.kind,
        `${first.message} A retry failed too (${retried.kind}).`,
        first.coordinates,
        {
          cause: first,
        },
      );
    }
  };

  // In KRaft mode any broker forwards controller requests; in ZooKeeper mode only the controller takes them.
  const controller = async (): Promise<Broker> => {
    const metadata = await admin.metadata({ topics: [], forceUpdate: true, autocreateTopics: false });
    const broker = metadata.brokers.get(metadata.controllerId) ?? [...metadata.brokers.values()][0];
    if (!broker)
      throw new KafkaGatewayError('unreachable', `No broker of ${where} is alive.`, { api: 'Metadata' });
    return { host: broker.host, port: broker.port };
  };
  // Every group request finds its coordinator afresh and is retried while Kafka says the coordinator moved.
  const coordinated = <T>(api: string, groupIds: string[], work: () => Promise<T>) =>
    withCoordinatorRetry(admin, api, groupIds, work);
  let producer: Producer<Buffer, Buffer, Buffer, Buffer> | null = null;
  let idempotentProducer: Producer<Buffer, Buffer, Buffer, Buffer> | null = null;
  // Topics whose broker refused idempotent batches (old message format, no IDEMPOTENT_WRITE): written
  // plainly from then on.
  const plainOnly = new Set<string>();
  let fetchVersion: number | null = null;
  const maxVersionOf = async (apiName: string): Promise<number> =>
    (await admin.listApis()).find((api) => api.name === apiName)?.maxVersion ?? -1;

  return {
    apiVersions: () =>
      call('ApiVersions', async () =>
        (await admin.listApis()).map((api) => ({
          apiKey: api.apiKey,
          name: api.name,
          minVersion: api.minVersion,
          maxVersion: api.maxVersion,
        })),
      ),
    features: () => call('ApiVersions', () => describeFeatures(admin)),
    describeCluster: () =>
      call('Metadata', async () => {
        const metadata = await admin.metadata({ topics: [], forceUpdate: true, autocreateTopics: false });
        return {
          clusterId: metadata.id,
          controllerId: metadata.controllerId,
          brokers: [...metadata.brokers.entries()]
            .map(([nodeId, broker]) => ({
              nodeId,
              host: broker.host,
              port: broker.port,
              rack: broker.rack ?? null,
            }))
            .sort((a, b) => a.nodeId - b.nodeId),
        };
      }),
    metadata: (topics) => call('Metadata', () => readMetadata(admin, topics ?? null)),
    describeQuorum: () => call('DescribeQuorum', () => describeQuorum(admin)),
    listOffsets: (partitions, isolation) =>
      call('ListOffsets', () => listStartAndEndOffsets(admin, partitions, isolation, requestTimeout)),
    listGroupsOnEveryBroker: (brokers) =>
      call('ListGroups', () => listGroupsOnEveryBroker(admin, brokers, requestTimeout)),
    describeLogDirsOfEveryBroker: (brokers) =>
      call('DescribeLogDirs', () => describeLogDirsOfEveryBroker(admin, brokers, requestTimeout)),
    committedOffsetsFromCoordinators: (groupIds) =>
      call('OffsetFetch', () => committedOffsetsFromCoordinators(admin, groupIds, requestTimeout), 2),
    describeGroupsOnCoordinators: (groupIds) =>
      call('DescribeGroups', () => describeGroupsOnCoordinators(admin, groupIds, requestTimeout), 2),
    describeLogDirs: () => call('DescribeLogDirs', () => describeAllLogDirs(admin)),
    describeConfigs: (resource) => call('DescribeConfigs', () => describeConfigs(admin, resource)),
    topicConfigValue: (topics, key) =>
      call('DescribeConfigs', () => describeTopicConfigValue(admin, topics, key)),
    listGroups: () => call('ListGroups', () => coordinated('ListGroups', [], () => listGroups(admin))),
    describeGroups: (groupIds) =>
      call('DescribeGroups', () =>
        coordinated('DescribeGroups', groupIds, () => describeGroups(admin, groupIds)),
      ),
    describeConsumerProtocolGroups: (groupIds) =>
      call('ConsumerGroupDescribe', () =>
        coordinated('ConsumerGroupDescribe', groupIds, () => describeConsumerProtocolGroups(admin, groupIds)),
      ),
    committedOffsets: (groupIds) =>
      call('OffsetFetch', () =>
        coordinated('OffsetFetch', groupIds, () => committedOffsets(admin, groupIds)),
      ),
    describeScramUsers: () => call('DescribeUserScramCredentials', () => describeScramUsers(admin)),
    describeAcls: () => call('DescribeAcls', () => describeAcls(admin)),
    describeClientQuotas: () => call('DescribeClientQuotas', () => describeClientQuotas(admin)),
    offsetsAt: (partitions, at) =>
      call('ListOffsets', () => offsetsAt(admin, partitions, at, requestTimeout)),
    createTopic: (topic, validateOnly) =>
      call('CreateTopics', async () =>
        createTopic(admin, await controller(), topic, { validateOnly, timeoutMs: deadline }),
      ),
    deleteTopic: (name) => call('DeleteTopics', () => deleteTopic(admin, name)),
    addPartitions: (topic, totalCount, validateOnly) =>
      call('CreatePartitions', () => addPartitions(admin, topic, totalCount, validateOnly)),
    deleteRecords: (topic, before) =>
      call('DeleteRecords', () =>
        deleteRecordsBefore(admin, topic, before, connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      ),
    alterConfigs: (resource, changes, validateOnly) =>
      call('IncrementalAlterConfigs', async () => {
        if ((await maxVersionOf('IncrementalAlterConfigs')) < 0) {
          await alterConfigsWholesale(admin, resource, changes, validateOnly);
          return { api: 'AlterConfigs' as const };
        }
        await alterConfigsIncrementally(admin, resource, changes, validateOnly);
        return { api: 'IncrementalAlterConfigs' as const };
      }),
    commitGroupOffsets: (groupId, offsets) =>
      call('OffsetCommit', () =>
        coordinated('OffsetCommit', [groupId], () => commitGroupOffsets(admin, groupId, offsets)),
      ),
    deleteGroup: (groupId) =>
      call('DeleteGroups', () => coordinated('DeleteGroups', [groupId], () => deleteGroup(admin, groupId))),
    deleteGroupOffsets: (groupId, topic, partitions) =>
      call('OffsetDelete', () =>
        coordinated('OffsetDelete', [groupId], () => deleteGroupOffsets(admin, groupId, topic, partitions)),
      ),
    alterReassignments: (moves) =>
      call('AlterPartitionReassignments', async () => alterReassignments(admin, await controller(), moves)),
    listReassignments: () =>
      call('ListPartitionReassignments', async () => listReassignments(admin, await controller())),
    electLeaders: (type, partitions) =>
      call('ElectLeaders', async () => {
        const version = await maxVersionOf('ElectLeaders');
        if (version < 1) {
          throw new KafkaGatewayError(
            'unsupported',
            `${where} does not support ElectLeaders v1 (Kafka 2.4+); on older ZooKeeper clusters run kafka-preferred-replica-election against ZooKeeper.`,
            { api: 'ElectLeaders' },
          );
        }
        return electLeaders(admin, await controller(), type, partitions, version);
      }),
    fetch: (leader, positions, limits) =>
      call('Fetch', async () => {
        // The library speaks Fetch up to v17; which request shape it sends follows the broker's maximum.
        fetchVersion ??= Math.min(await maxVersionOf('Fetch'), 17);
        return fetchFromLeader(admin, leader, positions, limits, fetchVersion);
      }),
    fetchRecordSets: (leader, positions, limits) =>
      call('Fetch', async () => {
        fetchVersion ??= Math.min(await maxVersionOf('Fetch'), 17);
        return fetchRecordSets(admin, leader, positions, limits, fetchVersion);
      }),
    produce: (topic, records, compression) =>
      call('Produce', async () => {
        const plain = () => {
          producer ??= failingOver(new Producer({ ...toClientOptions(connection), idempotent: false }));
          return producer;
        };
        if (plainOnly.has(topic)) return produceRecords(plain(), topic, records, compression);
        idempotentProducer ??= failingOver(
          new Producer({
            ...toClientOptions(connection),
            idempotent: true,
            retries: LEADER_RETRY.attempts,
            // The library re-reads Metadata between retries only after network errors; with cached
            // Metadata older than this, a retry after NOT_LEADER_OR_FOLLOWER finds the new leader.
            metadataMaxAge: 50,
            retryDelay: (_client, _operation, attempt) => backoffDelay(attempt, LEADER_RETRY),
          }),
        );
        try {
          return await produceIdempotently(idempotentProducer, topic, records, compression);
        } catch (error) {
          if (!(error instanceof IdempotenceRefusedError)) throw error;
          plainOnly.add(topic);
          const rest = records.filter((r) => !error.written.has(r.partition));
          const done = [...error.written].map(([partition, baseOffset]) => ({
            partition,
            baseOffset,
            count: records.filter((r) => r.partition === partition).length,
          }));
          const more = rest.length > 0 ? await produceRecords(plain(), topic, rest, compression) : [];
          return [...done, ...more].sort((a, b) => a.partition - b.partition);
        }
      }),
    close: async () => {
      await producer?.close().catch(() => undefined);
      await idempotentProducer?.close().catch(() => undefined);
      await admin.close().catch(() => undefined);
    },
  };
}
