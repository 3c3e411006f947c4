import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiProblem, type WeirClient } from '@weir/api';
import { createTestApp, type TestApp } from '../testing.ts';

let app: TestApp;
let admin: WeirClient;
const demo = crypto.randomUUID();
const removed = crypto.randomUUID();
const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 10, 30, 12);

const entry = (at: number, action: string, clusterId: string | null, target: string, ok = true) => ({
  at,
  actorId: null,
  actorName: 'ops',
  action,
  clusterId,
  targetType: action.split('.')[0] ?? 'topic',
  target,
  before: { 'retention.ms': '3600000' },
  after: { 'retention.ms': '7200000' },
  result: ok ? ('success' as const) : ('failure' as const),
  detail: ok ? null : 'TOPIC_AUTHORIZATION_FAILED',
  ip: '10.0.0.7',
});

before(async () => {
  app = await createTestApp();
  admin = await app.client();
  await app.store.clusters.insert({
    id: demo,
    name: 'demo',
    definition: { bootstrapServers: ['127.0.0.1:1'] },
    secretsSealed: null,
    createdAt: t0,
    updatedAt: t0,
  });
  await app.store.audit.append(entry(t0 - 3 * HOUR, 'cluster.create', removed, 'old-staging'));
  await app.store.audit.append(entry(t0 - 2 * HOUR, 'topic.delete', removed, 'scratch'));
  await app.store.audit.append(entry(t0 - HOUR, 'topic.configs.update', demo, 'orders'));
  await app.store.audit.append(entry(t0, 'topic.configs.update', demo, 'payments', false));
});
after(() => app.close());

test('entries name their cluster, also one since removed, and keep before and after', async () => {
  const { entries } = await admin.audit.list({ actor: 'ops' });
  assert.deepEqual(
    entries.map((e) => `${e.cluster}/${e.target}`),
    ['demo/payments', 'demo/orders', 'old-staging/scratch', 'old-staging/old-staging'],
  );
  assert.deepEqual(entries[1]?.before, { 'retention.ms': '3600000' });
  assert.deepEqual(entries[1]?.after, { 'retention.ms': '7200000' });
  assert.equal(entries[0]?.detail, 'TOPIC_AUTHORIZATION_FAILED');
});

test('filters by who, what, cluster, result and time combine', async () => {
  const ofDemo = await admin.audit.list({ cluster: demo });
  assert.deepEqual(
    ofDemo.entries.map((e) => e.target),
    ['payments', 'orders'],
  );
  const failed = await admin.audit.list({ actor: 'ops', result: 'failure' });
  assert.deepEqual(
    failed.entries.map((e) => e.target),
    ['payments'],
  );
  const window = await admin.audit.list({
    actor: 'ops',
    from: new Date(t0 - 2 * HOUR).toISOString(),
    to: new Date(t0).toISOString(),
  });
  assert.deepEqual(
    window.entries.map((e) => e.target),
    ['orders', 'scratch'],
  );
  const deletes = await admin.audit.list({ action: 'topic.delete', cluster: removed });
  assert.deepEqual(
    deletes.entries.map((e) => e.target),
    ['scratch'],
  );
});

test('pages with `before` the last id seen, without gaps or repeats', async () => {
  const first = await admin.audit.list({ actor: 'ops', limit: 3 });
  const next = await admin.audit.list({ actor: 'ops', limit: 3, before: first.entries.at(-1)?.id });
  assert.deepEqual(
    [...first.entries, ...next.entries].map((e) => e.target),
    ['payments', 'orders', 'scratch', 'old-staging'],
  );
});

test('a bad time or result is refused with what to send', async () => {
  const problem = await admin.audit.list({ from: 'yesterday' }).catch((error: unknown) => error);
  assert.ok(problem instanceof ApiProblem);
  assert.equal(problem.status, 400);
  assert.match(problem.problems.join('\n'), /from/);
  const result = await admin.audit.list({ result: 'maybe' as 'success' }).catch((error: unknown) => error);
  assert.ok(result instanceof ApiProblem);
  assert.equal(result.status, 400);
  assert.match(result.problems.join('\n'), /success.*failure|failure.*success/);
});
