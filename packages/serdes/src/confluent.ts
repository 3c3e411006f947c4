import type {
  Decoder,
  Encoder,
  SchemaRegistryConnection,
  Serde,
  SerdeBinding,
  UploadedSchema,
} from '@weir/plugin-sdk';
import protobuf from 'protobufjs';
import { avroFromJson, avroToJson, parseAvro } from './avro.ts';
import { compileJsonSchema } from './json-schema.ts';
import { messageTypeOf, parseProto, protoFromJson, protoToJson } from './protobuf.ts';
import { type RegistryClient, RegistryError, type RegistrySchema } from './registry-client.ts';

/**
 * Confluent's wire format (docs.confluent.io, "Wire format"): byte 0 is the magic byte 0, bytes 1-4
 * the schema id as a big-endian int32, then the payload. Protobuf payloads start with the message
 * indexes that locate the message type in its file: a zig-zag varint count, then each index; the
 * single byte 0 stands for [0], the file's first message.
 */
export const MAGIC_BYTE = 0;
const HEADER_BYTES = 5;
/** References deeper than this are taken as a loop in the registry's data. */
const MAX_REFERENCE_DEPTH = 16;

/** A schema id's reader and writer, built once per id. */
interface IdCodec {
  decode(payload: Uint8Array): unknown;
  encode(value: unknown): Uint8Array;
}

/** The schema id in a record's first five bytes. @throws Error when the bytes are not in the wire format. */
export function readSchemaId(bytes: Uint8Array): number {
  if (bytes.length < HEADER_BYTES || bytes[0] !== MAGIC_BYTE)
    throw new Error(
      `not in the Confluent wire format: it needs the magic byte 0 and a 4-byte schema id, and it starts with ${bytes.length ? `byte ${bytes[0]}` : 'nothing'}`,
    );
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).readInt32BE(1);
}

/** Five header bytes and the payload. */
export function frame(schemaId: number, payload: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(MAGIC_BYTE, 0);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, payload]);
}

/**
 * Reads Protobuf message indexes (Confluent's ProtobufSchema message-index encoding).
 * @returns the indexes and the offset of the message after them.
 */
export function readMessageIndexes(payload: Uint8Array): { indexes: number[]; offset: number } {
  let offset = 0;
  const next = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (offset >= payload.length) throw new Error('the Protobuf message indexes are cut short');
      const byte = payload[offset++] as number;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new Error('a Protobuf message index is longer than a 32-bit varint');
    }
    return (result >>> 1) ^ -(result & 1);
  };
  const count = next();
  if (count === 0) return { indexes: [0], offset };
  if (count < 0 || count > 100) throw new Error(`the Protobuf message-index count ${count} cannot be right`);
  const indexes = Array.from({ length: count }, next);
  return { indexes, offset };
}

/** The message-index bytes for `indexes`; [0] is the single byte 0. */
export function writeMessageIndexes(indexes: number[]): Uint8Array {
  if (indexes.length === 1 && indexes[0] === 0) return Uint8Array.of(0);
  const bytes: number[] = [];
  const put = (n: number) => {
    let v = ((n << 1) ^ (n >> 31)) >>> 0;
    while (v > 0x7f) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
  };
  put(indexes.length);
  for (const index of indexes) put(index);
  return Uint8Array.from(bytes);
}

/**
 * A registry schema with its references, as an uploaded schema: the schema first, then every
 * referenced schema (depth first, each before what refers to it), named by the reference's name,
 * which is the import path for Protobuf and the full type name or URL for Avro and JSON Schema.
 */
async function withReferences(client: RegistryClient, top: RegistrySchema): Promise<UploadedSchema> {
  const files: { path: string; content: string }[] = [];
  const seen = new Set<string>();
  const visit = async (schema: RegistrySchema, depth: number) => {
    if (depth > MAX_REFERENCE_DEPTH)
      throw new Error('the schema references nest deeper than 16; is there a loop?');
    for (const reference of schema.references) {
      const key = `${reference.subject}@${reference.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const referenced = await client.subjectVersion(reference.subject, reference.version);
      await visit(referenced, depth + 1);
      files.push({ path: reference.name, content: referenced.schema });
    }
  };
  await visit(top, 0);
  const extension = { AVRO: 'avsc', PROTOBUF: 'proto', JSON: 'json' }[top.schemaType];
  return {
    name: `registry id ${top.id}`,
    format: top.schemaType === 'AVRO' ? 'avro' : top.schemaType === 'PROTOBUF' ? 'protobuf' : 'json-schema',
    files: [{ path: `schema-${top.id}.${extension}`, content: top.schema }, ...files],
  };
}

/** The main file's message types in declaration order, which message indexes count in. */
function topLevelMessages(content: string): string[] {
  const parsed = protobuf.parse(content, new protobuf.Root(), { keepCase: true });
  const namespace = parsed.package ? parsed.root.lookup(parsed.package) : parsed.root;
  return ((namespace as protobuf.Namespace | null)?.nestedArray ?? [])
    .filter((n): n is protobuf.Type => n instanceof protobuf.Type)
    .map((t) => t.fullName.replace(/^\./, ''));
}

async function buildCodec(client: RegistryClient, schema: RegistrySchema): Promise<IdCodec> {
  const uploaded = await withReferences(client, schema);
  if (schema.schemaType === 'AVRO') {
    const { type } = parseAvro(uploaded);
    return { decode: (payload) => avroToJson(type, payload), encode: (value) => avroFromJson(type, value) };
  }
  if (schema.schemaType === 'PROTOBUF') {
    const { root, types } = parseProto(uploaded);
    const top = topLevelMessages(schema.schema);
    const typeAt = (indexes: number[]) => {
      const [first = 0, ...rest] = indexes;
      const name = top[first];
      if (!name)
        throw new Error(
          `message index ${first} is past the ${top.length} messages of schema id ${schema.id}`,
        );
      let type = messageTypeOf(root, types, name);
      for (const index of rest) {
        const nested = type.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type)[index];
        if (!nested) throw new Error(`message index ${index} is past the messages nested in ${type.name}`);
        type = nested;
      }
      return type;
    };
    return {
      decode(payload) {
        const { indexes, offset } = readMessageIndexes(payload);
        return protoToJson(typeAt(indexes), payload.subarray(offset));
      },
      encode: (value) => {
        const indexes = writeMessageIndexes([0]);
        const message = protoFromJson(typeAt([0]), value);
        return Buffer.concat([indexes, message]);
      },
    };
  }
  const validate = schema.references.length === 0 ? compileJsonSchema(uploaded) : null;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return {
    decode: (payload) => JSON.parse(utf8.decode(payload)),
    encode(value) {
      if (validate && !validate(value))
        throw new Error(
          `it breaks the JSON Schema of registry id ${schema.id}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`,
        );
      return Buffer.from(JSON.stringify(value), 'utf8');
    },
  };
}

/** The subject a record's schema is registered under, by Confluent's default TopicNameStrategy. */
export function topicNameSubject(binding: SerdeBinding): string {
  return binding.messageType ?? `${binding.topic}-${binding.part === 'key' ? 'key' : 'value'}`;
}

/**
 * The Confluent wire-format serde: reads the schema id, fetches the schema (Avro, Protobuf or JSON
 * Schema, with references) from the cluster's registry, and decodes. Produce encodes with the
 * latest schema of the subject the rule names (`messageType`), else `<topic>-key` / `<topic>-value`.
 * @param clientFor one cached registry client per registry connection.
 */
export function confluentSerde(clientFor: (registry: SchemaRegistryConnection) => RegistryClient): Serde {
  const codecs = new WeakMap<RegistryClient, Map<number, Promise<IdCodec>>>();
  const codecFor = (client: RegistryClient, schemaId: number): Promise<IdCodec> => {
    const byId = codecs.get(client) ?? new Map<number, Promise<IdCodec>>();
    codecs.set(client, byId);
    let codec = byId.get(schemaId);
    if (!codec) {
      codec = client.schemaById(schemaId).then((schema) => buildCodec(client, schema));
      byId.set(schemaId, codec);
      codec.catch(() => byId.delete(schemaId));
    }
    return codec;
  };
  const needRegistry = (binding: SerdeBinding) => {
    if (!binding.registry)
      throw new Error("the cluster has no schema registry; add its URL in the cluster's settings");
    return clientFor(binding.registry);
  };
  return {
    id: 'confluent',
    title: 'Confluent wire format (schema registry)',
    description:
      "Magic byte 0 and a schema id, with Avro, Protobuf or JSON Schema fetched from the cluster's Confluent-compatible schema registry",
    needsRegistry: true,
    detects: (bytes, binding) =>
      binding.registry !== undefined && bytes.length >= HEADER_BYTES && bytes[0] === MAGIC_BYTE,
    decoder(binding): Decoder {
      const client = needRegistry(binding);
      return async (bytes) => {
        const schemaId = readSchemaId(bytes);
        const codec = await codecFor(client, schemaId);
        return { value: codec.decode(bytes.subarray(HEADER_BYTES)), schema: `registry id ${schemaId}` };
      };
    },
    encoder(binding): Encoder {
      const client = needRegistry(binding);
      const subject = topicNameSubject(binding);
      return async (value) => {
        let latest: RegistrySchema;
        try {
          latest = await client.subjectVersion(subject, 'latest');
        } catch (error) {
          if (error instanceof RegistryError && error.status === 404)
            throw new Error(
              `${error.message}; register the subject's schema first, or name the subject in the serde rule`,
            );
          throw error;
        }
        const codec = await codecFor(client, latest.id);
        return frame(latest.id, codec.encode(value));
      };
    },
  };
}
