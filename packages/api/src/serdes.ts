import { type Static, Type } from '@sinclair/typebox';
import { RULE_KEYWORD } from './common.ts';
import { Literals, Nullable } from './schema-kit.ts';
import { SchemaName } from './schemas.ts';

/**
 * Serdes: the decoders and encoders plugins contribute, and each cluster's rules choosing them per
 * topic. A part no rule covers is decoded automatically: the first serde that recognises the bytes
 * (the Confluent wire format, where the cluster has a registry), else the built-in raw serde.
 */

/** The serde that recognises bytes itself, or falls back to `raw`. */
export const AUTO_SERDE = 'auto';
/** The built-in serde: UTF-8 text, JSON, or bytes as base64. */
export const RAW_SERDE = 'raw';

export const SerdeView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  plugin: Type.String({ description: 'The plugin contributing it' }),
  schemaFormat: Nullable(Literals(['avro', 'protobuf', 'json-schema'] as const), {
    description: 'A rule choosing it names an uploaded schema of this format',
  }),
  needsRegistry: Type.Boolean({ description: "It reads schemas from the cluster's schema registry" }),
  canEncode: Type.Boolean({ description: 'Produce can encode with it' }),
  automatic: Type.Boolean({ description: 'It recognises its own bytes, so it can be chosen automatically' }),
});
export type SerdeView = Static<typeof SerdeView>;
export const SerdeList = Type.Object({ serdes: Type.Array(SerdeView) });
export type SerdeList = Static<typeof SerdeList>;

/** Which serde reads a part, with the schema (and Protobuf message type) it needs. */
export const SerdeChoice = Type.Object(
  {
    serde: Type.String({ minLength: 1, maxLength: 100, description: `A serde id, or "${AUTO_SERDE}"` }),
    schema: Type.Optional(SchemaName),
    messageType: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'Protobuf: package.Message' }),
    ),
  },
  { additionalProperties: false },
);
export type SerdeChoice = Static<typeof SerdeChoice>;

export const SerdeRule = Type.Object(
  {
    topics: Type.String({
      minLength: 1,
      maxLength: 300,
      [RULE_KEYWORD]: 'use a topic name or a glob such as orders-* or {orders,payments}.v?',
      description: 'A topic name or a glob (* any characters, ? one, {a,b} either)',
    }),
    key: Type.Optional(SerdeChoice),
    value: Type.Optional(SerdeChoice),
    headers: Type.Optional(SerdeChoice),
  },
  { additionalProperties: false },
);
export type SerdeRule = Static<typeof SerdeRule>;

/** `GET/PUT /clusters/{id}/serde-rules`: the first rule whose pattern matches a topic names its serdes. */
export const SerdeRules = Type.Object(
  { rules: Type.Array(SerdeRule, { maxItems: 500 }) },
  { additionalProperties: false },
);
export type SerdeRules = Static<typeof SerdeRules>;

/** How one part of a topic's records is read, and why: the rule that chose it, or automatic. */
export const ResolvedSerde = Type.Object({
  serde: Type.String(),
  schema: Nullable(Type.String()),
  messageType: Nullable(Type.String()),
  rule: Nullable(Type.Integer({ description: 'The index of the rule that chose it; null: automatic' })),
  canEncode: Type.Boolean(),
});
export type ResolvedSerde = Static<typeof ResolvedSerde>;

/** `GET /clusters/{id}/topics/{name}/serdes`. */
export const TopicSerdes = Type.Object({
  key: ResolvedSerde,
  value: ResolvedSerde,
  headers: ResolvedSerde,
});
export type TopicSerdes = Static<typeof TopicSerdes>;
