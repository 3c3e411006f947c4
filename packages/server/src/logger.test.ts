import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import Fastify from 'fastify';
import { loggerOptions } from './logger.ts';

test('secrets never reach the log: headers, passwords, tokens, database URLs', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const options = loggerOptions('info') as Record<string, unknown>;
  const app = Fastify({ logger: { ...options, stream } });
  app.log.info(
    {
      req: { headers: { authorization: 'Bearer weir_pat_secret1', cookie: 'weir_session=secret2' } },
      cluster: { saslPassword: 'secret3', privateKey: 'secret4' },
      user: { password: 'secret5', token: 'secret6' },
      config: { databaseUrl: 'postgres://u:secret7@db/weir' },
    },
    'something happened',
  );
  await app.close();
  const output = lines.join('');
  assert.match(output, /something happened/);
  for (let i = 1; i <= 7; i += 1)
    assert.equal(output.includes(`secret${i}`), false, `secret${i} leaked: ${output}`);
  assert.match(output, /\[redacted\]/);
});
