import type { Serde, UploadedSchema } from '@weir/plugin-sdk';
import avro from 'avsc';
import { mainFile } from './json-value.ts';

type AvroType = ReturnType<typeof avro.Type.forSchema>;

/**
 * Avro's long as a BigInt, so 64-bit values keep every digit: in Avro's JSON encoding a long within
 * ±2^53 is a number and one beyond is a decimal string; either is read back, and a number beyond 2^53
 * (already rounded by JSON) is refused. avsc hands these hooks the long as 8 little-endian bytes.
 */
const EXACT_LONG = avro.types.LongType.__with({
  fromBuffer: (buffer: Buffer) => buffer.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigInt64LE(n);
    return buffer;
  },
  fromJSON: (value: unknown) => {
    if (typeof value === 'number' && !Number.isSafeInteger(value))
      throw new Error(
        `the long ${value} is beyond 2^53, where JSON numbers lose digits; give it as a decimal string`,
      );
    if (typeof value !== 'number' && !(typeof value === 'string' && /^-?\d+$/.test(value)))
      throw new Error(`give a long as an integer or a decimal string, not ${JSON.stringify(value)}`);
    return BigInt(value);
  },
  toJSON: (n: bigint) => (n >= -(2n ** 53n) && n <= 2n ** 53n ? Number(n) : String(n)),
  isValid: (n: unknown) => typeof n === 'bigint' && n >= -(2n ** 63n) && n < 2n ** 63n,
  compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

/** avsc's registry also holds the primitive types (Avro specification, "Primitive Types"). */
const AVRO_PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/**
 * Parses an uploaded Avro schema: each file an `.avsc` JSON document, the first the top type; the
 * other files define the named types it refers to by full name, registered first in one registry.
 * @returns the top type (or `messageType`, a full name) and every named type's full name.
 * @throws Error naming the file and avsc's reason.
 */
export function parseAvro(schema: UploadedSchema, messageType?: string): { type: AvroType; types: string[] } {
  const registry: Record<string, AvroType> = { long: EXACT_LONG };
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

/**
 * The fields of `value` its Avro type does not have, by path: avsc would drop them silently.
 * Records (and errors), arrays, maps and wrapped unions (`{"branch": value}`) are walked.
 */
function unknownFields(type: AvroType, value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const t = type as AvroType & {
    typeName: string;
    fields?: { name: string; type: AvroType }[];
    itemsType?: AvroType;
    valuesType?: AvroType;
    types?: (AvroType & { branchName?: string })[];
  };
  if ((t.typeName === 'record' || t.typeName === 'error') && t.fields && !Array.isArray(value)) {
    const known = new Map(t.fields.map((f) => [f.name, f.type]));
    return Object.entries(value).flatMap(([key, child]) => {
      const fieldType = known.get(key);
      return fieldType ? unknownFields(fieldType, child, `${path}.${key}`) : [`${path}.${key}`];
    });
  }
  if (t.typeName === 'array' && t.itemsType && Array.isArray(value))
    return value.flatMap((item, i) => unknownFields(t.itemsType as AvroType, item, `${path}[${i}]`));
  if (t.typeName === 'map' && t.valuesType)
    return Object.entries(value).flatMap(([key, child]) =>
      unknownFields(t.valuesType as AvroType, child, `${path}.${key}`),
    );
  if (t.typeName === 'union:wrapped' && t.types) {
    const [branch, child] = Object.entries(value)[0] ?? [];
    const chosen = t.types.find((b) => b.branchName === branch);
    return chosen ? unknownFields(chosen, child, path) : [];
  }
  return [];
}

/** Avro binary from a value in Avro's JSON encoding. @throws Error naming the fields that do not fit. */
export function avroFromJson(type: AvroType, value: unknown): Buffer {
  const unknown = unknownFields(type, value, '$');
  if (unknown.length)
    throw new Error(`the Avro schema ${type.name ?? type.typeName} has no field ${unknown.join(', ')}`);
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
