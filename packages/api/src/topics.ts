import { type Static, Type } from '@sinclair/typebox';
import { ConfigEntryView, Freshness, MAX_TOPIC_NAME_LENGTH, Refresh, Total } from './common.ts';
import { JobDetailView } from './jobs.ts';
import { Defaulted, Literals, Nullable, NullableLiterals, type StaticInput } from './schema-kit.ts';

/** Topics: the list, one topic, presets, changes (create, delete, partitions, truncate, clone), counts. */

export const TOPIC_SORTS = ['name', 'partitions', 'size', 'underReplicated', 'messages'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

export const TopicsQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 249 })),
    internal: Defaulted(
      Type.Boolean({
        description:
          "Include the topics Kafka's Metadata marks internal (__consumer_offsets, __transaction_state); other system topics are always listed, labelled by `system`",
      }),
      false,
    ),
    sort: Defaulted(Literals(TOPIC_SORTS), 'name'),
    order: Defaulted(Literals(['asc', 'desc'] as const), 'asc'),
    page: Defaulted(Type.Integer({ minimum: 1 }), 1),
    pageSize: Defaulted(Type.Integer({ minimum: 1, maximum: 500 }), 50),
    refresh: Refresh,
  },
  { additionalProperties: false },
);
export type TopicsQuery = StaticInput<typeof TopicsQuery>;
export type ResolvedTopicsQuery = Static<typeof TopicsQuery>;

export const SYSTEM_TOPIC_OWNERS = ['kafka', 'connect', 'mirrormaker2', 'schema-registry'] as const;
/** Who a well-known system topic belongs to, by Kafka's and its ecosystem's default names. */
export type SystemTopicOwner = (typeof SYSTEM_TOPIC_OWNERS)[number];

export const TopicSummary = Type.Object({
  name: Type.String(),
  internal: Type.Boolean({ description: "Kafka's Metadata is_internal flag" }),
  system: NullableLiterals(SYSTEM_TOPIC_OWNERS, {
    description: 'Owner of a well-known system topic, by its default name',
  }),
  partitions: Type.Integer(),
  replicationFactor: Type.Integer(),
  sizeBytes: Total,
  messages: Total,
  messagesEstimated: Type.Literal(true, {
    description:
      '`messages` is an estimate: the sum of end − start offsets. Compaction, transaction markers and aborted transactions make it larger than the number of records; POST …/topics/{name}/message-count counts exactly.',
  }),
  underReplicated: Type.Integer(),
  offline: Type.Integer(),
});
export type TopicSummary = Static<typeof TopicSummary>;

export const TopicPage = Type.Object({
  freshness: Freshness,
  total: Type.Integer({ description: 'Topics matching the query, across all pages' }),
  items: Type.Array(TopicSummary),
});
export type TopicPage = Static<typeof TopicPage>;

export const TopicPartitionView = Type.Object({
  partition: Type.Integer(),
  leader: Nullable(Type.Integer(), { description: 'Null when the partition has no leader (offline)' }),
  replicas: Type.Array(Type.Integer()),
  isr: Type.Array(Type.Integer()),
  offlineReplicas: Type.Array(Type.Integer()),
  offline: Type.Boolean(),
  underReplicated: Type.Boolean(),
  startOffset: Nullable(Type.Integer()),
  endOffset: Nullable(Type.Integer()),
  offsetsUnknownReason: Nullable(Type.String()),
  replicaSizes: Type.Array(
    Type.Object({
      broker: Type.Integer(),
      sizeBytes: Nullable(Type.Integer()),
      unknownReason: Nullable(Type.String()),
    }),
  ),
});
export type TopicPartitionView = Static<typeof TopicPartitionView>;

export const TopicDetail = Type.Object({
  freshness: Freshness,
  topic: Type.Composite([
    TopicSummary,
    Type.Object({
      topicId: Nullable(Type.String(), { description: 'Null on clusters older than 2.8 (no topic ids)' }),
    }),
  ]),
  partitions: Type.Array(TopicPartitionView),
  configs: Nullable(Type.Array(ConfigEntryView), {
    description: 'Null when they could not be read; configsError then says why',
  }),
  configsError: Nullable(Type.String()),
  consumerGroups: Type.Array(Type.Object({ groupId: Type.String(), state: Type.String(), lag: Total }), {
    description:
      "Groups with committed offsets on this topic or members assigned to it; lag over this topic's partitions",
  }),
});
export type TopicDetail = Static<typeof TopicDetail>;

/** A config set offered when creating a topic. */
export const TopicPreset = Type.Object({
  id: Type.String(),
  label: Type.String(),
  description: Type.Optional(Type.String()),
  configs: Type.Record(Type.String(), Type.String()),
  plugin: Type.String({ description: 'The plugin contributing it' }),
});
export type TopicPreset = Static<typeof TopicPreset>;
export const TopicPresets = Type.Object({ presets: Type.Array(TopicPreset) });
export type TopicPresets = Static<typeof TopicPresets>;

/** `POST /clusters/{id}/topics`. The name's length is checked by the service, which says why. */
export const NewTopic = Type.Object(
  {
    name: Type.String({
      maxLength: MAX_TOPIC_NAME_LENGTH + 1,
      description: 'Letters, digits, ".", "_", "-"',
    }),
    partitions: Type.Integer({ minimum: 1, maximum: 100_000 }),
    replicationFactor: Type.Integer({ minimum: 1, maximum: 32 }),
    configs: Defaulted(Type.Record(Type.String(), Type.String()), {}),
    validateOnly: Defaulted(
      Type.Boolean({ description: 'Only ask the controller whether it would accept it' }),
      false,
    ),
  },
  { additionalProperties: false },
);
export type NewTopic = StaticInput<typeof NewTopic>;
export type ResolvedNewTopic = Static<typeof NewTopic>;

export const CreatedTopic = Type.Object({
  name: Type.String(),
  partitions: Type.Integer(),
  replicationFactor: Type.Integer(),
  validateOnly: Type.Boolean(),
  warnings: Type.Array(Type.String(), { description: "Kafka's topic tool's warnings about the name" }),
});
export type CreatedTopic = Static<typeof CreatedTopic>;

export const TopicDeletion = Type.Object(
  { confirmName: Type.String({ description: "The topic's exact name, to confirm" }) },
  { additionalProperties: false },
);
export type TopicDeletion = Static<typeof TopicDeletion>;

export const AddPartitions = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 100_000, description: 'The new total number of partitions' }),
    validateOnly: Defaulted(Type.Boolean(), false),
  },
  { additionalProperties: false },
);
export type AddPartitions = StaticInput<typeof AddPartitions>;

export const PartitionsAdded = Type.Object({
  before: Type.Integer(),
  after: Type.Integer(),
  warning: Type.String(),
  validateOnly: Type.Boolean(),
});
export type PartitionsAdded = Static<typeof PartitionsAdded>;

export const TruncateTarget = Type.Union([
  Type.Object({ type: Type.Literal('end') }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('offset'), offset: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('timestamp'),
      timestamp: Type.Integer({ minimum: 0, description: 'Epoch milliseconds' }),
    },
    { additionalProperties: false },
  ),
]);
export type TruncateTarget = Static<typeof TruncateTarget>;

const truncateFields = {
  target: TruncateTarget,
  partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
};
export const TruncatePreview = Type.Object(truncateFields, { additionalProperties: false });
export type TruncatePreview = Static<typeof TruncatePreview>;
export const Truncate = Type.Object(
  { ...truncateFields, confirmName: Type.String({ description: "The topic's exact name, to confirm" }) },
  { additionalProperties: false },
);
export type Truncate = Static<typeof Truncate>;

export const TruncationRow = Type.Object({
  partition: Type.Integer(),
  start: Type.Integer(),
  end: Type.Integer(),
  newStart: Type.Integer({ description: 'Where the log starts after truncating' }),
  deleted: Type.Integer(),
});
export type TruncationRow = Static<typeof TruncationRow>;

export const TruncationPlan = Type.Object({ partitions: Type.Array(TruncationRow) });
export type TruncationPlan = Static<typeof TruncationPlan>;

export const TruncationResult = Type.Object({
  partitions: Type.Array(TruncationRow),
  applied: Type.Array(
    Type.Object({ partition: Type.Integer(), start: Type.Integer() }, { description: 'The new log start' }),
    { description: 'What DeleteRecords answered per partition it moved; empty when nothing moved' },
  ),
});
export type TruncationResult = Static<typeof TruncationResult>;

export const TopicClone = Type.Object(
  { name: Type.String({ maxLength: MAX_TOPIC_NAME_LENGTH + 1 }) },
  { additionalProperties: false },
);
export type TopicClone = Static<typeof TopicClone>;

/** What a `message-count` job counts. */
export const MessageCountSpec = Type.Object({ topic: Type.String() });
export type MessageCountSpec = Static<typeof MessageCountSpec>;

/** A `message-count` job's progress: each partition read from its log start to the end seen at the start. */
export const MessageCountProgress = Type.Object({
  phase: Literals(['plan', 'count', 'finished'] as const),
  partitions: Type.Array(
    Type.Object({
      partition: Type.Integer(),
      start: Type.Integer({
        description: 'Log start when the count began; records in [start, end) are counted',
      }),
      end: Type.Integer(),
      position: Type.Integer({ description: 'The next offset to read; `end` once the partition is done' }),
      records: Type.Integer({ description: 'Data records a read_committed consumer receives' }),
      aborted: Type.Integer({ description: 'Records of aborted transactions still in the log, not counted' }),
      markers: Type.Integer({ description: 'Transaction markers (control records), not counted' }),
      open: Type.Record(Type.String(), Type.Integer(), {
        description: 'Records of transactions whose marker was not read yet, by producer id',
      }),
      done: Type.Boolean(),
      retries: Type.Integer({
        description: 'Leader errors in a row (the count retries after a leader moves)',
      }),
      error: Nullable(Type.String(), {
        description: 'Why this partition could not be counted; its `records` is then a lower bound',
      }),
    }),
  ),
  records: Type.Integer({ description: 'Records counted so far; the exact total once `complete`' }),
  complete: Type.Boolean({ description: 'Every partition was counted to its end' }),
});
export type MessageCountProgress = Static<typeof MessageCountProgress>;

/** `GET …/topics/{name}/message-count`: the newest count job (running or ended), or null. */
export const MessageCountReply = Type.Object({ job: Nullable(JobDetailView) });
export type MessageCountReply = Static<typeof MessageCountReply>;
