import { type Static, Type } from '@sinclair/typebox';
import { Freshness, GroupParams, Refresh, Total } from './common.ts';
import { Nullable, type StaticInput } from './schema-kit.ts';

/** Consumer groups: the list, one group with members and lag, offset resets and deletes. */

export const GroupsQuery = Type.Object(
  { search: Type.Optional(Type.String({ maxLength: 255 })), refresh: Refresh },
  { additionalProperties: false },
);
export type GroupsQuery = StaticInput<typeof GroupsQuery>;

export const GroupSummary = Type.Object({
  groupId: Type.String(),
  state: Type.String(),
  protocolType: Type.String(),
  groupType: Nullable(Type.String()),
  topics: Type.Array(Type.String(), {
    description: 'Topics the group has committed offsets for or its members are assigned',
  }),
  partitions: Type.Integer({ description: 'Partitions known to the group: committed or assigned' }),
  totalLag: Total,
  error: Nullable(Type.String(), {
    description: "Why the group's offsets or members could not be read (naming the broker)",
  }),
});
export type GroupSummary = Static<typeof GroupSummary>;

/** The group list, and whether every broker answered ListGroups (parts: brokers). */
export const GroupList = Type.Object({
  freshness: Freshness,
  groups: Type.Array(GroupSummary),
  listing: Total,
});
export type GroupList = Static<typeof GroupList>;

const partitionLagFields = {
  topic: Type.String(),
  partition: Type.Integer(),
  committedOffset: Nullable(Type.Integer(), {
    description: 'Null when the group never committed on this partition, or it could not be read',
  }),
  endOffset: Nullable(Type.Integer(), { description: 'Null when the end offset is unknown' }),
  lag: Nullable(Type.Integer(), {
    description: 'End offset minus committed offset, never below 0; null when either is unknown',
  }),
  lagUnknownReason: Nullable(Type.String()),
};

/** A partition the group has committed an offset for, or that one of its members is assigned. */
export const PartitionLag = Type.Object(partitionLagFields);
export type PartitionLag = Static<typeof PartitionLag>;

export const GroupMember = Type.Object({
  memberId: Type.String(),
  groupInstanceId: Nullable(Type.String()),
  clientId: Type.String(),
  host: Type.String(),
  assignment: Type.Array(Type.Object({ topic: Type.String(), partition: Type.Integer() })),
});
export type GroupMember = Static<typeof GroupMember>;

export const GroupDetail = Type.Object({
  freshness: Freshness,
  group: Type.Composite([
    GroupSummary,
    Type.Object({
      protocol: Nullable(Type.String()),
      members: Type.Array(GroupMember),
      describeError: Nullable(Type.String(), { description: 'Why the members could not be read' }),
    }),
  ]),
  partitions: Type.Array(Type.Object({ ...partitionLagFields, memberId: Nullable(Type.String()) })),
});
export type GroupDetail = Static<typeof GroupDetail>;

/** Where to move a group's committed offsets, as kafka-consumer-groups --reset-offsets offers. */
export const ResetTo = Type.Union([
  Type.Object({ type: Type.Literal('earliest') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('latest') }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('timestamp'),
      timestamp: Type.Integer({ minimum: 0, description: 'Epoch milliseconds' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('offset'), offset: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('shift'),
      by: Type.Integer({ description: 'Negative moves back, positive forward' }),
    },
    { additionalProperties: false },
  ),
]);
export type ResetTo = Static<typeof ResetTo>;

export const ResetScope = Type.Array(
  Type.Object(
    {
      topic: Type.String({ minLength: 1 }),
      partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
    },
    { additionalProperties: false },
  ),
  { description: 'Topics to reset; every topic the group has offsets for when omitted' },
);
export type ResetScope = Static<typeof ResetScope>;

export const OffsetResetPreview = Type.Object(
  { to: ResetTo, topics: Type.Optional(ResetScope) },
  { additionalProperties: false },
);
export type OffsetResetPreview = Static<typeof OffsetResetPreview>;

export const OffsetReset = Type.Object(
  {
    to: ResetTo,
    topics: Type.Optional(ResetScope),
    confirmName: Type.String({ description: "The group's exact name" }),
  },
  { additionalProperties: false },
);
export type OffsetReset = Static<typeof OffsetReset>;

export const ResetRow = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  current: Nullable(Type.Integer()),
  target: Type.Integer(),
  start: Type.Integer(),
  end: Type.Integer(),
  lagBefore: Nullable(Type.Integer()),
  lagAfter: Type.Integer(),
});
export type ResetRow = Static<typeof ResetRow>;

export const ResetPlan = Type.Object({
  groupId: Type.String(),
  state: Type.String(),
  activeMembers: Type.Integer(),
  blockedBy: Nullable(Type.String(), { description: 'Why applying would be refused now, or null' }),
  partitions: Type.Array(ResetRow),
});
export type ResetPlan = Static<typeof ResetPlan>;

/** Deleting a group or its offsets repeats the group id, as deleting a topic repeats its name. */
export const GroupDeletion = Type.Object(
  { confirmName: Type.String({ description: "The group's exact id, to confirm" }) },
  { additionalProperties: false },
);
export type GroupDeletion = Static<typeof GroupDeletion>;

export const GroupOffsetsParams = Type.Object({
  ...GroupParams.properties,
  topic: Type.String({ minLength: 1, maxLength: 249 }),
});
export type GroupOffsetsParams = Static<typeof GroupOffsetsParams>;

export const OffsetsDeleted = Type.Object({
  partitions: Type.Array(Type.Integer(), { description: 'The partitions whose offsets were deleted' }),
});
export type OffsetsDeleted = Static<typeof OffsetsDeleted>;
