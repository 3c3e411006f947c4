/**
 * Message serdes: turn a record's key, value or header bytes into a value people can read (decode),
 * and a value into bytes (encode). Weir chooses one per topic and part, by the cluster's serde rules
 * (topic patterns) or, where no rule names one, automatically: the first serde whose `detects`
 * accepts the bytes, else the built-in `raw` serde (UTF-8 text, JSON, or bytes).
 */

export type RecordPart = 'key' | 'value' | 'header';

/** Schema languages Weir stores uploaded schemas in. */
export type SchemaFormat = 'avro' | 'protobuf' | 'json-schema';

/** A schema uploaded to Weir: one or more files (a `.proto` with its imports, an `.avsc`, a JSON Schema). */
export interface UploadedSchema {
  name: string;
  format: SchemaFormat;
  /** The file the schema starts from is first; the others are what it imports, by path. */
  files: { path: string; content: string }[];
}

/** A cluster's Confluent-compatible schema registry, as its definition in Weir names it. */
export interface SchemaRegistryConnection {
  /** Base URL, e.g. `https://registry:8081`. */
  url: string;
  /** HTTP basic auth, when the registry asks for it. */
  username?: string;
  password?: string;
  /** A bearer token instead of basic auth. */
  token?: string;
  /** PEM CA certificates to trust for https. */
  ca?: string;
}

/** Where a serde is used, and what the rule that chose it gave it. */
export interface SerdeBinding {
  clusterId: string;
  topic: string;
  part: RecordPart;
  /** The uploaded schema the rule names, for a serde with a `schemaFormat`. */
  schema?: UploadedSchema;
  /** A Protobuf message type (`package.Message`), or another serde-specific name the rule gave. */
  messageType?: string;
  /** The cluster's schema registry, when its definition names one. */
  registry?: SchemaRegistryConnection;
}

/** A decoded key, value or header. */
export interface Decoded {
  /** A JSON-compatible value: objects, arrays, strings, finite numbers, booleans, null. */
  value: unknown;
  /** Which schema decoded it, in words people can look up, e.g. `orders.avsc` or `registry id 7`. */
  schema?: string;
}

/**
 * Decodes one part of one record. Thrown errors are not failures of the plugin: the record is shown
 * raw with the error's message as the reason, so the message should say why, e.g. "schema id 9 is
 * not in the registry (error 40403)".
 */
export type Decoder = (bytes: Uint8Array) => Decoded | Promise<Decoded>;

/**
 * Encodes a JSON value given by a user (parsed from the produce form) into bytes.
 * Thrown errors are shown to that user, so say what in the value does not fit the schema.
 */
export type Encoder = (value: unknown) => Uint8Array | Promise<Uint8Array>;

export interface Serde {
  /** Unique among serdes, e.g. `avro`; rules name serdes by it. */
  id: string;
  title: string;
  description?: string;
  /** When set, a rule choosing this serde must name an uploaded schema of this format. */
  schemaFormat?: SchemaFormat;
  /**
   * For a serde with a `schemaFormat`: checks an uploaded schema (all its files and imports) and
   * names the types it defines (Protobuf `package.Message`, Avro named types). Weir calls it before
   * storing the schema; throw with what is wrong and where ("orders.proto:12: …").
   */
  describeSchema?(schema: UploadedSchema): { types: string[] };
  /** True when it needs the cluster's schema registry (the Confluent wire format). */
  needsRegistry?: boolean;
  /**
   * For automatic choice: a cheap look at the bytes (no I/O). Serdes that need a schema from a rule
   * cannot be chosen automatically and leave this out.
   */
  detects?(bytes: Uint8Array, binding: SerdeBinding): boolean;
  /** Builds the decoder for one topic and part; called once and cached while the rule stands. */
  decoder(binding: SerdeBinding): Decoder | Promise<Decoder>;
  /** Builds the encoder, for serdes that can produce. */
  encoder?(binding: SerdeBinding): Encoder | Promise<Encoder>;
}
