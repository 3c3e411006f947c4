import { type Static, Type } from '@sinclair/typebox';
import { RULE_KEYWORD } from './common.ts';
import { Literals } from './schema-kit.ts';

/** Schemas uploaded to Weir (Avro, Protobuf with its imports, JSON Schema), for the serdes that need one. */

export const SCHEMA_FORMATS = ['avro', 'protobuf', 'json-schema'] as const;
export type SchemaFormatName = (typeof SCHEMA_FORMATS)[number];

export const SchemaName = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  [RULE_KEYWORD]: 'use letters, digits, ".", "_" and "-", starting with a letter or digit, e.g. orders-value',
});

export const SchemaFile = Type.Object(
  {
    path: Type.String({
      minLength: 1,
      maxLength: 500,
      pattern: '^[^/\\\\][^\\\\]*$',
      [RULE_KEYWORD]:
        'use a relative path with / between folders, as the imports name it, e.g. common/money.proto',
    }),
    content: Type.String({ maxLength: 1024 * 1024 }),
  },
  { additionalProperties: false },
);

/** `POST /schemas` and `PUT /schemas/{name}`: the file the schema starts from first, then what it imports. */
export const SchemaInput = Type.Object(
  {
    name: SchemaName,
    format: Literals(SCHEMA_FORMATS),
    files: Type.Array(SchemaFile, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type SchemaInput = Static<typeof SchemaInput>;

export const SchemaView = Type.Object({
  name: Type.String(),
  format: Literals(SCHEMA_FORMATS),
  files: Type.Array(Type.Object({ path: Type.String(), size: Type.Integer({ description: 'bytes' }) })),
  types: Type.Array(Type.String(), {
    description:
      'The named types it defines: Protobuf messages (package.Message), Avro named types; empty for JSON Schema',
  }),
  updatedAt: Type.Integer({ description: 'Epoch ms' }),
  updatedBy: Type.String(),
});
export type SchemaView = Static<typeof SchemaView>;

export const SchemaDetail = Type.Object({
  ...SchemaView.properties,
  files: Type.Array(SchemaFile),
});
export type SchemaDetail = Static<typeof SchemaDetail>;

export const SchemaList = Type.Object({ schemas: Type.Array(SchemaView) });
export type SchemaList = Static<typeof SchemaList>;
export const SchemaReply = Type.Object({ schema: SchemaDetail });
export type SchemaReply = Static<typeof SchemaReply>;
export const SchemaParams = Type.Object({ schemaName: SchemaName });

/** `DELETE /schemas/{name}`: rules naming the schema then show their records raw, so its name is repeated. */
export const SchemaRemoval = Type.Object(
  { confirmName: Type.String({ description: "The schema's exact name, to confirm" }) },
  { additionalProperties: false },
);
export type SchemaRemoval = Static<typeof SchemaRemoval>;
