import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { createTopic, type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import { createTestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';

type Json = AnyBody;

let app: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let kafka: KafkaCluster;
let clusterPath: string;

const api = apiClient(
  () => app,
  () => cookie,
);
const matches = (body: Json[]) => body.filter((e) => e.type === 'match').map((e) => e.message);
const endOf = (body: Json[]) => body.find((e) => e.type === 'end') as Json;

// Each value is one of these; the patterns below backtrack exponentially on the long ones in
// JavaScript's engine, and which of them each pattern matches is known from the shapes.
const LONG_NO_MATCH = `${'a'.repeat(10_000)}!`;
const ALL_A = 'a'.repeat(10_000);
const WITH_Y = `${'a'.repeat(30)}y!`;
const PER_BATCH = 50;
const BATCHES = 40;
const shapeAt = (i: number) => (i % 100 === 7 ? ALL_A : i % 100 === 42 ? WITH_Y : LONG_NO_MATCH);
const TOTAL = PER_BATCH * BATCHES;
const offsetsWhere = (shape: string) =>
  Array.from({ length: TOTAL }, (_, i) => i).filter((i) => shapeAt(i) === shape);

before(async () => {
  app = await createTestApp();
  cookie = await app.login();
  kafka = await startKafkaCluster({ version: '4.1', brokers: 1 });
  const added = await api('POST', '/clusters', {
    name: 'filters',
    bootstrapServers: kafka.bootstrapServers.plaintext.split(','),
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterPath = `/clusters/${added.body.cluster.id}`;
  await createTopic(kafka, 'aaaa', { partitions: 1 });
  for (let batch = 0; batch < BATCHES; batch++) {
    const written = await api('POST', `${clusterPath}/topics/aaaa/messages`, {
      messages: Array.from({ length: PER_BATCH }, (_, i) => ({ value: shapeAt(batch * PER_BATCH + i) })),
    });
    assert.equal(written.status, 201, JSON.stringify(written.body));
  }
});
after(async () => {
  await kafka?.stop();
  await app?.close();
});

describe('regex search never blocks the server', () => {
  const cases: [string, number[]][] = [
    ['(x|x)*y', offsetsWhere(WITH_Y)],
    ['(a|aa)+$', offsetsWhere(ALL_A)],
    ['(?:a|a)*$', Array.from({ length: TOTAL }, (_, i) => i)],
    ['^(a|a?)+$', offsetsWhere(ALL_A)],
  ];
  for (const [pattern, expected] of cases) {
    test(`/healthz answers within 100 ms while ${pattern} searches, and the matches are right`, async () => {
      let searching = true;
      const search = api('POST', `${clusterPath}/topics/aaaa/messages/search`, {
        filters: [{ target: 'value', match: 'regex', value: pattern }],
        maxMatches: 10_000,
        maxValueBytes: 16,
      }).finally(() => {
        searching = false;
      });
      const probes: number[] = [];
      while (searching) {
        const started = performance.now();
        const health = await app.http.inject({ method: 'GET', url: '/healthz' });
        probes.push(performance.now() - started);
        assert.equal(health.statusCode, 200);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const answer = await search;
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(endOf(answer.body).reason, 'end');
      assert.equal(endOf(answer.body).progress.scanned, TOTAL);
      assert.deepEqual(
        matches(answer.body).map((m: Json) => m.offset),
        expected,
      );
      assert.ok(probes.length > 0);
      assert.ok(Math.max(...probes) < 100, `slowest /healthz during the search: ${Math.max(...probes)} ms`);
    });
  }

  test('backreferences and lookaround are refused with what RE2 supports; the time cap is named', async () => {
    for (const pattern of ['(a)\\1', '(?=a)', '(?<!a)b']) {
      const refused = await api('POST', `${clusterPath}/topics/aaaa/messages/search`, {
        filters: [{ target: 'value', match: 'regex', value: pattern }],
      });
      assert.equal(refused.status, 400, pattern);
      assert.match(
        refused.body.detail,
        /is not valid RE2 .*backreferences .* lookaround .* are not/,
        pattern,
      );
    }
    const tooLong = await api('POST', `${clusterPath}/topics/aaaa/messages/search`, {
      filters: [{ target: 'value', match: 'contains', value: 'a' }],
      maxMs: 300_000,
    });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body.detail, /a search runs at most 120000 ms .*"cursor"/);
  });
});
