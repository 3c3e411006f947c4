import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTopic, type KafkaCluster, startKafkaCluster } from '@weir/testkit';
import { createTestApp, type TestApp } from '../src/testing.ts';
import { apiClient } from './api-client.ts';

let app: TestApp;
let cookie: string;
let healthy: KafkaCluster;
let frozen: KafkaCluster;
let frozenPid: number;

const call = apiClient(
  () => app,
  () => cookie,
);
const api = (url: string, payload?: unknown) => call(payload ? 'POST' : 'GET', url, payload);

before(async () => {
  app = await createTestApp();
  cookie = await app.login();
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
    await api('/clusters', { name: 'healthy', bootstrapServers: [healthy.bootstrapServers.plaintext] })
  ).body.cluster.id;
  const b = (
    await api('/clusters', { name: 'frozen', bootstrapServers: [frozen.bootstrapServers.plaintext] })
  ).body.cluster.id;
  assert.equal((await api(`/clusters/${b}/overview?refresh=true`)).status, 200);

  // SIGSTOP: the broker's sockets stay open and accept, but nothing answers, like a hung JVM.
  frozenPid = frozen.pids()[0]!;
  process.kill(frozenPid, 'SIGSTOP');
  const frozenStarted = Date.now();
  const frozenRefresh = api(`/clusters/${b}/overview?refresh=true`);

  const healthyStarted = Date.now();
  const healthyAnswer = await api(`/clusters/${a}/overview?refresh=true`);
  const healthyMs = Date.now() - healthyStarted;
  assert.equal(healthyAnswer.status, 200);
  assert.ok(healthyMs < 5000, `the healthy cluster took ${healthyMs} ms while the other was frozen`);

  const frozenAnswer = await frozenRefresh;
  const frozenMs = Date.now() - frozenStarted;
  assert.ok(frozenMs < 30_000, `the frozen cluster's refresh took ${frozenMs} ms`);
  assert.equal(frozenAnswer.status, 200);
  assert.equal(frozenAnswer.body.freshness.stale, true);
  assert.match(frozenAnswer.body.freshness.refreshError, /did not answer .* (within \d+ ms|in time)/i);
  // A hung broker still accepts connections: blaming the address or the security protocol would send
  // the operator the wrong way.
  assert.doesNotMatch(frozenAnswer.body.freshness.refreshError, /could not connect|security protocol/i);
  assert.equal(frozenAnswer.body.overview.topics - frozenAnswer.body.overview.internalTopics, 1);

  process.kill(frozenPid, 'SIGCONT');
  frozenPid = 0;
});
