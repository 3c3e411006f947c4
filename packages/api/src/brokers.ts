import { type Static, Type } from '@sinclair/typebox';
import { ConfigEntryView, Freshness, Total } from './common.ts';
import { Literals, Nullable } from './schema-kit.ts';

/** Brokers: the list, one broker's configs and log dirs, and the KRaft quorum. */

export const QuorumReplica = Type.Object({
  nodeId: Type.Integer(),
  logEndOffset: Type.Integer(),
  lag: Type.Integer({ description: "Records behind the leader's log end offset" }),
  lastCaughtUpTimestamp: Nullable(Type.Integer()),
});
export type QuorumReplica = Static<typeof QuorumReplica>;

/** The KRaft metadata quorum (DescribeQuorum); absent with ZooKeeper. */
export const Quorum = Type.Object({
  leaderId: Type.Integer(),
  leaderEpoch: Type.Integer(),
  highWatermark: Type.Integer(),
  voters: Type.Array(QuorumReplica),
  observers: Type.Array(QuorumReplica),
});
export type Quorum = Static<typeof Quorum>;

export const BrokerLogDirSummary = Type.Object({
  path: Type.String(),
  totalBytes: Nullable(Type.Integer()),
  usableBytes: Nullable(Type.Integer()),
  sizeBytes: Type.Integer(),
});
export type BrokerLogDirSummary = Static<typeof BrokerLogDirSummary>;

export const BrokerSummary = Type.Object({
  nodeId: Type.Integer(),
  host: Type.String(),
  port: Type.Integer(),
  rack: Nullable(Type.String()),
  controller: Type.Boolean(),
  leaders: Type.Integer(),
  replicas: Type.Integer(),
  leaderSkewPercent: Nullable(Type.Number(), {
    description:
      "How far this broker's leader count is from an even share, in percent (positive: more than its share)",
  }),
  logDirs: Nullable(Type.Array(BrokerLogDirSummary), {
    description: "Null when the broker's log dirs could not be read (logDirsError says why)",
  }),
  logDirsError: Nullable(Type.String()),
  sizeBytes: Total,
});
export type BrokerSummary = Static<typeof BrokerSummary>;

export const BrokerList = Type.Object({ freshness: Freshness, brokers: Type.Array(BrokerSummary) });
export type BrokerList = Static<typeof BrokerList>;

export const LogDirReplica = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  sizeBytes: Type.Integer(),
  offsetLag: Type.Integer(),
  future: Type.Boolean(),
});
export type LogDirReplica = Static<typeof LogDirReplica>;

export const BrokerLogDir = Type.Object({
  path: Type.String(),
  totalBytes: Nullable(Type.Integer()),
  usableBytes: Nullable(Type.Integer()),
  errorCode: Type.Integer(),
  replicas: Type.Array(LogDirReplica),
});
export type BrokerLogDir = Static<typeof BrokerLogDir>;

export const KRAFT_PROCESS_ROLES = ['broker', 'both'] as const;

/** What a broker is besides a broker: a KRaft controller too, the active controller. */
export const BrokerRole = Type.Object(
  {
    mode: Literals(['kraft', 'zookeeper'] as const),
    processRoles: Nullable(Literals(KRAFT_PROCESS_ROLES), {
      description:
        'KRaft: `both` when the node is also a quorum voter (a controller in the same process), `broker` when it is not; null with ZooKeeper, or when the quorum could not be read (reason says why)',
    }),
    activeController: Type.Boolean({
      description:
        'The active controller: the quorum leader in KRaft, the Metadata controller with ZooKeeper',
    }),
    reason: Nullable(Type.String({ description: 'Why processRoles is unknown' })),
  },
  { additionalProperties: false },
);
export type BrokerRole = Static<typeof BrokerRole>;

export const BrokerDetail = Type.Object({
  freshness: Freshness,
  broker: BrokerSummary,
  role: BrokerRole,
  leaders: Total,
  replicas: Total,
  configs: Nullable(Type.Array(ConfigEntryView), {
    description: 'Read live from the broker itself; null when it did not answer (configsError says why)',
  }),
  configsError: Nullable(Type.String()),
  logDirs: Nullable(Type.Array(BrokerLogDir), {
    description: "Null when the broker's log dirs could not be read",
  }),
});
export type BrokerDetail = Static<typeof BrokerDetail>;
