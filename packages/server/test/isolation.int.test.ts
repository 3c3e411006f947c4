import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type OverviewReply, paths, type WeirClient } from '@weir/api';
import { createTopic, type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import { createTestApp, type TestApp } from '../src/testing.ts';

let app: TestApp;
let client: WeirClient;
let healthy: KafkaCluster;
let frozen: KafkaCluster;
let frozenPid: number;

// The status is checked, so the answer comes as it is, not thrown as a problem.
const refreshOverview = (id: string) =>
  client.request<OverviewReply>('GET', paths.clusters.overview(id), undefined, { query: { refresh: true } });

before(async () => {
  app = await createTestApp();
  client = await app.client();
  [healthy, frozen] = await Promise.all([
    startKafkaCluster({ version: '3.9' }),
    startKafkaCluster({ version: '3.9' }),
  ]);
  await createTopic(healthy, 'a', { partitions: 2 });
  await createTopic(frozen, 'b', { partitions: 2 });
});
after(async () => {
  if (frozenPid) process.kill(frozenPid, 'SIGCONT');
  await app?.close();
  await Promise.all([healthy?.stop(), frozen?.stop()]);
});

test('a frozen broker never delays another cluster, and its pages show the last data with the reason', async () => {
  const a = (
    await client.clusters.create({ name: 'healthy', bootstrapServers: [healthy.bootstrapServers.plaintext] })
  ).cluster.id;
  const b = (
    await client.clusters.create({ name: 'frozen', bootstrapServers: [frozen.bootstrapServers.plaintext] })
  ).cluster.id;
  assert.equal((await refreshOverview(b)).status, 200);

  // SIGSTOP: the broker's sockets stay open and accept, but nothing answers, like a hung JVM.
  frozenPid = frozen.pids()[0]!;
  process.kill(frozenPid, 'SIGSTOP');
  const frozenStarted = Date.now();
  const frozenRefresh = refreshOverview(b);

  const healthyStarted = Date.now();
  const healthyAnswer = await refreshOverview(a);
  const healthyMs = Date.now() - healthyStarted;
  assert.equal(healthyAnswer.status, 200);
  assert.ok(healthyMs < 5000, `the healthy cluster took ${healthyMs} ms while the other was frozen`);

  const frozenAnswer = await frozenRefresh;
  const frozenMs = Date.now() - frozenStarted;
  assert.ok(frozenMs < 30_000, `the frozen cluster's refresh took ${frozenMs} ms`);
  assert.equal(frozenAnswer.status, 200);
  assert.equal(frozenAnswer.body.freshness.stale, true);
  assert.match(
    frozenAnswer.body.freshness.refreshError ?? '',
    /did not answer .* within \d+ ms|timed out|did not answer/i,
  );
  assert.equal(frozenAnswer.body.overview.topics - frozenAnswer.body.overview.internalTopics, 1);

  process.kill(frozenPid, 'SIGCONT');
  frozenPid = 0;
});
