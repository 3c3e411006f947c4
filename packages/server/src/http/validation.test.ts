import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing.ts';

// A cluster id nobody registered: a request that passes validation answers 404, one that fails, 400.
const clusterId = '0b6f3c1e-7d0a-4c5b-9a7e-2f1d8c9b4a10';
const validCluster = { name: 'c', bootstrapServers: ['127.0.0.1:1'] };

interface Problem {
  status: number;
  detail: string;
  problems?: string[];
}

describe('request validation: strict bodies, problems that say what to fix', () => {
  let app: TestApp;
  let cookie: string;
  before(async () => {
    app = await createTestApp();
    cookie = await app.login();
  });
  after(() => app.close());

  const send = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const response = await app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie },
      payload: payload as string,
    });
    return {
      status: response.statusCode,
      type: response.headers['content-type'],
      problem: response.json() as Problem,
    };
  };
  const problemsOf = async (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const { status, problem } = await send(method, url, payload);
    assert.equal(status, 400, JSON.stringify(problem));
    return problem.problems ?? [];
  };

  test('bodies are not coerced: a number for a string, a string for a number or a list are errors', async () => {
    const name = await problemsOf('POST', '/clusters', { ...validCluster, name: 123 });
    assert.deepEqual(name, ['body.name: must be a string, not a number (123); send it in quotes: "123".']);
    const partitions = await problemsOf('POST', `/clusters/${clusterId}/topics`, {
      name: 't',
      partitions: '3',
      replicationFactor: 1,
    });
    assert.deepEqual(partitions, [
      'body.partitions: must be a whole number, not a string ("3"); send it without quotes: 3.',
    ]);
    const tags = await problemsOf('POST', '/clusters', { ...validCluster, tags: 'a' });
    assert.deepEqual(tags, ['body.tags: must be a list, not a string ("a"); send a list, e.g. ["a"].']);
    const flag = await problemsOf('POST', `/clusters/${clusterId}/topics`, {
      name: 't',
      partitions: 1,
      replicationFactor: 1,
      validateOnly: 'true',
    });
    assert.deepEqual(flag, [
      'body.validateOnly: must be a boolean, not a string ("true"); send true or false without quotes.',
    ]);
  });

  test('a secret of the wrong type is not echoed back', async () => {
    const problems = await problemsOf('POST', '/clusters', {
      ...validCluster,
      securityProtocol: 'SASL_PLAINTEXT',
      sasl: { mechanism: 'PLAIN', username: 'alice', password: 918273645 },
    });
    assert.deepEqual(problems, [
      'body.sasl.password: must be a string (the value sent is not shown: the field is write-only).',
    ]);
  });

  test('query strings and path parameters are text, so they are still converted', async () => {
    const { status, problem } = await send(
      'GET',
      `/clusters/${clusterId}/topics?page=2&pageSize=10&internal=true`,
    );
    assert.equal(status, 404, JSON.stringify(problem));
    const bad = await send('GET', `/clusters/${clusterId}/topics?page=two`);
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.problem.problems, [
      'querystring.page: must be a whole number, not a string ("two"); send a JSON number.',
    ]);
  });

  test('unknown fields are refused at every depth, inside message headers too', async () => {
    const top = await problemsOf('POST', '/clusters', { ...validCluster, colour: 'red' });
    assert.equal(top.length, 1);
    assert.match(
      top[0]!,
      /^body\.colour: is not a known field; remove it \(known fields: name, description, tags,/,
    );
    const header = await problemsOf('POST', `/clusters/${clusterId}/topics/orders/messages`, {
      messages: [{ value: 'v', headers: [{ name: 'h', value: 'x', encoding: 'base64' }] }],
    });
    assert.deepEqual(header, [
      'body.messages[0].headers[0].encoding: is not a known field; remove it (known fields: name, value).',
    ]);
  });

  test('a wrong enum lists the allowed values once', async () => {
    const { problem } = await send('POST', '/clusters', { ...validCluster, securityProtocol: 'TLS' });
    assert.deepEqual(problem.problems, [
      'body.securityProtocol: is "TLS"; use one of "PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL".',
    ]);
    assert.doesNotMatch(problem.detail, /equal to constant|anyOf/);
  });

  test('a union reports only the branch its discriminator chose', async () => {
    const url = `/clusters/${clusterId}/groups/g/offsets/preview`;
    assert.deepEqual(await problemsOf('POST', url, { to: { type: 'offset', offset: -5 } }), [
      'body.to.offset: is -5; use at least 0.',
    ]);
    assert.deepEqual(await problemsOf('POST', url, { to: { type: 'timestamp' } }), [
      'body.to.timestamp: is missing; add it (Epoch milliseconds).',
    ]);
    assert.deepEqual(await problemsOf('POST', url, { to: { type: 'yesterday' } }), [
      'body.to.type: is "yesterday"; use one of "earliest", "latest", "timestamp", "offset", "shift".',
    ]);
    assert.deepEqual(await problemsOf('POST', url, { to: { type: 'shift', by: 1, offset: 3 } }), [
      'body.to.offset: is not a known field; remove it (known fields: type, by).',
    ]);
  });

  test('a pattern is explained by its rule and an example, never the regular expression', async () => {
    const problems = await problemsOf('POST', '/clusters', {
      ...validCluster,
      name: 'tab\there',
      connectUrls: ['ftp://connect:8083'],
    });
    assert.deepEqual(problems, [
      'body.name: "tab\\there" is not allowed; remove control characters such as tabs and line breaks.',
      'body.connectUrls[0]: "ftp://connect:8083" is not allowed; use an http:// or https:// URL, e.g. http://connect1:8083.',
    ]);
  });

  test('bootstrap and ZooKeeper addresses are checked in full, each problem with the fix', async () => {
    for (const url of ['/clusters', '/clusters/test']) {
      const problems = await problemsOf('POST', url, {
        name: 'c',
        bootstrapServers: ['broker1:99999', 'broker1', '::1:9092', 'bro\u0001ker:9092', '[::1]:9092'],
        zookeeperConnect: 'zk1:0/kafka',
      });
      assert.deepEqual(problems, [
        'body.bootstrapServers[0]: port "99999" is not a number from 1 to 65535; use host:port, e.g. broker1:9092 or [::1]:9092.',
        'body.bootstrapServers[1]: "broker1" has no port; use host:port, e.g. broker1:9092 or [::1]:9092.',
        'body.bootstrapServers[2]: "::1:9092" looks like an IPv6 address; put it in brackets, e.g. [::1:9092]:9092.',
        'body.bootstrapServers[3]: "bro\\u0001ker:9092" contains a control character; remove it.',
        'body.zookeeperConnect: server 1: port "0" is not a number from 1 to 65535; use host:port, e.g. broker1:2181 or [::1]:2181.',
      ]);
    }
  });

  test('a __proto__ key is refused by name, not as invalid JSON', async () => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/clusters',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"name":"c","bootstrapServers":["a:1"],"__proto__":{"admin":true}}',
    });
    assert.equal(response.statusCode, 400);
    assert.match(
      response.json().detail,
      /has a "__proto__" key, which Weir refuses .*; remove or rename that key/,
    );
    assert.doesNotMatch(response.json().detail, /not valid JSON/);
  });

  test('broken JSON says where it breaks', async () => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/v1/clusters',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"name": "c",}',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().detail, /^The body is not valid JSON \(.*position 13.*\)/);
  });

  test('a DELETE without a body names the confirmation field it needs', async () => {
    const cases = [
      [`/clusters/${clusterId}`, 'confirmName', "The cluster's exact name"],
      [`/clusters/${clusterId}/topics/orders`, 'confirmName', "The topic's exact name"],
      [`/clusters/${clusterId}/groups/g1/offsets/orders`, 'confirmName', "The group's exact id"],
    ] as const;
    for (const [url, field, description] of cases) {
      const problems = await problemsOf('DELETE', url);
      assert.equal(problems.length, 1);
      assert.ok(problems[0]!.includes(`{"${field}":"…"}`), problems[0]);
      assert.ok(problems[0]!.includes(description), problems[0]);
    }
  });
});

describe("the framework's own refusals are problem documents too", () => {
  let app: TestApp;
  let cookie: string;
  before(async () => {
    app = await createTestApp();
    cookie = await app.login();
  });
  after(() => app.close());

  const inject = async (options: {
    method: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: string;
  }) => {
    const response = await app.http.inject({ ...options, headers: { cookie, ...options.headers } });
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    return { status: response.statusCode, problem: response.json() as Problem };
  };

  test('a 249-character topic name reaches its route (Kafka allows 249); longer segments are a 414 problem', async () => {
    const longest = 'a'.repeat(249);
    const read = await inject({ method: 'GET', url: `/api/v1/clusters/${clusterId}/topics/${longest}` });
    assert.equal(read.status, 404);
    assert.match(read.problem.detail, /^No cluster with id/);
    const tooLong = await inject({
      method: 'GET',
      url: `/api/v1/clusters/${clusterId}/groups/${'g'.repeat(3 * 32_767 + 1)}`,
    });
    assert.equal(tooLong.status, 414);
    assert.match(tooLong.problem.detail, /longer than 98301 characters/);
  });

  test('no route, bad percent-encoding, unsupported media type and an oversized body', async () => {
    const none = await inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    assert.equal(none.status, 404);
    assert.match(none.problem.detail, /No API route GET \/api\/v1\/no-such-thing/);
    const badUrl = await inject({ method: 'GET', url: `/api/v1/clusters/${clusterId}/groups/100%` });
    assert.equal(badUrl.status, 400);
    assert.match(badUrl.problem.detail, /is not valid percent-encoding; write a literal "%" as %25/);
    const media = await inject({
      method: 'POST',
      url: '/api/v1/clusters',
      headers: { 'content-type': 'application/xml' },
      payload: '<cluster/>',
    });
    assert.equal(media.status, 415);
    assert.match(media.problem.detail, /application\/xml.*JSON/);
    const big = await inject({
      method: 'POST',
      url: '/api/v1/clusters',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ description: 'x'.repeat(6 * 1024 * 1024) }),
    });
    assert.equal(big.status, 413);
    assert.match(big.problem.detail, /larger than this endpoint accepts \(5242880 bytes\)/);
  });

  test("a request line over Node's header limit gets a 431 problem on the socket", async () => {
    await app.http.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.http.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port, path: `/api/v1/clusters/${'x'.repeat(20_000)}` },
        (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              type: String(response.headers['content-type']),
              body,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
    assert.equal(answer.status, 431);
    assert.equal(answer.type, 'application/problem+json');
    assert.match(JSON.parse(answer.body).detail, /larger than 16 KiB; shorten the URL/);
  });
});
