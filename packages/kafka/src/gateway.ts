import { Admin } from '@platformatic/kafka';
import { type ConfigEntry, describeConfigs } from './configs.ts';
import { type ClusterConnection, DEFAULT_REQUEST_TIMEOUT_MS, toClientOptions } from './connection.ts';
import { KafkaGatewayError, toGatewayError } from './errors.ts';
import {
  type CommittedOffset,
  committedOffsets,
  describeConsumerProtocolGroups,
  describeGroups,
  type GroupDescription,
  type GroupListing,
  listGroups,
} from './groups.ts';
import { type BrokerLogDirs, describeAllLogDirs } from './log-dirs.ts';
import { type MetadataSnapshot, readMetadata } from './metadata.ts';
import { type LedPartition, listStartAndEndOffsets, type OffsetsResult } from './offsets.ts';
import { describeQuorum, type QuorumDescription } from './quorum.ts';
import {
  type AclListing,
  type ClientQuota,
  describeAcls,
  describeClientQuotas,
  describeScramUsers,
  type ScramUser,
} from './security.ts';

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
  describeCluster(): Promise<ClusterDescription>;
  /** Every topic with its partitions, or just the named ones; never creates a topic. */
  metadata(topics?: string[]): Promise<MetadataSnapshot>;
  /** KRaft only: the metadata quorum. */
  describeQuorum(): Promise<QuorumDescription>;
  /** Start and end offsets, from each partition's leader as given. */
  listOffsets(partitions: LedPartition[]): Promise<OffsetsResult>;
  describeLogDirs(): Promise<BrokerLogDirs[]>;
  describeConfigs(resource: { type: 'topic' | 'broker'; name: string }): Promise<ConfigEntry[]>;
  listGroups(): Promise<GroupListing[]>;
  describeGroups(groupIds: string[]): Promise<GroupDescription[]>;
  /** New-protocol (KIP-848) groups, which DescribeGroups does not describe. */
  describeConsumerProtocolGroups(groupIds: string[]): Promise<GroupDescription[]>;
  committedOffsets(groupIds: string[]): Promise<Map<string, CommittedOffset[]>>;
  describeScramUsers(): Promise<ScramUser[]>;
  describeAcls(): Promise<AclListing>;
  describeClientQuotas(): Promise<ClientQuota[]>;
  close(): Promise<void>;
}

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
  const deadline =
    (connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) + (connection.connectTimeoutMs ?? 5000);
  const where = connection.bootstrapServers.join(', ');
  const call = async <T>(api: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(work(), deadline, api, where);
    } catch (error) {
      throw toGatewayError(error, {
        api,
        bootstrap: connection.bootstrapServers,
        username: connection.sasl?.username,
        mechanism: connection.sasl?.mechanism,
      });
    }
  };

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
    listOffsets: (partitions) => call('ListOffsets', () => listStartAndEndOffsets(admin, partitions)),
    describeLogDirs: () => call('DescribeLogDirs', () => describeAllLogDirs(admin)),
    describeConfigs: (resource) => call('DescribeConfigs', () => describeConfigs(admin, resource)),
    listGroups: () => call('ListGroups', () => listGroups(admin)),
    describeGroups: (groupIds) => call('DescribeGroups', () => describeGroups(admin, groupIds)),
    describeConsumerProtocolGroups: (groupIds) =>
      call('ConsumerGroupDescribe', () => describeConsumerProtocolGroups(admin, groupIds)),
    committedOffsets: (groupIds) => call('OffsetFetch', () => committedOffsets(admin, groupIds)),
    describeScramUsers: () => call('DescribeUserScramCredentials', () => describeScramUsers(admin)),
    describeAcls: () => call('DescribeAcls', () => describeAcls(admin)),
    describeClientQuotas: () => call('DescribeClientQuotas', () => describeClientQuotas(admin)),
    close: async () => {
      await admin.close().catch(() => undefined);
    },
  };
}
