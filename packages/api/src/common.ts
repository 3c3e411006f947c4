import { type Static, Type } from '@sinclair/typebox';
import { CONFIG_TYPES } from './display.ts';
import { Defaulted, Literals, Nullable, NullFirst, type StaticInput } from './schema-kit.ts';

/**
 * Shapes every noun shares: the problem body of every error, the `Total` of every aggregate, how
 * old a snapshot is, path parameters, and the Kafka settings lists (security protocols, SASL
 * mechanisms) declared once for the server, the console and the CLI.
 */

/**
 * Schema annotation with the rule a person can follow, shown instead of a raw pattern when a value
 * does not match (the server's validation-problems.ts), e.g. `'use host:port, e.g. broker1:9092'`.
 */
export const RULE_KEYWORD = 'x-rule';

/** RFC 9457 problem details, as every error response carries them (`application/problem+json`). */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    problems: Type.Optional(
      Type.Array(Type.String(), {
        description: 'Every individual input problem, when the request was invalid',
      }),
    ),
    code: Type.Optional(
      Type.String({
        description:
          'A stable name of the problem (see PROBLEM_CODES) for a client that words it in its own language',
      }),
    ),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
        description: "The values the code's sentence names, e.g. { topic: 'orders' }",
      }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof Problem>;

/**
 * The problems a client may word in its own language, each with the params it carries. `detail`
 * keeps the English sentence for every other client, so a code never replaces it.
 */
export const PROBLEM_CODES = {
  'auth.login-required': [],
  'auth.invalid-credentials': [],
  'auth.forbidden': ['role', 'permission'],
  'cluster.not-found': ['id'],
  'cluster.name-taken': ['name'],
  'topic.not-found': ['topic'],
  'group.not-found': ['group'],
  'broker.not-found': ['broker'],
  'job.not-found': ['id'],
  'confirm.mismatch': ['expected'],
} as const satisfies Record<string, readonly string[]>;
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** String options: no control characters (tabs, line breaks, NUL), explained by rule, not regex. */
export const noControlCharacters = {
  pattern: '^[^\\u0000-\\u001f\\u007f]+$',
  [RULE_KEYWORD]: 'remove control characters such as tabs and line breaks',
};

/**
 * Kafka's protocol STRING (group ids, user names): a 16-bit length, so at most 32,767 bytes, which is
 * never fewer characters.
 */
export const MAX_KAFKA_STRING_LENGTH = 32_767;

/** Kafka's limit on a topic name's length. */
export const MAX_TOPIC_NAME_LENGTH = 249;

/** For the OpenAPI description of every path parameter that holds a name (see path-names.ts). */
export const PATH_NAME_RULE =
  'Percent-encoded; a name that is ".", "..", empty or starts with "~" is sent with one more "~" in front (e.g. group ".." as ~..), because HTTP clients drop "." and ".." path segments';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export const SecurityProtocol = Literals(SECURITY_PROTOCOLS);
export type SecurityProtocol = Static<typeof SecurityProtocol>;
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'] as const;
export const SaslMechanism = Literals(SASL_MECHANISMS);
export type SaslMechanism = Static<typeof SaslMechanism>;

export const Id = Type.String({ format: 'uuid' });

export const ClusterParams = Type.Object({ id: Id });
export type ClusterParams = Static<typeof ClusterParams>;

/** A topic named in a read's path; Kafka's length limit applies. */
export const TopicParams = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1, maxLength: MAX_TOPIC_NAME_LENGTH, description: PATH_NAME_RULE }),
});
export type TopicParams = Static<typeof TopicParams>;

/**
 * A topic named in a change's path. Unlike {@link TopicParams} there is no length limit today, so a
 * name too long for Kafka is answered by the service, not the schema; kept so behaviour stays.
 */
export const TopicChangeParams = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1, description: PATH_NAME_RULE }),
});
export type TopicChangeParams = Static<typeof TopicChangeParams>;

export const GroupParams = Type.Object({
  id: Id,
  groupId: Type.String({ minLength: 1, maxLength: MAX_KAFKA_STRING_LENGTH, description: PATH_NAME_RULE }),
});
export type GroupParams = Static<typeof GroupParams>;

export const BrokerParams = Type.Object({ id: Id, brokerId: Type.Integer({ minimum: 0 }) });
export type BrokerParams = Static<typeof BrokerParams>;

export const Refresh = Defaulted(
  Type.Boolean({ description: 'Read the cluster now instead of serving the snapshot' }),
  false,
);
export const RefreshQuery = Type.Object({ refresh: Refresh }, { additionalProperties: false });
export type RefreshQuery = StaticInput<typeof RefreshQuery>;

/** How old a read-model answer is, and which parts of it could not be read. */
export const Freshness = Type.Object({
  takenAt: Type.String({ format: 'date-time' }),
  ageMs: Type.Integer(),
  stale: Type.Boolean({ description: 'The latest refresh failed and this is older data' }),
  refreshError: Nullable(Type.String()),
  partial: Type.Boolean({ description: 'Some parts could not be read; partErrors says which and why' }),
  partErrors: Type.Record(Type.String(), Type.String(), {
    description:
      'Parts that could not be read, with why; a failed broker is named in the key (offsets@broker3)',
  }),
});
export type Freshness = Static<typeof Freshness>;

export const TOTAL_UNITS = ['partition', 'replica', 'broker', 'logDir'] as const;
/** What the parts of a {@link Total} are. */
export const TotalUnit = Literals(TOTAL_UNITS);
export type TotalUnit = Static<typeof TotalUnit>;

/**
 * A sum over parts (partitions, replicas, brokers, log dirs) some of which may not have been read.
 * One shape for every aggregate, so no client can show an unknown as 0:
 * - complete: `complete` true, `value` the exact sum;
 * - partial: `complete` false and `value` the sum of the parts that were read, a lower bound;
 * - unknown: `value` null (no part could be read, or which parts exist is not known).
 * `reason` says why the unknown parts are unknown, naming the broker that failed.
 */
export const Total = Type.Object(
  {
    value: Nullable(Type.Number({ description: 'Sum over the parts that were read; null when none was' })),
    complete: Type.Boolean({ description: 'False: value is a lower bound (partial) or null (unknown)' }),
    parts: Type.Integer({ description: 'How many parts there are, as far as known' }),
    unknownParts: Type.Integer(),
    unit: TotalUnit,
    reason: Nullable(Type.String({ description: 'Why the unknown parts are unknown' })),
  },
  { additionalProperties: false },
);
export type Total = Static<typeof Total>;

/** One config entry of a topic or a broker, as DescribeConfigs gives it. */
export const ConfigEntryView = Type.Object({
  name: Type.String(),
  value: Nullable(Type.String(), {
    description: 'Null for sensitive values (Kafka never returns them) and unset ones',
  }),
  source: Type.String({
    description: '`topic`, `dynamic-broker`, `dynamic-default-broker`, `static-broker`, `default`, …',
  }),
  readOnly: Type.Boolean(),
  sensitive: Type.Boolean(),
  defaultValue: Nullable(Type.String(), {
    description:
      'The value without this override (the next synonym Kafka reports: dynamic cluster default, static broker config, or Kafka default); for an entry at its default, that value. Null when Kafka reports none',
  }),
  defaultSource: Nullable(
    Type.String({ description: 'Where `defaultValue` comes from (`default`, `static-broker`, …)' }),
  ),
  type: Nullable(Literals(CONFIG_TYPES), {
    description: "Kafka's config type (DescribeConfigs v3+); null from older brokers",
  }),
  documentation: Nullable(
    Type.String({ description: "Kafka's documentation of the key (DescribeConfigs v3+)" }),
  ),
});
export type ConfigEntryView = Static<typeof ConfigEntryView>;

/** Config edits of a topic, a broker or the broker defaults: only the named keys change. */
export const ConfigChanges = Type.Object(
  {
    changes: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1 }),
          value: NullFirst(Type.String(), { description: 'null removes the override' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type ConfigChanges = Static<typeof ConfigChanges>;

export const ConfigDiffRow = Type.Object({
  name: Type.String(),
  before: Nullable(Type.String()),
  after: Nullable(Type.String()),
  source: Type.String({ description: 'Where the value comes from now (`topic`, `default`, …)' }),
  reset: Type.Boolean({
    description: 'The change removes an override, so the entry falls back to `after` (its default)',
  }),
});
export type ConfigDiffRow = Static<typeof ConfigDiffRow>;

export const ConfigChangeReport = Type.Object({
  resource: Type.Object(
    { type: Literals(['topic', 'broker'] as const), name: Type.String() },
    { description: "A broker's name is its id; the cluster-wide broker default is the broker named ''" },
  ),
  changes: Type.Array(ConfigDiffRow),
  applied: Type.Boolean(),
  api: Type.String({
    description:
      'The Kafka API that carried the change (AlterConfigs on brokers without the incremental one)',
  }),
});
export type ConfigChangeReport = Static<typeof ConfigChangeReport>;
