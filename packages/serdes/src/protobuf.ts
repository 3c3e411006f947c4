import type { Serde, UploadedSchema } from '@weir/plugin-sdk';
import protobuf from 'protobufjs';
import { toJsonValue } from './json-value.ts';

type Root = InstanceType<typeof protobuf.Root>;
type MessageType = InstanceType<typeof protobuf.Type>;

const commonFiles = protobuf.common as unknown as { get(file: string): Record<string, unknown> | null };

/**
 * Parses uploaded `.proto` files into one root. Imports resolve among the uploaded files by path,
 * or to the well-known `google/protobuf/*.proto` types protobufjs bundles; nothing is read from disk.
 * @returns the root, the full names of its message types, and the first file's package.
 * @throws Error naming the file (and protobufjs's line) for a file that does not parse, or an import not uploaded.
 */
export function parseProto(schema: UploadedSchema): {
  root: Root;
  types: string[];
  firstPackage: string | undefined;
} {
  const root = new protobuf.Root();
  const uploaded = new Set(schema.files.map((f) => f.path));
  const added = new Set<string>();
  let firstPackage: string | undefined;
  for (const [index, file] of schema.files.entries()) {
    let parsed: ReturnType<typeof protobuf.parse>;
    try {
      parsed = protobuf.parse(file.content, root, { keepCase: true });
    } catch (error) {
      throw new Error(`${file.path}: ${(error as Error).message}`);
    }
    if (index === 0) firstPackage = parsed.package;
    for (const imported of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
      if (uploaded.has(imported) || added.has(imported)) continue;
      const common = commonFiles.get(imported);
      if (!common)
        throw new Error(
          `${file.path} imports "${imported}", which was not uploaded; add it to the schema's files`,
        );
      root.addJSON((common as { nested: Record<string, protobuf.AnyNestedObject> }).nested);
      added.add(imported);
    }
  }
  try {
    root.resolveAll();
  } catch (error) {
    throw new Error(`the files do not resolve: ${(error as Error).message}`);
  }
  const types: string[] = [];
  const walk = (namespace: protobuf.NamespaceBase) => {
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Type) types.push(nested.fullName.replace(/^\./, ''));
      if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) walk(nested);
    }
  };
  walk(root);
  const own = types.filter(
    (t) => !t.startsWith('google.protobuf.') || [...uploaded].some((p) => p.startsWith('google/')),
  );
  return { root, types: own.sort(), firstPackage };
}

/** The message type a binding names, or the only one the schema defines. */
export function messageTypeOf(root: Root, types: string[], name: string | undefined): MessageType {
  if (!name) {
    if (types.length === 1) return root.lookupType(types[0] as string);
    throw new Error(`name the message type (messageType); the schema defines ${types.join(', ')}`);
  }
  try {
    return root.lookupType(name);
  } catch {
    throw new Error(`the schema defines no message "${name}"; it defines ${types.join(', ')}`);
  }
}

/** protobufjs's JSON view: longs and enums as strings, bytes as base64, fields at their defaults shown. */
const TO_OBJECT = { longs: String, enums: String, bytes: String, defaults: true } as const;

export function protoToJson(type: MessageType, bytes: Uint8Array): unknown {
  return toJsonValue(type.toObject(type.decode(bytes), TO_OBJECT));
}

const INTEGER = /^-?\d+$/;
/** Each integer type's range, from protobuf's scalar value types (protobuf.dev, "Scalar Value Types"). */
const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};
const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/**
 * What in a JSON value does not fit a message type, by the proto3 JSON mapping (protobuf.dev,
 * "ProtoJSON Format"): strings for string and bytes (base64) fields, numbers for 32-bit and floating
 * fields, numbers or decimal strings for 64-bit ones, names or numbers for enums, and no field the
 * message does not declare. protobufjs's `fromObject` would coerce or drop these silently.
 */
export function protoJsonProblems(type: MessageType, value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${path || 'the value'}: give a JSON object for ${type.fullName.replace(/^\./, '')}`];
  const problems: string[] = [];
  for (const [name, fieldValue] of Object.entries(value)) {
    const field = type.fields[name] ?? type.fieldsArray.find((f) => f.jsonName === name);
    const at = path ? `${path}.${name}` : name;
    if (!field) {
      problems.push(`${at}: ${type.name} has no such field`);
      continue;
    }
    if (fieldValue === null) continue;
    field.resolve();
    const check = (v: unknown, where: string) => problems.push(...fieldProblems(field, v, where));
    if (field.map) {
      if (typeof fieldValue !== 'object' || Array.isArray(fieldValue))
        problems.push(`${at}: give an object for the map`);
      else for (const [k, v] of Object.entries(fieldValue as object)) check(v, `${at}.${k}`);
    } else if (field.repeated) {
      if (!Array.isArray(fieldValue)) problems.push(`${at}: give an array for the repeated field`);
      else for (const [i, v] of fieldValue.entries()) check(v, `${at}[${i}]`);
    } else check(fieldValue, at);
  }
  return problems;
}

function fieldProblems(field: protobuf.Field, value: unknown, at: string): string[] {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return protoJsonProblems(resolved, value, at);
  if (resolved instanceof protobuf.Enum) {
    const known =
      (typeof value === 'string' && value in resolved.values) ||
      (typeof value === 'number' && Object.values(resolved.values).includes(value));
    return known ? [] : [`${at}: give one of ${Object.keys(resolved.values).join(', ')}`];
  }
  const t = field.type;
  if (t === 'string' || t === 'bytes')
    return typeof value === 'string' ? [] : [`${at}: give a string${t === 'bytes' ? ' (base64)' : ''}`];
  if (t === 'bool') return typeof value === 'boolean' ? [] : [`${at}: give true or false`];
  const range = INTEGER_RANGES[t];
  if (range) {
    const long = LONG_TYPES.has(t);
    const exact = Number.isSafeInteger(value) || (long && typeof value === 'string' && INTEGER.test(value));
    if (!exact)
      return [
        long
          ? `${at}: give an integer, as a decimal string beyond 2^53`
          : `${at}: give a number without a fraction`,
      ];
    const n = BigInt(value as number | string);
    if (n < range[0] || n > range[1])
      return [`${at}: ${String(value)} is outside ${t}'s range ${range[0]} to ${range[1]}`];
    return [];
  }
  if (t === 'double' || t === 'float') return typeof value === 'number' ? [] : [`${at}: give a number`];
  return [];
}

/** @throws Error listing what in the value does not fit the message type. */
export function protoFromJson(type: MessageType, value: unknown): Uint8Array {
  const problems = protoJsonProblems(type, value);
  if (problems.length)
    throw new Error(`it does not fit ${type.fullName.replace(/^\./, '')}: ${problems.join('; ')}`);
  return type.encode(type.fromObject(value as Record<string, unknown>)).finish();
}

/** Protobuf with `.proto` files uploaded to Weir. */
export const protobufSerde: Serde = {
  id: 'protobuf',
  title: 'Protobuf',
  description:
    'Protobuf binary with uploaded .proto files (imports by path); longs and enums shown as strings, bytes as base64',
  schemaFormat: 'protobuf',
  describeSchema: (schema) => ({ types: parseProto(schema).types }),
  decoder(binding) {
    if (!binding.schema) throw new Error('the rule names no Protobuf schema');
    const { root, types } = parseProto(binding.schema);
    const type = messageTypeOf(root, types, binding.messageType);
    const label = `${binding.schema.name} (${type.fullName.replace(/^\./, '')})`;
    return (bytes) => ({ value: protoToJson(type, bytes), schema: label });
  },
  encoder(binding) {
    if (!binding.schema) throw new Error('name a Protobuf schema');
    const { root, types } = parseProto(binding.schema);
    const type = messageTypeOf(root, types, binding.messageType);
    return (value) => protoFromJson(type, value);
  },
};
