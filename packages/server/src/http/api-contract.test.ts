/**
 * The one contract every client shares. The console, the CLI and the integration tests all reach
 * the server through `@weir/api` (its `routes`, `paths` and `createWeirClient`), so checking that
 * package against the server's router covers all three:
 * - every `routes` entry is registered with the methods the client uses, and every /api route is in
 *   `routes`;
 * - every `paths` builder fills its own pattern, and the server's router matches the URL it builds,
 *   also for names HTTP clients mangle (`.`, `..`, `~x`) and for the longest topic name (249).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { API_PREFIX, paths, routes } from '@weir/api';
import { createTestApp } from '../testing.ts';

type ServerApp = Awaited<ReturnType<typeof createTestApp>>;
let app: ServerApp;

before(async () => {
  app = await createTestApp();
});
after(() => app.close());

const declared = Object.entries(routes).flatMap(([noun, patterns]) =>
  Object.entries(patterns as Record<string, string>).map(([name, pattern]) => ({ noun, name, pattern })),
);

/** Method and pattern (relative to the prefix) of every API route the server registers. */
const registered = () =>
  app.routes
    .filter((route) => route.url.startsWith(`${API_PREFIX}/`) && route.method !== 'HEAD')
    .map((route) => ({ method: route.method, pattern: route.url.slice(API_PREFIX.length) }));

test('every route in @weir/api is registered by the server, and every /api route is in @weir/api', () => {
  const patterns = new Set(declared.map((route) => route.pattern));
  const served = registered();
  assert.deepEqual(
    served.filter((route) => !patterns.has(route.pattern)).map((route) => `${route.method} ${route.pattern}`),
    [],
    'the server registers routes that no client can name',
  );
  const servedPatterns = new Set(served.map((route) => route.pattern));
  assert.deepEqual(
    declared
      .filter((route) => !servedPatterns.has(route.pattern))
      .map((route) => `${route.noun}.${route.name}`),
    [],
    'routes names paths the server does not serve',
  );
});

// The methods the shared client sends to each pattern (see packages/api/src/client.ts).
const CLIENT_METHODS: Record<string, string[]> = {
  'auth.login': ['POST'],
  'auth.logout': ['POST'],
  'auth.me': ['GET'],
  'auth.password': ['POST'],
  'auth.tokens': ['GET', 'POST'],
  'auth.token': ['DELETE'],
  'audit.list': ['GET'],
  'plugins.list': ['GET'],
  'plugins.one': ['GET'],
  'plugins.settings': ['GET', 'PUT'],
  'plugins.state': ['PUT'],
  'schemas.list': ['GET', 'POST'],
  'schemas.one': ['GET', 'PUT', 'DELETE'],
  'serdes.list': ['GET'],
  'serdes.rules': ['GET', 'PUT'],
  'serdes.topic': ['GET'],
  'health.checks': ['GET'],
  'clusters.list': ['GET', 'POST'],
  'clusters.test': ['POST'],
  'clusters.one': ['GET', 'PUT', 'DELETE'],
  'clusters.overview': ['GET'],
  'clusters.zookeeper': ['GET'],
  'brokers.list': ['GET'],
  'brokers.one': ['GET'],
  'brokers.configs': ['PATCH'],
  'brokers.configsPreview': ['POST'],
  'brokers.defaultConfigs': ['PATCH'],
  'brokers.defaultConfigsPreview': ['POST'],
  'topics.presets': ['GET'],
  'topics.list': ['GET', 'POST'],
  'topics.one': ['GET', 'DELETE'],
  'topics.partitions': ['POST'],
  'topics.truncatePreview': ['POST'],
  'topics.truncate': ['POST'],
  'topics.clone': ['POST'],
  'topics.configs': ['PATCH'],
  'topics.configsPreview': ['POST'],
  'topics.messageCount': ['GET', 'POST'],
  'groups.list': ['GET'],
  'groups.one': ['GET', 'DELETE'],
  'groups.offsetsPreview': ['POST'],
  'groups.offsetsReset': ['POST'],
  'groups.topicOffsets': ['DELETE'],
  'security.acls': ['GET'],
  'security.quotas': ['GET'],
  'security.scramUsers': ['GET'],
  'messages.list': ['GET', 'POST'],
  'messages.search': ['POST'],
  'messages.export': ['POST'],
  'replicas.plan': ['POST'],
  'replicas.reassignments': ['POST'],
  'replicas.replicationFactor': ['POST'],
  'replicas.elections': ['POST'],
  'jobs.list': ['GET'],
  'jobs.one': ['GET'],
  'jobs.cancel': ['POST'],
};

test("each route's methods, as the shared client sends them, are the methods the server registers", () => {
  assert.deepEqual(
    Object.keys(CLIENT_METHODS).sort(),
    declared.map((route) => `${route.noun}.${route.name}`).sort(),
    'every route has its client methods listed here',
  );
  const served = registered();
  for (const { noun, name, pattern } of declared) {
    const methods = served
      .filter((route) => route.pattern === pattern)
      .map((route) => route.method)
      .sort();
    assert.deepEqual(
      methods,
      [...(CLIENT_METHODS[`${noun}.${name}`] ?? [])].sort(),
      `${noun}.${name} ${pattern}`,
    );
  }
});

// Names HTTP clients and routers mangle, and the longest name Kafka allows a topic.
const AWKWARD = ['.', '..', '~x', '~', 'a.b', 'x'.repeat(249)];

test("the server's router matches every path a builder makes, for awkward names too", async () => {
  const builders = paths as unknown as Record<string, Record<string, (...args: unknown[]) => string>>;
  const served = registered();
  for (const { noun, name, pattern } of declared) {
    const build: ((...args: unknown[]) => string) | undefined = builders[noun]?.[name];
    assert.ok(build, `paths.${noun}.${name} exists`);
    const params = pattern.match(/:\w+/g) ?? [];
    const method = served.find((route) => route.pattern === pattern)?.method ?? 'GET';
    for (const awkward of params.length === 0 ? ['-'] : AWKWARD) {
      // Numeric parameters (a broker id) take a number; every other takes the awkward name.
      const args = params.map((param) => (param === ':brokerId' ? 1 : awkward));
      const url: string = build(...args);
      const filled = `${API_PREFIX}${params.reduce((path, param, index) => path.replace(param, `§${index}`), pattern)}`;
      const shape = new RegExp(
        `^${filled.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/§\d+/g, '[^/]+')}$`,
      );
      assert.match(url, shape, `paths.${noun}.${name} fills ${pattern}`);
      // Anonymous: a matched route answers 401 (the login guard; login itself 400 for no body),
      // an unmatched one 404 ("No API route").
      const response = await app.http.inject({ method, url });
      assert.equal(
        response.statusCode,
        noun === 'auth' && name === 'login' ? 400 : 401,
        `${method} ${url} (paths.${noun}.${name}): ${response.statusCode} ${response.body.slice(0, 200)}`,
      );
    }
  }
});
