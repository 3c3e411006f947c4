import type { Serde, UploadedSchema } from '@weir/plugin-sdk';
import avro from 'avsc';
import { mainFile } from './json-value.ts';

type AvroType = ReturnType<typeof avro.Type.forSchema>;

/** avsc's registry also holds the primitive types (Avro specification, "Primitive Types"). */
const AVRO_PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/**
 * Parses an uploaded Avro schema: each file an `.avsc` JSON document, the first the top type; the
 * other files define the named types it refers to by full name, registered first in one registry.
 * @returns the top type (or `messageType`, a full name) and every named type's full name.
 * @throws Error naming the file and avsc's reason.
 */
export function parseAvro(schema: UploadedSchema, messageType?: string): { type: AvroType; types: string[] } {
  const registry: Record<string, AvroType> = {};
  const [first, ...imports] = [mainFile(schema.files), ...schema.files.slice(1)];
  let top: AvroType | undefined;
  for (const file of [...imports, first]) {
    let document: unknown;
    try {
      document = JSON.parse(file.content);
    } catch (error) {
      throw new Error(`${file.path}: is not JSON (${(error as Error).message})`);
    }
    try {
      const type = avro.Type.forSchema(document as avro.Schema, { registry });
      if (file === first) top = type;
    } catch (error) {
      throw new Error(`${file.path}: ${(error as Error).message}`);
    }
  }
  const types = Object.keys(registry)
    .filter((name) => !AVRO_PRIMITIVES.has(name))
    .sort();
  if (messageType) {
    const named = registry[messageType];
    if (!named)
      throw new Error(
        `the schema defines no type "${messageType}"; it defines ${types.join(', ') || 'no named types'}`,
      );
    return { type: named, types };
  }
  return { type: top as AvroType, types };
}

/**
 * Decodes Avro binary with an avsc type into Avro's JSON encoding (the Avro specification's
 * "JSON Encoding": unions as `{"type": value}`, bytes and fixed as strings of code points 0-255),
 * the form Confluent's kafka-avro-console-consumer prints, and reads back for produce.
 */
export function avroToJson(type: AvroType, bytes: Uint8Array): unknown {
  const value = type.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  return JSON.parse(type.toString(value));
}

/** Avro binary from a value in Avro's JSON encoding. @throws Error with the paths that do not fit. */
export function avroFromJson(type: AvroType, value: unknown): Buffer {
  let parsed: unknown;
  try {
    parsed = type.fromString(JSON.stringify(value));
  } catch (error) {
    throw new Error(
      `it does not fit the Avro schema ${type.name ?? type.typeName}: ${(error as Error).message}`,
    );
  }
  const wrong: string[] = [];
  if (!type.isValid(parsed, { errorHook: (path) => wrong.push(path.join('.') || '(the value)') }))
    throw new Error(`these fields do not fit the Avro schema: ${wrong.join(', ')}`);
  return type.toBuffer(parsed);
}

/** Avro with a schema uploaded to Weir; values in Avro's JSON encoding. */
export const avroSerde: Serde = {
  id: 'avro',
  title: 'Avro',
  description:
    'Avro binary with an uploaded .avsc schema; values in Avro\'s JSON encoding (unions as {"type": value})',
  schemaFormat: 'avro',
  describeSchema: (schema) => ({ types: parseAvro(schema).types }),
  decoder(binding) {
    if (!binding.schema) throw new Error('the rule names no Avro schema');
    const { type } = parseAvro(binding.schema, binding.messageType);
    const label = binding.schema.name;
    return (bytes) => ({ value: avroToJson(type, bytes), schema: label });
  },
  encoder(binding) {
    if (!binding.schema) throw new Error('name an Avro schema');
    const { type } = parseAvro(binding.schema, binding.messageType);
    return (value) => avroFromJson(type, value);
  },
};
