import type { Serde, UploadedSchema } from '@weir/plugin-sdk';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { mainFile } from './json-value.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const describe = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');

/**
 * Compiles an uploaded JSON Schema: draft 2020-12 (or 2019-09) when its `$schema` says so, else
 * draft-07, the dialect most JSON Schemas in the Confluent world use. Other files are schemas it
 * `$ref`s by their `$id`.
 * @throws Error naming the file and Ajv's reason.
 */
export function compileJsonSchema(schema: UploadedSchema): ValidateFunction {
  const documents = schema.files.map((file) => {
    try {
      return { path: file.path, document: JSON.parse(file.content) as Record<string, unknown> };
    } catch (error) {
      throw new Error(`${file.path}: is not JSON (${(error as Error).message})`);
    }
  });
  const top = documents[0] ?? { path: mainFile(schema.files).path, document: {} };
  const dialect = String(top.document.$schema ?? '');
  const ajv = /2020-12|2019-09/.test(dialect)
    ? new Ajv2020({ allErrors: true, strict: false })
    : new Ajv({ allErrors: true, strict: false });
  for (const { path, document } of documents.slice(1)) {
    try {
      ajv.addSchema(document);
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
  }
  try {
    return ajv.compile(top.document);
  } catch (error) {
    throw new Error(`${top.path}: ${(error as Error).message}`);
  }
}

/** UTF-8 JSON checked against an uploaded JSON Schema. */
export const jsonSchemaSerde: Serde = {
  id: 'json-schema',
  title: 'JSON with a JSON Schema',
  description:
    'UTF-8 JSON, checked against an uploaded JSON Schema: a record that breaks it is still shown, with what is wrong',
  schemaFormat: 'json-schema',
  describeSchema(schema) {
    compileJsonSchema(schema);
    return { types: [] };
  },
  decoder(binding) {
    if (!binding.schema) throw new Error('the rule names no JSON Schema');
    const validate = compileJsonSchema(binding.schema);
    const name = binding.schema.name;
    return (bytes) => {
      let value: unknown;
      try {
        value = JSON.parse(utf8.decode(bytes));
      } catch (error) {
        throw new Error(`not JSON: ${(error as Error).message}`);
      }
      return { value, schema: validate(value) ? name : `${name} (invalid: ${describe(validate.errors)})` };
    };
  },
  encoder(binding) {
    if (!binding.schema) throw new Error('name a JSON Schema');
    const validate = compileJsonSchema(binding.schema);
    return (value) => {
      if (!validate(value)) throw new Error(`it breaks the JSON Schema: ${describe(validate.errors)}`);
      return Buffer.from(JSON.stringify(value), 'utf8');
    };
  },
};
