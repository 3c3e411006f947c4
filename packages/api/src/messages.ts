import { type Static, Type } from '@sinclair/typebox';
import {
  Defaulted,
  Literals,
  Nullable,
  NullableLiterals,
  NullFirst,
  type StaticInput,
} from './schema-kit.ts';
import { SerdeChoice } from './serdes.ts';

/**
 * Records: browse a page, search or live-tail (an NDJSON stream of events), export a search's
 * matches as a file, produce. Request types are what a caller sends; `Resolved*` are the same after
 * validation filled in the defaults, as the server's handlers see them.
 */

/** The console renders at most this much of a value unless asked for more. */
export const DEFAULT_MAX_VALUE_BYTES = 64 * 1024;
/** The produce endpoint's request body limit: room for a batch of records near Kafka's usual 1 MiB cap. */
export const MAX_PRODUCE_BODY_BYTES = 32 * 1024 * 1024;
/** A search (or export) runs this long at most; a longer look continues from its end event's cursor. */
export const MAX_SEARCH_MS = 120_000;
/** A live tail mostly waits on the brokers, so it may run longer. */
export const MAX_FOLLOW_MS = 600_000;

export const PAYLOAD_ENCODINGS = ['text', 'json', 'base64', 'hex'] as const;
/** How typed input is turned into bytes: text as UTF-8, JSON validated, base64 or hex decoded. */
export type PayloadEncoding = (typeof PAYLOAD_ENCODINGS)[number];
export const MESSAGE_COMPRESSIONS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type MessageCompression = (typeof MESSAGE_COMPRESSIONS)[number];
export const ISOLATIONS = ['read_committed', 'read_uncommitted'] as const;
/** KIP-98's isolation levels; read_committed is the default, as librdkafka's is. */
export type Isolation = (typeof ISOLATIONS)[number];
export const FILTER_TARGETS = ['key', 'value', 'header'] as const;
export const FILTER_MATCHES = ['contains', 'equals', 'regex', 'jsonPath'] as const;
export const STOP_REASONS = [
  'end',
  'limit',
  'scan-budget',
  'time-budget',
  'filter-timeout',
  'cancelled',
] as const;
/** Why a scan stopped; `filter-timeout`: one batch's filters outlived the time left (resume at it). */
export type StopReason = (typeof STOP_REASONS)[number];
export const EXPORT_FORMATS = ['json', 'csv'] as const;
/**
 * How a producer chose a keyed record's partition, by librdkafka's `partitioner` names: murmur2 is the
 * Java client's default (and murmur2_random librdkafka's Java-compatible one), consistent and
 * consistent_random take CRC-32 (librdkafka's default), fnv1a and fnv1a_random FNV-1a (Sarama's).
 */
export const KEY_PARTITIONERS = [
  'murmur2',
  'murmur2_random',
  'consistent',
  'consistent_random',
  'fnv1a',
  'fnv1a_random',
] as const;
export type KeyPartitioner = (typeof KEY_PARTITIONERS)[number];
/** A key lookup reads the partition the key hashes to, or every partition (another partitioner, a manual choice). */
export const KEY_SCOPES = ['hashed', 'all'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const serdeField = Type.String({
  description: 'The serde that read these bytes (raw: the built-in text, JSON or bytes view)',
});
const decodeErrorField = Type.Optional(
  Type.String({
    description:
      'Why the serde chosen for this part could not decode these bytes; they are shown raw instead',
  }),
);

/**
 * How a key, value or header value is shown: decoded by the topic's serde (its JSON text), or raw:
 * text when it is UTF-8 text, JSON when it also parses, else bytes.
 */
export const Payload = Type.Union([
  Type.Object({ kind: Type.Literal('null'), size: Type.Literal(0) }),
  Type.Object({
    kind: Literals(['text', 'json'] as const),
    text: Type.String(),
    size: Type.Integer(),
    truncated: Type.Boolean(),
    serde: serdeField,
    decodeError: decodeErrorField,
  }),
  Type.Object({
    kind: Type.Literal('binary'),
    base64: Type.String(),
    size: Type.Integer(),
    truncated: Type.Boolean(),
    serde: serdeField,
    decodeError: decodeErrorField,
  }),
  Type.Object({
    kind: Type.Literal('decoded'),
    text: Type.String({ description: 'The decoded value as JSON text, cut at maxValueBytes' }),
    size: Type.Integer({ description: 'Bytes of the record part as stored' }),
    truncated: Type.Boolean(),
    serde: serdeField,
    schema: Nullable(Type.String(), {
      description: 'The schema that decoded it, e.g. orders.avsc or registry id 7',
    }),
  }),
]);
export type Payload = Static<typeof Payload>;

export const RenderedMessage = Type.Object({
  partition: Type.Integer(),
  offset: Type.Integer(),
  timestamp: Nullable(Type.Integer(), {
    description: 'Epoch milliseconds; null when the record has none (message format v0)',
  }),
  timestampType: NullableLiterals(['CreateTime', 'LogAppendTime'] as const, {
    description: 'Null for message format v0, which has no timestamp type',
  }),
  transactional: Type.Boolean({ description: "Written in a transaction (the batch's isTransactional)" }),
  transactionState: NullableLiterals(['committed', 'aborted', 'undecided'] as const, {
    description: 'For transactional records; undecided: no commit or abort marker yet',
  }),
  producerId: Nullable(Type.Integer()),
  producerEpoch: Nullable(Type.Integer()),
  key: Payload,
  value: Payload,
  headers: Type.Array(Type.Object({ name: Type.String(), value: Payload })),
  size: Type.Integer(),
});
export type RenderedMessage = Static<typeof RenderedMessage>;

export const PartitionProgress = Type.Object({
  partition: Type.Integer(),
  position: Type.Integer({ description: 'Next offset to read: resume here' }),
  end: Nullable(Type.Integer(), {
    description: "Where this partition's scan ends (exclusive); null when following",
  }),
  done: Type.Boolean(),
  error: Type.Optional(Type.String()),
});
export type PartitionProgress = Static<typeof PartitionProgress>;

export const ScanProgress = Type.Object({
  scanned: Type.Integer(),
  matched: Type.Integer(),
  elapsedMs: Type.Integer(),
  partitions: Type.Array(PartitionProgress),
});
export type ScanProgress = Static<typeof ScanProgress>;

const MaxValueBytes = Defaulted(
  Type.Integer({
    minimum: 16,
    maximum: 1024 * 1024,
    description: 'Longer keys, values and headers are cut (and marked truncated)',
  }),
  DEFAULT_MAX_VALUE_BYTES,
);
const IsolationField = Defaulted(
  Literals(ISOLATIONS, {
    description:
      "read_committed (the default, as librdkafka's) reads up to the last stable offset and leaves out aborted transactions; read_uncommitted reads everything and marks aborted records",
  }),
  'read_committed',
);

/** `GET …/messages`: one page of records; the server fills in the limits left out. */
export const BrowseQuery = Type.Object(
  {
    from: Defaulted(Literals(['newest', 'oldest', 'offset', 'timestamp'] as const), 'newest'),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
    timestamp: Type.Optional(Type.Integer({ minimum: 0, description: 'Epoch milliseconds' })),
    partition: Type.Optional(Type.Integer({ minimum: 0 })),
    limit: Defaulted(Type.Integer({ minimum: 1, maximum: 500 }), 50),
    maxValueBytes: MaxValueBytes,
    isolation: IsolationField,
  },
  { additionalProperties: false },
);
export type BrowseQuery = StaticInput<typeof BrowseQuery>;
export type ResolvedBrowse = Static<typeof BrowseQuery>;

export const BrowseResult = Type.Object({
  messages: Type.Array(RenderedMessage),
  reason: Literals(STOP_REASONS),
  partitions: Type.Array(PartitionProgress),
});
export type BrowseResult = Static<typeof BrowseResult>;

export const MessageFilter = Type.Object(
  {
    target: Literals(FILTER_TARGETS),
    // No descriptions here: a description of a required field becomes part of the server's
    // validation message ("add it (…)"), which must not change.
    header: Type.Optional(Type.String({ minLength: 1 })),
    match: Literals(FILTER_MATCHES),
    value: Type.String({ maxLength: 10_000 }),
    path: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    ignoreCase: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MessageFilter = Static<typeof MessageFilter>;

export const StartAt = Type.Union([
  Type.Object({ type: Type.Literal('oldest') }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('newest'),
      count: Type.Integer({ minimum: 0, description: 'Latest records per partition' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('offset'), offset: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('timestamp'), timestamp: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
]);
export type StartAt = Static<typeof StartAt>;

const searchFields = {
  filters: Defaulted(Type.Array(MessageFilter, { maxItems: 10, description: 'All must match' }), []),
  start: Type.Optional(StartAt),
  cursor: Type.Optional(
    Type.Object(
      {
        partitions: Type.Array(
          Type.Object(
            {
              partition: Type.Integer({ minimum: 0 }),
              position: Type.Integer({ minimum: 0 }),
              end: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
              // The end event's positions are passed back whole, so their other fields are known too.
              done: Type.Optional(Type.Boolean({ description: 'As the end event gave it; not used' })),
              error: Type.Optional(Type.String({ description: 'As the end event gave it; not used' })),
            },
            { additionalProperties: false },
          ),
          { minItems: 1 },
        ),
      },
      {
        additionalProperties: false,
        description: "A stopped search's last positions, to continue where it stopped",
      },
    ),
  ),
  partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 10_000 })),
  key: Type.Optional(
    Type.Object(
      {
        value: Type.String(),
        encoding: Literals(PAYLOAD_ENCODINGS),
        partitioner: Defaulted(
          Literals(KEY_PARTITIONERS, {
            description:
              "The producer's partitioner, to find the key's partition; murmur2 is the Java client's",
          }),
          'murmur2',
        ),
        scope: Defaulted(
          Literals(KEY_SCOPES, {
            description:
              'hashed: read only the partition the partitioner gives the key; all: read every partition',
          }),
          'hashed',
        ),
      },
      { additionalProperties: false, description: 'Match the key exactly' },
    ),
  ),
  maxScanned: Defaulted(Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), 10_000_000),
  maxMs: Defaulted(
    Type.Integer({
      minimum: 100,
      maximum: MAX_FOLLOW_MS,
      description: `At most ${MAX_SEARCH_MS} ms for a search or export, ${MAX_FOLLOW_MS} ms for a live tail`,
    }),
    30_000,
  ),
  maxValueBytes: MaxValueBytes,
  isolation: IsolationField,
};

/** `POST …/messages/search`: budgets left out get the server's defaults. */
export const SearchRequest = Type.Object(
  {
    ...searchFields,
    follow: Type.Optional(Type.Boolean({ description: 'Live tail: keep reading new records' })),
    maxMatches: Defaulted(Type.Integer({ minimum: 1, maximum: 10_000 }), 500),
  },
  { additionalProperties: false },
);
export type SearchRequest = StaticInput<typeof SearchRequest>;
export type ResolvedSearch = Static<typeof SearchRequest>;

/** `POST …/messages/export`: a search whose matches come back as one file, values in full. */
export const ExportRequest = Type.Object(
  {
    ...searchFields,
    format: Literals(EXPORT_FORMATS),
    maxMatches: Defaulted(Type.Integer({ minimum: 1, maximum: 100_000 }), 10_000),
  },
  { additionalProperties: false },
);
export type ExportRequest = StaticInput<typeof ExportRequest>;
export type ResolvedExport = Static<typeof ExportRequest>;

/** The export file as JSON: the matches in order. */
export const ExportedMessages = Type.Array(RenderedMessage);
export type ExportedMessages = Static<typeof ExportedMessages>;

/** What a key lookup assumed: the partitioner, the partition it gives the key, and what was read. */
export const KeyLookup = Type.Object({
  partitioner: Literals(KEY_PARTITIONERS),
  partition: Nullable(Type.Integer(), {
    description: 'The partition the partitioner gives the key; null when it places this key at random',
  }),
  scope: Literals(KEY_SCOPES, { description: 'hashed: only that partition was read; all: every partition' }),
});
export type KeyLookup = Static<typeof KeyLookup>;

/** One partition's part of what a search covered, in offsets. */
export const CoveredPartition = Type.Object({
  partition: Type.Integer(),
  logStart: Nullable(Type.Integer(), { description: 'The log start offset; null when it could not be read' }),
  from: Type.Integer({ description: 'The first offset the search was to read' }),
  to: Nullable(Type.Integer(), { description: 'Where its read was to end (exclusive); null when following' }),
  scanned: Type.Integer({ description: 'Records examined in this partition' }),
});

/** What a search covered: where it started, what it read of each partition, and of how many records. */
export const SearchCoverage = Type.Object({
  start: Type.Union([StartAt, Type.Object({ type: Type.Literal('cursor') })], {
    description: 'The start position asked for; cursor: continued from an earlier search',
  }),
  partitions: Type.Array(CoveredPartition),
  scanned: Type.Integer(),
  inRange: Nullable(Type.Integer(), {
    description: 'Offsets between each partition’s start and end, summed; null when following',
  }),
  total: Nullable(Type.Integer(), {
    description: 'Offsets between each partition’s log start and end, summed: the records there are',
  }),
  estimated: Type.Boolean({
    description:
      'The totals count offsets, and this topic has gaps among them (it is compacted, or the search met transaction markers or aborted records): more offsets than records',
  }),
});
export type SearchCoverage = Static<typeof SearchCoverage>;

export const SearchEvent = Type.Union([
  Type.Object({
    type: Type.Literal('start'),
    partitions: Type.Array(PartitionProgress),
    keyPartition: Nullable(Type.Integer()),
    keyLookup: Nullable(KeyLookup),
  }),
  Type.Object({ type: Type.Literal('match'), message: RenderedMessage }),
  Type.Object({ type: Type.Literal('progress'), progress: ScanProgress }),
  Type.Object({
    type: Type.Literal('end'),
    reason: Literals(STOP_REASONS),
    progress: ScanProgress,
    covered: SearchCoverage,
    keyLookup: Nullable(
      Type.Object({
        ...KeyLookup.properties,
        searchAllPartitions: Type.Boolean({
          description:
            'Nothing matched in the hashed partition: search again with key.scope "all" to read every partition',
        }),
      }),
    ),
  }),
]);
export type SearchEvent = Static<typeof SearchEvent>;

/** A line of the search stream: the search's own events, or why it broke off after it had started. */
export const SearchStreamEvent = Type.Union([
  ...SearchEvent.anyOf,
  Type.Object({ type: Type.Literal('error'), message: Type.String() }),
]);
export type SearchStreamEvent = Static<typeof SearchStreamEvent>;

export const ProduceRequest = Type.Object(
  {
    messages: Type.Array(
      Type.Object(
        {
          key: Type.Optional(NullFirst(Type.String())),
          value: Type.Optional(NullFirst(Type.String())),
          headers: Type.Optional(
            Type.Array(
              Type.Object(
                { name: Type.String({ minLength: 1 }), value: Type.String() },
                { additionalProperties: false },
              ),
              { maxItems: 100 },
            ),
          ),
          partition: Type.Optional(Type.Integer({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10_000 },
    ),
    keyEncoding: Defaulted(Literals(PAYLOAD_ENCODINGS), 'text'),
    valueEncoding: Defaulted(Literals(PAYLOAD_ENCODINGS), 'text'),
    keySerde: Type.Optional(
      Type.Object(SerdeChoice.properties, {
        additionalProperties: false,
        description: 'Encode each key (given as JSON text) with this serde instead of keyEncoding',
      }),
    ),
    valueSerde: Type.Optional(
      Type.Object(SerdeChoice.properties, {
        additionalProperties: false,
        description: 'Encode each value (given as JSON text) with this serde instead of valueEncoding',
      }),
    ),
    compression: Defaulted(Literals(MESSAGE_COMPRESSIONS), 'none'),
  },
  { additionalProperties: false },
);
export type ProduceRequest = StaticInput<typeof ProduceRequest>;
export type ResolvedProduce = Static<typeof ProduceRequest>;

export const ProduceResult = Type.Object({
  written: Type.Integer(),
  partitions: Type.Array(
    Type.Object({ partition: Type.Integer(), baseOffset: Type.Integer(), count: Type.Integer() }),
  ),
});
export type ProduceResult = Static<typeof ProduceResult>;
