import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing.ts';

type Node = Record<string, unknown>;

/** Every schema object in `node`, with the JSON path it sits at. */
function* schemas(node: unknown, path: string): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* schemas(item, `${path}[${index}]`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  yield [path, node as Node];
  for (const [key, value] of Object.entries(node)) yield* schemas(value, `${path}.${key}`);
}

describe('the OpenAPI document', () => {
  let app: TestApp;
  let document: Node;
  before(async () => {
    app = await createTestApp();
    document = app.http.swagger() as unknown as Node;
  });
  after(() => app.close());

  test('no property or parameter with a default is marked required', () => {
    const wrong: string[] = [];
    for (const [path, node] of schemas(document, '$')) {
      const properties = node.properties as Record<string, Node> | undefined;
      for (const name of Array.isArray(node.required) ? (node.required as string[]) : []) {
        if (properties?.[name]?.default !== undefined) wrong.push(`${path}.properties.${name}`);
      }
      const parameter = node.schema as Node | undefined;
      if (typeof node.in === 'string' && parameter?.default !== undefined && node.required === true)
        wrong.push(`${path} (${String(node.in)} parameter ${String(node.name)})`);
    }
    assert.deepEqual(wrong, []);
  });

  test('the cases users reported: topic-list query and cluster settings', () => {
    const paths = document.paths as Record<string, Record<string, Node>>;
    const list = paths['/api/v1/clusters/{id}/topics']!.get!.parameters as Node[];
    for (const name of ['internal', 'sort', 'order', 'page', 'pageSize', 'refresh']) {
      const parameter = list.find((p) => p.name === name);
      assert.ok(parameter, name);
      assert.notEqual(parameter.required, true, name);
    }
    const body = paths['/api/v1/clusters']!.post!.requestBody as Node;
    const schema = ((body.content as Node)['application/json'] as Node).schema as Node;
    const required = schema.required as string[];
    assert.deepEqual(required.sort(), ['bootstrapServers', 'name']);
  });

  test('every request body object refuses unknown fields, and every pattern has a rule for people', () => {
    const open: string[] = [];
    const rawPatterns: string[] = [];
    const paths = document.paths as Record<string, Record<string, Node>>;
    for (const [url, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const parts = [operation.requestBody, operation.parameters];
        for (const [path, node] of schemas(parts, `${method.toUpperCase()} ${url}`)) {
          // A record (additionalProperties: {schema}) names no fields, so it has none to be unknown.
          const closed = node.additionalProperties === false || typeof node.additionalProperties === 'object';
          if (node.type === 'object' && !closed) open.push(path);
          if (typeof node.pattern === 'string' && typeof node['x-rule'] !== 'string') rawPatterns.push(path);
        }
      }
    }
    assert.deepEqual(open, []);
    assert.deepEqual(rawPatterns, []);
  });

  test('every /api operation describes a 2xx answer with declared fields and the errors it can answer', () => {
    const bare: string[] = [];
    const noSuccess: string[] = [];
    const noErrors: string[] = [];
    const paths = document.paths as Record<string, Record<string, Node>>;
    for (const [url, methods] of Object.entries(paths)) {
      if (!url.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${url}`;
        const responses = (operation.responses ?? {}) as Record<string, Node>;
        const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
        if (success.length === 0) noSuccess.push(name);
        if (!Object.keys(responses).some((status) => /^[45]/.test(status))) noErrors.push(name);
        for (const [status, response] of success) {
          for (const [path, node] of schemas(response.content, `${name} ${status}`)) {
            // OpenAPI 3.0 has no null type: the swagger plugin writes a union's null branch as a
            // property-less `nullable` object, which declares nothing because it holds nothing.
            if (
              node.type === 'object' &&
              Object.keys((node.properties ?? {}) as Node).length === 0 &&
              node.additionalProperties !== false &&
              // A record (values of one declared schema under any key) names no fields but is typed.
              typeof node.additionalProperties !== 'object' &&
              node.patternProperties === undefined &&
              node.nullable !== true
            )
              bare.push(path);
          }
        }
      }
    }
    assert.deepEqual(noSuccess, []);
    assert.deepEqual(noErrors, []);
    assert.deepEqual(bare, []);
  });
});
