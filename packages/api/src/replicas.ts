import { type Static, Type } from '@sinclair/typebox';
import { Defaulted, Literals, Nullable, type StaticInput } from './schema-kit.ts';

/** Replicas: reassignment plans and jobs, replication factor changes, leader elections, throttles. */

const BrokerId = Type.Integer({ minimum: 0 });

export const ReassignmentPlanRequest = Type.Object(
  {
    topics: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 10_000 }),
    brokers: Type.Optional(
      Type.Array(BrokerId, { description: 'Spread over these; all live brokers when omitted' }),
    ),
    replicationFactor: Type.Optional(Type.Integer({ minimum: 1, maximum: 32 })),
  },
  { additionalProperties: false },
);
export type ReassignmentPlanRequest = Static<typeof ReassignmentPlanRequest>;

export const PlannedMove = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  from: Type.Array(BrokerId),
  to: Type.Array(BrokerId),
});
export type PlannedMove = Static<typeof PlannedMove>;

export const BrokerLoad = Type.Object({
  nodeId: Type.Integer(),
  replicasBefore: Type.Integer(),
  replicasAfter: Type.Integer(),
  leadersBefore: Type.Integer(),
  leadersAfter: Type.Integer(),
});
export type BrokerLoad = Static<typeof BrokerLoad>;

export const ReassignmentPlan = Type.Object({
  moves: Type.Array(PlannedMove),
  brokers: Type.Array(BrokerLoad),
  replicasToCopy: Type.Integer({ description: 'Replicas that would be copied to a new broker' }),
});
export type ReassignmentPlan = Static<typeof ReassignmentPlan>;

const Throttle = Type.Optional(
  Type.Integer({
    minimum: 1024,
    description: 'Replication throttle in bytes/s while the moves run; removed afterwards',
  }),
);

/** `POST /clusters/{id}/reassignments`: the moves to make, as a job. */
export const ReassignmentRequest = Type.Object(
  {
    moves: Type.Array(
      Type.Object(
        {
          topic: Type.String({ minLength: 1 }),
          partition: Type.Integer({ minimum: 0 }),
          replicas: Type.Array(BrokerId, { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    throttleBytesPerSecond: Throttle,
  },
  { additionalProperties: false },
);
export type ReassignmentRequest = Static<typeof ReassignmentRequest>;

export const ReplicationFactorChange = Type.Object(
  { replicationFactor: Type.Integer({ minimum: 1, maximum: 32 }), throttleBytesPerSecond: Throttle },
  { additionalProperties: false },
);
export type ReplicationFactorChange = Static<typeof ReplicationFactorChange>;

export const ELECTION_TYPES = ['preferred', 'unclean'] as const;
export type ElectionType = (typeof ELECTION_TYPES)[number];

export const ElectionRequest = Type.Object(
  {
    type: Defaulted(Literals(ELECTION_TYPES), 'preferred'),
    partitions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            topic: Type.String({ minLength: 1 }),
            partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    acceptDataLoss: Type.Optional(Type.Boolean({ description: 'Required for unclean elections' })),
  },
  { additionalProperties: false },
);
export type ElectionRequest = StaticInput<typeof ElectionRequest>;
export type ResolvedElection = Static<typeof ElectionRequest>;

export const ElectionOutcome = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  error: Nullable(Type.String(), {
    description:
      "Null when the election happened or the preferred leader already leads; otherwise Kafka's reason",
  }),
  alreadyLed: Type.Boolean(),
});
export type ElectionOutcome = Static<typeof ElectionOutcome>;
export const ElectionResults = Type.Object({ results: Type.Array(ElectionOutcome) });
export type ElectionResults = Static<typeof ElectionResults>;

/** Settings a throttled reassignment writes, as kafka-reassign-partitions does, and removes afterwards. */
export const ThrottleSettings = Type.Object({
  topics: Type.Array(Type.Object({ topic: Type.String(), leader: Type.String(), follower: Type.String() }), {
    description:
      'Per topic: which replicas send (current ones) and which receive (new ones) under the throttle',
  }),
  brokers: Type.Array(Type.Integer(), { description: 'Brokers taking part, each given the byte rate' }),
  bytesPerSecond: Type.Integer(),
});
export type ThrottleSettings = Static<typeof ThrottleSettings>;

/** A `reassignment` job's spec. */
export const ReassignmentSpec = Type.Object({
  moves: Type.Array(PlannedMove),
  throttle: Nullable(ThrottleSettings, { description: 'Null when the reassignment runs unthrottled' }),
  purpose: Type.String({
    description: 'What the job was started for, e.g. "rebalance" or "replication-factor"',
  }),
});
export type ReassignmentSpec = Static<typeof ReassignmentSpec>;

export const PARTITION_MOVE_STATES = ['pending', 'moving', 'done', 'failed', 'cancelled'] as const;
export type PartitionMoveState = (typeof PARTITION_MOVE_STATES)[number];

/** A `reassignment` job's progress. */
export const ReassignmentProgress = Type.Object({
  phase: Literals(['throttle', 'submit', 'wait', 'elect', 'cleanup', 'finished'] as const),
  partitions: Type.Array(
    Type.Object({
      topic: Type.String(),
      partition: Type.Integer(),
      state: Literals(PARTITION_MOVE_STATES),
      adding: Type.Array(Type.Integer()),
      removing: Type.Array(Type.Integer()),
      error: Nullable(Type.String()),
      settling: Type.Optional(
        Type.Integer({
          description:
            'Polls since the controller stopped listing the move while metadata still showed other replicas',
        }),
      ),
    }),
  ),
  throttleRemoved: Type.Boolean(),
});
export type ReassignmentProgress = Static<typeof ReassignmentProgress>;
