import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { Problem } from '@weir/api';
import Fastify from 'fastify';
import { checkDeclaredResponses } from './declared-responses.ts';

async function appAnswering(body: unknown, status: 200 | 404 = 200, errors: string[] = []) {
  const http = Fastify();
  http.addSchema(Problem);
  checkDeclaredResponses(http);
  http.setErrorHandler((error: Error, _request, reply) => {
    errors.push(error.message);
    return reply.code(500).send();
  });
  http.get(
    '/thing',
    {
      schema: {
        response: {
          200: Type.Object({ name: Type.String(), inner: Type.Array(Type.Object({ n: Type.Integer() })) }),
          404: Type.Ref('Problem'),
        },
      },
    },
    async (_request, reply) => reply.code(status).send(body),
  );
  await http.ready();
  return http;
}

test('a response with only declared fields passes', async () => {
  const http = await appAnswering({ name: 'a', inner: [{ n: 1 }] });
  const response = await http.inject({ url: '/thing' });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { name: 'a', inner: [{ n: 1 }] });
});

test('a response carrying a field its schema does not declare fails, naming the route and the field', async () => {
  const errors: string[] = [];
  const http = await appAnswering({ name: 'a', inner: [{ n: 1, secret: 'x' }] }, 200, errors);
  const response = await http.inject({ url: '/thing' });
  assert.equal(response.statusCode, 500);
  assert.match(errors[0] ?? '', /GET \/thing 200/);
  assert.match(errors[0] ?? '', /\/inner\/0\/secret/);
});

test('an error body is checked against the referenced Problem schema', async () => {
  const errors: string[] = [];
  const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'd', extra: 1 };
  const http = await appAnswering(problem, 404, errors);
  const response = await http.inject({ url: '/thing' });
  assert.equal(response.statusCode, 500);
  assert.match(errors[0] ?? '', /GET \/thing 404 .*\/extra/);
});
