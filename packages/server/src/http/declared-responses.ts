import { Kind, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { Problem } from '@weir/api';
import type { FastifyInstance } from 'fastify';

type Node = Record<string | symbol, unknown>;

/**
 * `schema` with every object made strict (`additionalProperties: false` wherever it is not set),
 * `Type.Ref(id)` replaced by the schema `resolve(id)` answers, and string formats dropped (the check
 * is about which fields are sent; formats are the serialiser's business). Symbol keys (TypeBox's
 * `Kind`) are kept, so TypeBox can still check the result.
 */
export function strictSchema(schema: unknown, resolve: (id: string) => unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => strictSchema(item, resolve));
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = schema as Node;
  if (typeof node.$ref === 'string') return strictSchema(resolve(node.$ref), resolve);
  const copy: Node = {};
  for (const key of Reflect.ownKeys(node)) {
    // A string is the keyword; an object under `format` is a property of that name.
    if ((key === 'format' || key === '$id') && typeof node[key] === 'string') continue;
    copy[key] = typeof key === 'symbol' ? node[key] : strictSchema(node[key], resolve);
  }
  if (copy.type === 'object' && copy.properties !== undefined && copy.additionalProperties === undefined)
    copy.additionalProperties = false;
  return copy;
}

/**
 * Makes every JSON response of `http` fail loudly (a thrown error, so the request answers 500 and
 * the test sees it) when its body does not match the route's declared response schema for its
 * status with undeclared fields refused. Fastify's serialiser would silently drop such a field, so a
 * field the contract forgot would never reach a client; this turns that into a failing test.
 * Test apps only: it costs a schema walk per response.
 */
export function checkDeclaredResponses(http: FastifyInstance): void {
  const cache = new WeakMap<object, TSchema>();
  // Fastify's own copy of a shared schema has lost TypeBox's symbols, so refs resolve to the contract's.
  const shared: Record<string, TSchema> = { Problem };
  const resolve = (id: string): unknown => {
    const found = shared[id];
    if (found === undefined) throw new Error(`response check: no shared schema with $id ${id}`);
    return found;
  };
  http.addHook('preSerialization', async (request, reply, payload) => {
    const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    if (responses === undefined) return payload;
    const status = reply.statusCode;
    const declared =
      responses[status] ?? responses[`${String(status)[0]}xx`] ?? responses.default ?? undefined;
    // A status the route does not declare (Fastify's own 413/415, the login throttle's 429) is not
    // checked yet: declaring those in @weir/api is left to the routes' owners.
    if (declared === undefined) return payload;
    let strict = cache.get(declared as object);
    if (strict === undefined) {
      strict = strictSchema(declared, resolve) as TSchema;
      cache.set(declared as object, strict);
    }
    if (!(Kind in strict))
      throw new Error(`response check: ${route} ${status} has no TypeBox response schema`);
    const body: unknown = JSON.parse(JSON.stringify(payload));
    if (!Value.Check(strict, body)) {
      const errors = [...Value.Errors(strict, body)]
        .slice(0, 5)
        .map((error) => `${error.path || '/'}: ${error.message}`);
      throw new Error(`response check: ${route} ${status} does not match its schema: ${errors.join('; ')}`);
    }
    return payload;
  });
}
