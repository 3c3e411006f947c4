import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiProblem, createWeirClient, type SearchStreamEvent } from './index.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

// A real HTTP server standing in for Weir: each test installs the answer, the server records the request.
let answer: (request: IncomingMessage, response: ServerResponse, body: string) => void = () => {};
let seen: Seen[] = [];
const closed: string[] = [];
const server = createServer(async (request, response) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
  response.on('close', () => closed.push(request.url ?? ''));
  answer(request, response, body);
});
let baseUrl = '';

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
  answer = (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
};
const reset = () => {
  seen = [];
};
const clusterId = '9d1f0a52-3c8b-4e1a-b7a9-5a3c1e2f4d60';

test('a JSON read sends the bearer token and the query, and answers with the parsed body', async () => {
  reset();
  json(200, { freshness: {}, total: 0, items: [] });
  const client = createWeirClient({ baseUrl, auth: { bearer: 'weir_secret' } });
  const page = await client.topics.list(clusterId, { search: 'ord', internal: true, page: 2 });
  assert.deepEqual(page, { freshness: {}, total: 0, items: [] });
  const [request] = seen;
  assert.equal(request?.method, 'GET');
  assert.equal(request?.url, `/api/v1/clusters/${clusterId}/topics?search=ord&internal=true&page=2`);
  assert.equal(request?.headers.authorization, 'Bearer weir_secret');
  assert.equal(request?.headers.accept, 'application/json');
  assert.equal(request?.headers.origin, undefined);
  assert.equal(request?.headers.cookie, undefined);
});

test('names in paths are sent with the ~ escape and percent-encoding', async () => {
  reset();
  json(200, { freshness: {}, group: {}, partitions: [] });
  await createWeirClient({ baseUrl }).groups.get(clusterId, '..', { refresh: true });
  assert.equal(seen[0]?.url, `/api/v1/clusters/${clusterId}/groups/~..?refresh=true`);
});

test("cookie-authenticated writes carry the server's origin (CSRF guard); reads do not need it", async () => {
  reset();
  json(200, { name: 'orders', partitions: 3, replicationFactor: 1, validateOnly: true, warnings: [] });
  const client = createWeirClient({ baseUrl, auth: { cookie: 'weir_session=abc' } });
  await client.topics.create(clusterId, {
    name: 'orders',
    partitions: 3,
    replicationFactor: 1,
    validateOnly: true,
  });
  json(200, { user: { id: 'u', username: 'admin', role: 'admin' } });
  assert.deepEqual(await client.auth.me(), { id: 'u', username: 'admin', role: 'admin' });
  const [write, read] = seen;
  assert.equal(write?.method, 'POST');
  assert.equal(write?.headers.cookie, 'weir_session=abc');
  assert.equal(write?.headers.origin, baseUrl);
  assert.equal(write?.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(write?.body ?? ''), {
    name: 'orders',
    partitions: 3,
    replicationFactor: 1,
    validateOnly: true,
  });
  assert.equal(read?.headers.cookie, 'weir_session=abc');
  assert.equal(read?.headers.origin, undefined);
});

test('an explicit origin is sent instead, as a server behind a proxy knows itself', async () => {
  reset();
  answer = (_request, response) => response.writeHead(204).end();
  const client = createWeirClient({
    baseUrl,
    auth: { cookie: 'weir_session=abc' },
    origin: 'https://weir.example',
  });
  assert.equal(await client.topics.delete(clusterId, 'orders', 'orders'), undefined);
  assert.equal(seen[0]?.method, 'DELETE');
  assert.equal(seen[0]?.headers.origin, 'https://weir.example');
  assert.deepEqual(JSON.parse(seen[0]?.body ?? ''), { confirmName: 'orders' });
});

test('an RFC 9457 problem becomes an ApiProblem with every field the server sent', async () => {
  const problem = {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'The request is invalid: body.partitions: is 0; use at least 1.',
    problems: ['body.partitions: is 0; use at least 1.'],
  };
  answer = (_request, response) => {
    response.writeHead(400, { 'content-type': 'application/problem+json' });
    response.end(JSON.stringify(problem));
  };
  const client = createWeirClient({ baseUrl, auth: { bearer: 't' } });
  const error = await client.topics
    .create(clusterId, { name: 'x', partitions: 0, replicationFactor: 1 })
    .catch((caught: unknown) => caught);
  assert.ok(error instanceof ApiProblem);
  assert.equal(error.status, 400);
  assert.equal(error.title, 'Bad Request');
  assert.equal(error.type, 'about:blank');
  assert.equal(error.detail, problem.detail);
  assert.equal(error.message, problem.detail);
  assert.deepEqual(error.problems, problem.problems);
});

test("a 429's Retry-After is kept, and a body that is not a problem becomes the detail", async () => {
  json(
    429,
    { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'Wait.' },
    { 'retry-after': '7' },
  );
  const client = createWeirClient({ baseUrl });
  const throttled = await client.auth
    .login({ username: 'a', password: 'b' })
    .catch((caught: unknown) => caught);
  assert.ok(throttled instanceof ApiProblem);
  assert.equal(throttled.retryAfterSeconds, 7);
  assert.deepEqual(throttled.problems, []);

  answer = (_request, response) => {
    response.writeHead(502, { 'content-type': 'text/html' });
    response.end('<h1>Bad gateway</h1>');
  };
  const proxied = await client.clusters.list().catch((caught: unknown) => caught);
  assert.ok(proxied instanceof ApiProblem);
  assert.equal(proxied.status, 502);
  assert.equal(proxied.detail, '<h1>Bad gateway</h1>');
});

test('request answers with status and body whatever the status, for tests that check refusals', async () => {
  json(404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No cluster' });
  const response = await createWeirClient({ baseUrl }).request('GET', `/api/v1/clusters/${clusterId}`);
  assert.equal(response.status, 404);
  assert.deepEqual(response.body, {
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    detail: 'No cluster',
  });
});

test('login hands back the session cookie, which a second client then sends', async () => {
  json(
    200,
    { user: { id: 'u', username: 'admin', role: 'admin' } },
    { 'set-cookie': 'weir_session=s3cret; Path=/; HttpOnly; SameSite=Lax' },
  );
  const login = await createWeirClient({ baseUrl }).auth.login({ username: 'admin', password: 'pw' });
  assert.deepEqual(login, {
    user: { id: 'u', username: 'admin', role: 'admin' },
    sessionCookie: 'weir_session=s3cret',
  });
});

test('an NDJSON search yields each event as its line arrives, lines split across chunks included', async () => {
  reset();
  const events: SearchStreamEvent[] = [
    {
      type: 'start',
      partitions: [{ partition: 0, position: 0, end: 2, done: false }],
      keyPartition: null,
      keyLookup: null,
    },
    { type: 'progress', progress: { scanned: 1, matched: 0, elapsedMs: 3, partitions: [] } },
    {
      type: 'end',
      reason: 'end',
      progress: { scanned: 2, matched: 0, elapsedMs: 5, partitions: [] },
      covered: {
        start: { type: 'oldest' },
        partitions: [],
        scanned: 2,
        inRange: 2,
        total: 2,
        estimated: false,
      },
      keyLookup: null,
    },
  ];
  answer = async (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
    const text = events.map((event) => `${JSON.stringify(event)}\n`).join('');
    // Cut in the middle of lines, as TCP may.
    for (const piece of [text.slice(0, 10), text.slice(10, 90), text.slice(90)]) {
      response.write(piece);
      await sleep(5);
    }
    response.end();
  };
  const client = createWeirClient({ baseUrl, auth: { bearer: 't' } });
  const received: SearchStreamEvent[] = [];
  for await (const event of await client.messages.search(clusterId, 'orders', { filters: [] }))
    received.push(event);
  assert.deepEqual(received, events);
  assert.equal(seen[0]?.headers.accept, 'application/x-ndjson');
  assert.equal(seen[0]?.url, `/api/v1/clusters/${clusterId}/topics/orders/messages/search`);
});

test('a search refused before it streams throws the problem at the call', async () => {
  json(404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No topic "orders".' });
  const refused = await createWeirClient({ baseUrl })
    .messages.search(clusterId, 'orders', { filters: [] })
    .catch((caught: unknown) => caught);
  assert.ok(refused instanceof ApiProblem);
  assert.equal(refused.detail, 'No topic "orders".');
});

/** A live tail that sends an event every 20 ms until the client goes away. */
const endlessTail = () => {
  answer = (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const timer = setInterval(() => {
      response.write(
        `${JSON.stringify({ type: 'progress', progress: { scanned: 0, matched: 0, elapsedMs: 0, partitions: [] } })}\n`,
      );
    }, 20);
    response.on('close', () => clearInterval(timer));
  };
};
const waitUntil = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await sleep(10);
  assert.ok(condition());
};

test('aborting the signal ends a live tail and closes the connection', async () => {
  endlessTail();
  closed.length = 0;
  const abort = new AbortController();
  const client = createWeirClient({ baseUrl });
  const events = await client.messages.search(
    clusterId,
    'tail',
    { filters: [], follow: true },
    { signal: abort.signal },
  );
  let count = 0;
  const reading = (async () => {
    for await (const _event of events) if (++count === 2) abort.abort();
  })();
  await assert.rejects(reading, { name: 'AbortError' });
  assert.equal(count, 2);
  await waitUntil(() => closed.some((url) => url.includes('/topics/tail/')));
});

test('leaving the loop early also closes the connection, so the server stops searching', async () => {
  endlessTail();
  closed.length = 0;
  const client = createWeirClient({ baseUrl });
  for await (const _event of await client.messages.search(clusterId, 'early', { filters: [] })) break;
  await waitUntil(() => closed.some((url) => url.includes('/topics/early/')));
});

test("an export answers with the file's name, the search's stop reason and its body", async () => {
  answer = (_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="orders-messages.csv"',
      'x-weir-stop-reason': 'limit',
    });
    response.end('partition,offset\n0,1\n');
  };
  const file = await createWeirClient({ baseUrl }).messages.export(clusterId, 'orders', { format: 'csv' });
  assert.equal(file.filename, 'orders-messages.csv');
  assert.equal(file.stopReason, 'limit');
  assert.equal(file.contentType, 'text/csv; charset=utf-8');
  assert.equal(await file.response.text(), 'partition,offset\n0,1\n');
});

test('config changes preview with POST …/preview and apply with PATCH', async () => {
  reset();
  json(200, {
    resource: { type: 'broker', name: '' },
    changes: [],
    applied: false,
    api: 'IncrementalAlterConfigs',
  });
  const client = createWeirClient({ baseUrl, auth: { bearer: 't' } });
  await client.brokers.defaultConfigs(clusterId).preview([{ name: 'log.retention.ms', value: null }]);
  await client.topics.configs(clusterId, 'orders').apply([{ name: 'retention.ms', value: '1000' }]);
  assert.deepEqual(
    seen.map((request) => `${request.method} ${request.url}`),
    [
      `POST /api/v1/clusters/${clusterId}/broker-defaults/configs/preview`,
      `PATCH /api/v1/clusters/${clusterId}/topics/orders/configs`,
    ],
  );
});

test('timeoutMs aborts a JSON request that takes too long, but never a stream', async () => {
  answer = () => {}; // never answers
  const client = createWeirClient({ baseUrl, timeoutMs: 100 });
  await assert.rejects(client.clusters.list(), { name: 'TimeoutError' });

  endlessTail();
  const abort = new AbortController();
  let count = 0;
  const started = Date.now();
  const reading = (async () => {
    const events = await client.messages.search(
      clusterId,
      'slow',
      { filters: [], follow: true },
      { signal: abort.signal },
    );
    for await (const _event of events) if (++count === 10) abort.abort();
  })();
  await assert.rejects(reading, { name: 'AbortError' });
  assert.equal(count, 10);
  assert.ok(Date.now() - started > 150, 'the stream outlived the timeout');
});
