import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UploadedSchema } from '@weir/plugin-sdk';
import { jsonSchemaSerde } from './json-schema.ts';

const schema: UploadedSchema = {
  name: 'items',
  format: 'json-schema',
  files: [
    {
      path: 'item.json',
      content: JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        required: ['sku', 'price'],
        properties: { sku: { type: 'string' }, price: { $ref: 'https://example.com/money.json' } },
      }),
    },
    {
      path: 'money.json',
      content: JSON.stringify({ $id: 'https://example.com/money.json', type: 'number', minimum: 0 }),
    },
  ],
};
const binding = { clusterId: 'c', topic: 't', part: 'value' as const, schema };

test('a record that fits is shown with the schema; one that breaks it is still shown, saying what is wrong', async () => {
  const decode = await jsonSchemaSerde.decoder(binding);
  assert.deepEqual(await decode(Buffer.from('{"sku":"A-1","price":3}')), {
    value: { sku: 'A-1', price: 3 },
    schema: 'items',
  });
  const broken = await decode(Buffer.from('{"sku":5,"price":-1}'));
  assert.deepEqual(broken.value, { sku: 5, price: -1 });
  assert.match(broken.schema ?? '', /^items \(invalid: \/sku must be string; \/price must be >= 0\)$/);
  await assert.rejects(async () => decode(Buffer.from('{oops')), /not JSON/);
});

test('produce refuses a value that breaks the schema, and a schema that does not compile is named', async () => {
  const encode = await (jsonSchemaSerde.encoder?.(binding) ?? assert.fail('no encoder'));
  assert.equal(Buffer.from(await encode({ sku: 'B', price: 1 })).toString(), '{"sku":"B","price":1}');
  assert.throws(() => encode({ sku: 'B' }), /breaks the JSON Schema: \/ must have required property 'price'/);
  assert.throws(
    () =>
      jsonSchemaSerde.describeSchema?.({ ...schema, files: [{ path: 'bad.json', content: '{"type": 12}' }] }),
    /bad\.json: /,
  );
});
