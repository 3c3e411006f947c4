import { type Static, Type } from '@sinclair/typebox';
import { Quorum } from './brokers.ts';
import {
  Freshness,
  Id,
  noControlCharacters,
  RULE_KEYWORD,
  SaslMechanism,
  SECURITY_PROTOCOLS,
  SecurityProtocol,
  Total,
} from './common.ts';
import { Defaulted, Literals, Nullable, type StaticInput } from './schema-kit.ts';

/** The cluster registry, the connection test, a cluster's overview and its ZooKeeper servers. */

const httpUrl = {
  pattern: '^https?://',
  [RULE_KEYWORD]: 'use an http:// or https:// URL, e.g. http://connect1:8083',
};

export const SaslInput = Type.Object(
  {
    mechanism: SaslMechanism,
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'Write-only' })),
    token: Type.Optional(
      Type.String({ minLength: 1, maxLength: 16384, description: 'OAUTHBEARER token; write-only' }),
    ),
  },
  { additionalProperties: false },
);
export type SaslInput = Static<typeof SaslInput>;

const Pem = (description: string) => Type.String({ minLength: 1, maxLength: 65536, description });

export const TlsInput = Type.Object(
  {
    ca: Type.Optional(Pem('CA certificate(s), PEM')),
    cert: Type.Optional(Pem('Client certificate, PEM')),
    key: Type.Optional(Pem('Client private key, PEM; write-only')),
    verifyHostname: Defaulted(Type.Boolean(), true),
  },
  { additionalProperties: false },
);
export type TlsInput = StaticInput<typeof TlsInput>;

export const MetricsEndpoint = Type.Object(
  {
    type: Literals(['prometheus', 'jolokia'] as const),
    url: Type.String({ format: 'uri', ...httpUrl, maxLength: 2048 }),
    brokerId: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type MetricsEndpoint = Static<typeof MetricsEndpoint>;

export const SchemaRegistryInput = Type.Object(
  {
    url: Type.String({ format: 'uri', ...httpUrl, maxLength: 2048 }),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'HTTP basic auth' })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'Write-only' })),
    token: Type.Optional(
      Type.String({ minLength: 1, maxLength: 16384, description: 'Bearer token; write-only' }),
    ),
    ca: Type.Optional(Pem('CA certificate(s) for https, PEM')),
  },
  {
    additionalProperties: false,
    description: 'A Confluent-compatible schema registry, for records in the Confluent wire format',
  },
);
export type SchemaRegistryInput = Static<typeof SchemaRegistryInput>;

const clusterInputFields = {
  name: Type.String({ minLength: 1, maxLength: 100, ...noControlCharacters }),
  description: Defaulted(Type.String({ maxLength: 2000 }), ''),
  tags: Defaulted(
    Type.Array(Type.String({ minLength: 1, maxLength: 50, ...noControlCharacters }), {
      maxItems: 20,
      uniqueItems: true,
    }),
    [],
  ),
  // Checked in full by the server's broker-address.ts, which says what is wrong with each address.
  bootstrapServers: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
    minItems: 1,
    maxItems: 50,
    description: 'host:port of one or more brokers; IPv6 in brackets, e.g. [::1]:9092',
  }),
  securityProtocol: Defaulted(Literals(SECURITY_PROTOCOLS), 'PLAINTEXT'),
  sasl: Type.Optional(SaslInput),
  tls: Type.Optional(TlsInput),
  zookeeperConnect: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 1000,
      description: 'host[:port][,host[:port]…][/chroot], e.g. zk1:2181,zk2:2181/kafka',
    }),
  ),
  metricsEndpoints: Defaulted(Type.Array(MetricsEndpoint, { maxItems: 500 }), []),
  connectUrls: Defaulted(
    Type.Array(Type.String({ format: 'uri', ...httpUrl, maxLength: 2048 }), { maxItems: 20 }),
    [],
  ),
  schemaRegistry: Type.Optional(SchemaRegistryInput),
};

/** What a user submits to add or replace a cluster. Secrets left out on update keep their stored value. */
export const ClusterInput = Type.Object(clusterInputFields, { additionalProperties: false });
export type ClusterInput = StaticInput<typeof ClusterInput>;
/** A cluster input after validation filled in its defaults, as the server's handlers see it. */
export type ResolvedClusterInput = Static<typeof ClusterInput>;

/** `POST /clusters/test`: settings to test; with `clusterId`, stored secrets fill those left out. */
export const ConnectionTestInput = Type.Object(
  { ...clusterInputFields, clusterId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type ConnectionTestInput = StaticInput<typeof ConnectionTestInput>;

/** `DELETE /clusters/{id}`: Weir forgets the cluster (Kafka is untouched) once its name is repeated. */
export const ClusterRemoval = Type.Object(
  { confirmName: Type.String({ description: "The cluster's exact name, to confirm" }) },
  { additionalProperties: false },
);
export type ClusterRemoval = Static<typeof ClusterRemoval>;

/** A cluster as the API returns it: never a secret, only whether one is stored. */
export const ClusterView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  tags: Type.Array(Type.String()),
  bootstrapServers: Type.Array(Type.String()),
  securityProtocol: SecurityProtocol,
  sasl: Type.Optional(
    Type.Object({
      mechanism: SaslMechanism,
      username: Type.Optional(Type.String()),
      hasPassword: Type.Boolean(),
      hasToken: Type.Boolean(),
    }),
  ),
  tls: Type.Optional(
    Type.Object({
      ca: Type.Optional(Type.String()),
      cert: Type.Optional(Type.String()),
      hasKey: Type.Boolean(),
      verifyHostname: Type.Boolean(),
    }),
  ),
  zookeeperConnect: Type.Optional(Type.String()),
  metricsEndpoints: Type.Array(MetricsEndpoint),
  connectUrls: Type.Array(Type.String()),
  schemaRegistry: Type.Optional(
    Type.Object({
      url: Type.String(),
      username: Type.Optional(Type.String()),
      hasPassword: Type.Boolean(),
      hasToken: Type.Boolean(),
      ca: Type.Optional(Type.String()),
    }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ClusterView = Static<typeof ClusterView>;

export const ClusterList = Type.Object({ clusters: Type.Array(ClusterView) });
export type ClusterList = Static<typeof ClusterList>;
export const ClusterReply = Type.Object({ cluster: ClusterView });
export type ClusterReply = Static<typeof ClusterReply>;

export const CLUSTER_MODES = ['kraft', 'zookeeper'] as const;
export const ClusterMode = Literals(CLUSTER_MODES);
export type ClusterMode = Static<typeof ClusterMode>;

/**
 * The Kafka release line (patches are never told apart). `certainty`: exact, a range, or at-least
 * (a floor past which Weir knows no release); `evidence` lists what the answer rests on.
 */
export const KafkaVersion = Type.Object({
  label: Type.String(),
  minimum: Type.String(),
  maximum: Nullable(Type.String()),
  exact: Type.Boolean(),
  certainty: Literals(['exact', 'range', 'at-least'] as const),
  evidence: Type.Array(Type.String()),
});
export type KafkaVersion = Static<typeof KafkaVersion>;

export const AddressCheck = Type.Object({
  address: Type.String(),
  reachable: Type.Boolean(),
  latencyMs: Nullable(Type.Number()),
  error: Nullable(Type.String()),
});
export type AddressCheck = Static<typeof AddressCheck>;

export const CONNECTION_STEPS = ['reachability', 'authentication', 'metadata', 'zookeeper'] as const;

/** The connection test's answer, run on its own or before a cluster is saved. */
export const ConnectionReport = Type.Object(
  {
    ok: Type.Boolean(),
    addresses: Type.Array(AddressCheck),
    authentication: Nullable(
      Type.Object({ mechanism: Type.String(), username: Nullable(Type.String()), ok: Type.Boolean() }),
      { description: 'Null when the cluster does not use SASL' },
    ),
    cluster: Nullable(
      Type.Object({
        clusterId: Type.String(),
        brokers: Type.Array(
          Type.Object({
            nodeId: Type.Integer(),
            host: Type.String(),
            port: Type.Integer(),
            rack: Nullable(Type.String()),
          }),
        ),
        controllerId: Type.Integer({
          description:
            'The active controller: the quorum leader in KRaft, the Metadata controller with ZooKeeper',
        }),
        mode: ClusterMode,
        version: KafkaVersion,
      }),
    ),
    problems: Type.Array(Type.Object({ step: Literals(CONNECTION_STEPS), message: Type.String() }), {
      description: 'What failed, in order, each with what to do about it',
    }),
  },
  {
    description:
      'Each step of the connection test: reachability per address, authentication, cluster, mode, version',
  },
);
export type ConnectionReport = Static<typeof ConnectionReport>;

/** A saved cluster with the connection test it passed. */
export const SavedCluster = Type.Object({ cluster: ClusterView, connection: ConnectionReport });
export type SavedCluster = Static<typeof SavedCluster>;

export const ClusterOverview = Type.Object({
  clusterId: Nullable(Type.String()),
  mode: ClusterMode,
  version: KafkaVersion,
  brokers: Type.Object({ alive: Type.Integer() }),
  controllerId: Nullable(Type.Integer(), {
    description: "The active controller: quorum leader in KRaft, Metadata's controller with ZooKeeper",
  }),
  quorum: Nullable(Quorum),
  topics: Type.Integer(),
  internalTopics: Type.Integer({ description: 'Topics Kafka’s Metadata marks internal (is_internal)' }),
  partitions: Type.Integer(),
  replicas: Type.Integer(),
  underReplicatedPartitions: Type.Integer(),
  underMinIsrPartitions: Total,
  offlinePartitions: Type.Integer(),
  leaderlessPartitions: Type.Integer(),
  groupsByState: Nullable(Type.Record(Type.String(), Type.Integer()), {
    description: 'Groups by state among those listed; null when no broker answered ListGroups',
  }),
  groups: Total,
  aclCount: Nullable(Type.Integer(), {
    description: 'Null when the cluster has no authorizer or ACLs could not be read',
  }),
});
export type ClusterOverview = Static<typeof ClusterOverview>;

export const OverviewReply = Type.Object({ freshness: Freshness, overview: ClusterOverview });
export type OverviewReply = Static<typeof OverviewReply>;

/** One ZooKeeper server as its `srvr` command describes it. */
export const ZooKeeperServerStatus = Type.Object({
  address: Type.String(),
  reachable: Type.Boolean(),
  mode: Nullable(Type.String({ description: 'standalone, leader or follower (observer too)' })),
  version: Nullable(Type.String()),
  latencyMs: Nullable(Type.Object({ min: Type.Number(), avg: Type.Number(), max: Type.Number() })),
  connections: Nullable(Type.Integer()),
  outstanding: Nullable(Type.Integer()),
  nodeCount: Nullable(Type.Integer()),
  zxid: Nullable(Type.String()),
  error: Nullable(Type.String()),
});
export type ZooKeeperServerStatus = Static<typeof ZooKeeperServerStatus>;

export const ZooKeeperPanel = Type.Object({
  connect: Nullable(Type.String(), {
    description: "The cluster's ZooKeeper connect string, when one was given at onboarding",
  }),
  servers: Type.Array(ZooKeeperServerStatus),
});
export type ZooKeeperPanel = Static<typeof ZooKeeperPanel>;
