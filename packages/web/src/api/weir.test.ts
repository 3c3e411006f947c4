import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiProblem, errorText } from './weir.ts';

const problem = (detail: string, problems: string[]) =>
  new ApiProblem({ type: 'about:blank', title: 'Bad Request', status: 400, detail, problems });

test('each problem shows once: not again when the detail already says it', () => {
  const port = 'body.bootstrapServers[0]: "broker-1" has no port; use host:port.';
  assert.equal(
    errorText(problem(`The cluster settings are incomplete: ${port}`, [port])),
    `The cluster settings are incomplete: ${port}`,
  );
  assert.equal(
    errorText(problem('The request is invalid.', ['body.a: is missing.', 'body.b: is not a known field.'])),
    'The request is invalid. (body.a: is missing.; body.b: is not a known field.)',
  );
  assert.equal(errorText(new Error('Failed to fetch')), 'Failed to fetch');
});
