import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { UniqueViolationError } from './database.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import type { Store } from './store.ts';
import { type TestStore, testStoreFactories } from './testing.ts';
import type { UserRecord } from './users.repository.ts';

const aUser = (overrides: Partial<UserRecord> = {}): UserRecord => ({
  id: crypto.randomUUID(),
  username: `user-${crypto.randomUUID().slice(0, 8)}`,
  passwordHash: 'scrypt$hash',
  role: 'viewer',
  disabled: false,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  ...overrides,
});

for (const factory of testStoreFactories) {
  describe(`store on ${factory.dialect}`, () => {
    let handle: TestStore;
    let store: Store;
    before(async () => {
      handle = await factory.open();
      store = handle.store;
    });
    after(() => handle.dispose());

    test('applies every migration once and is idempotent on reopen', async () => {
      assert.equal(store.migration.current, migrations.at(-1)?.version);
      const again = await migrate(store.db, migrations);
      assert.deepEqual(again.applied, []);
      assert.equal(await store.ping(), true);
    });

    test('refuses a store migrated by a newer build', async () => {
      await store.db.execute(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [999, 'from the future', Date.now()],
      );
      await assert.rejects(migrate(store.db, migrations), /schema version 999/);
      await store.db.execute('DELETE FROM schema_migrations WHERE version = 999');
    });

    test('users: insert, find, unique usernames', async () => {
      const user = aUser({ username: 'alice', disabled: true });
      await store.users.insert(user);
      assert.deepEqual(await store.users.findByUsername('alice'), user);
      assert.deepEqual(await store.users.findById(user.id), user);
      await assert.rejects(store.users.insert(aUser({ username: 'alice' })), UniqueViolationError);
      await store.users.updatePassword(user.id, 'scrypt$other', 1_800_000_000_000);
      assert.equal((await store.users.findById(user.id))?.passwordHash, 'scrypt$other');
      assert.ok((await store.users.count()) >= 1);
    });

    test('sessions: live lookup honours expiry; deleting a user removes its sessions', async () => {
      const user = aUser();
      await store.users.insert(user);
      const now = 1_700_000_000_000;
      const session = {
        idHash: `h-${user.id}`,
        userId: user.id,
        createdAt: now,
        expiresAt: now + 1000,
        lastSeenAt: now,
        ip: '127.0.0.1',
        userAgent: null,
      };
      await store.sessions.insert(session);
      assert.deepEqual(await store.sessions.findLive(session.idHash, now), session);
      assert.equal(await store.sessions.findLive(session.idHash, now + 1000), undefined);
      await store.sessions.touch(session.idHash, now + 500, now + 5000);
      assert.equal((await store.sessions.findLive(session.idHash, now + 1000))?.expiresAt, now + 5000);
      await store.db.execute('DELETE FROM users WHERE id = $1', [user.id]);
      assert.equal(await store.sessions.findLive(session.idHash, now), undefined);
    });

    test('api tokens: found by hash until expiry, listed per user, deleted', async () => {
      const user = aUser();
      await store.users.insert(user);
      const token = {
        id: crypto.randomUUID(),
        userId: user.id,
        name: 'ci',
        tokenHash: `hash-${user.id}`,
        prefix: 'weir_pat_ab',
        createdAt: 10,
        expiresAt: 100,
        lastUsedAt: null,
      };
      await store.apiTokens.insert(token);
      assert.deepEqual(await store.apiTokens.findLiveByHash(token.tokenHash, 50), token);
      assert.equal(await store.apiTokens.findLiveByHash(token.tokenHash, 100), undefined);
      await store.apiTokens.markUsed(token.id, 60);
      assert.equal((await store.apiTokens.listForUser(user.id))[0]?.lastUsedAt, 60);
      assert.equal(await store.apiTokens.delete(token.id), true);
      assert.equal(await store.apiTokens.delete(token.id), false);
    });

    test('audit: append and page newest first with filters', async () => {
      for (const action of ['auth.login', 'auth.logout', 'auth.login']) {
        await store.audit.append({
          at: Date.now(),
          actorId: null,
          actorName: 'admin',
          action,
          clusterId: null,
          targetType: 'session',
          target: null,
          before: null,
          after: { ok: true },
          result: 'success',
          detail: null,
          ip: '127.0.0.1',
        });
      }
      const logins = await store.audit.list({ limit: 10, action: 'auth.login' });
      assert.equal(logins.length, 2);
      assert.deepEqual(logins[0]?.after, { ok: true });
      assert.ok((logins[0]?.id ?? 0) > (logins[1]?.id ?? 0));
      const older = await store.audit.list({ limit: 10, beforeId: logins[0]?.id });
      assert.ok(older.every((entry) => entry.id < (logins[0]?.id ?? 0)));
    });

    test('audit: filters by cluster, result and time, together', async () => {
      const cluster = crypto.randomUUID();
      const entry = (at: number, clusterId: string | null, result: 'success' | 'failure') => ({
        at,
        actorId: null,
        actorName: 'ops',
        action: 'topic.delete',
        clusterId,
        targetType: 'topic',
        target: 'orders',
        before: null,
        after: null,
        result,
        detail: null,
        ip: null,
      });
      await store.audit.append(entry(1_000, cluster, 'success'));
      await store.audit.append(entry(2_000, cluster, 'failure'));
      await store.audit.append(entry(3_000, null, 'failure'));
      const ofCluster = await store.audit.list({ limit: 10, clusterId: cluster });
      assert.deepEqual(
        ofCluster.map((e) => [e.at, e.clusterId, e.target]),
        [
          [2_000, cluster, 'orders'],
          [1_000, cluster, 'orders'],
        ],
      );
      const failed = await store.audit.list({ limit: 10, actorName: 'ops', result: 'failure' });
      assert.deepEqual(
        failed.map((e) => e.at),
        [3_000, 2_000],
      );
      const window = await store.audit.list({ limit: 10, actorName: 'ops', fromAt: 1_500, toAt: 3_000 });
      assert.deepEqual(
        window.map((e) => e.at),
        [2_000],
      );
    });

    test('clusters: insert, rename, unique names, delete', async () => {
      const cluster = {
        id: crypto.randomUUID(),
        name: 'prod-eu',
        definition: { bootstrapServers: ['a:9092'], tags: ['prod'] },
        secretsSealed: 'v1:sealed',
        createdAt: 1,
        updatedAt: 1,
      };
      await store.clusters.insert(cluster);
      assert.deepEqual(await store.clusters.findById(cluster.id), cluster);
      await assert.rejects(
        store.clusters.insert({ ...cluster, id: crypto.randomUUID() }),
        UniqueViolationError,
      );
      assert.equal(await store.clusters.update({ ...cluster, name: 'prod-eu-1', updatedAt: 2 }), true);
      assert.equal((await store.clusters.findByName('prod-eu-1'))?.updatedAt, 2);
      assert.deepEqual(
        (await store.clusters.list()).map((c) => c.name),
        ['prod-eu-1'],
      );
      assert.equal(await store.clusters.delete(cluster.id), true);
      assert.equal(await store.clusters.update(cluster), false);
    });

    test('jobs: insert, progress, cancel only while running, unfinished ones found after a restart', async () => {
      const job = {
        id: crypto.randomUUID(),
        clusterId: crypto.randomUUID(),
        kind: 'reassignment',
        state: 'running' as const,
        spec: { moves: [{ topic: 'a', partition: 0, replicas: [1, 2] }] },
        progress: null,
        error: null,
        createdBy: 'admin',
        createdAt: 10,
        updatedAt: 10,
        finishedAt: null,
      };
      await store.jobs.insert(job);
      assert.deepEqual(await store.jobs.findById(job.id), job);
      await store.jobs.update(job.id, {
        state: 'running',
        progress: { done: 1 },
        error: null,
        updatedAt: 11,
        finishedAt: null,
      });
      assert.deepEqual(
        (await store.jobs.listUnfinished()).map((j) => j.progress),
        [{ done: 1 }],
      );
      assert.equal(await store.jobs.requestCancel(job.id, 12), true);
      assert.equal((await store.jobs.findById(job.id))?.state, 'cancelling');
      assert.equal(await store.jobs.requestCancel(job.id, 13), false);
      await store.jobs.update(job.id, {
        state: 'cancelled',
        progress: null,
        error: null,
        updatedAt: 14,
        finishedAt: 14,
      });
      assert.deepEqual(await store.jobs.listUnfinished(), []);
      assert.deepEqual(
        (await store.jobs.listByCluster(job.clusterId, 10)).map((j) => [j.state, j.finishedAt]),
        [['cancelled', 14]],
      );
    });

    test('job events: appended in order with their detail and data, removed with their job', async () => {
      const job = {
        id: crypto.randomUUID(),
        clusterId: crypto.randomUUID(),
        kind: 'reassignment',
        state: 'running' as const,
        spec: {},
        progress: null,
        error: null,
        createdBy: 'admin',
        createdAt: 10,
        updatedAt: 10,
        finishedAt: null,
      };
      await store.jobs.insert(job);
      assert.deepEqual(await store.jobs.listEvents(job.id), []);
      await store.jobs.appendEvent({
        jobId: job.id,
        at: 10,
        type: 'started',
        detail: 'Started by admin.',
        data: null,
      });
      await store.jobs.appendEvent({
        jobId: job.id,
        at: 10,
        type: 'throttle-set',
        detail: 'Throttle set to 1024 B/s.',
        data: { bytesPerSecond: 1024, brokers: [1, 2] },
      });
      await store.jobs.appendEvent({ jobId: job.id, at: 9, type: 'resumed', detail: 'Resumed.', data: null });
      const events = await store.jobs.listEvents(job.id);
      // Insertion order, not the clock: a clock that stepped back must not reorder the history.
      assert.deepEqual(
        events.map((e) => [e.type, e.at, e.detail, e.data]),
        [
          ['started', 10, 'Started by admin.', null],
          ['throttle-set', 10, 'Throttle set to 1024 B/s.', { bytesPerSecond: 1024, brokers: [1, 2] }],
          ['resumed', 9, 'Resumed.', null],
        ],
      );
      assert.ok(events.every((e) => e.jobId === job.id && Number.isInteger(e.id)));
      await assert.rejects(
        store.jobs.appendEvent({ jobId: crypto.randomUUID(), at: 1, type: 'step', detail: 'x', data: null }),
      );
      await store.db.execute('DELETE FROM jobs WHERE id = $1', [job.id]);
      assert.deepEqual(await store.jobs.listEvents(job.id), []);
    });

    test('settings: upsert JSON values', async () => {
      assert.equal(await store.settings.get('theme'), undefined);
      await store.settings.set('theme', { dark: true }, 1);
      await store.settings.set('theme', { dark: false }, 2);
      assert.deepEqual(await store.settings.get('theme'), { dark: false });
    });

    test('a failed transaction leaves nothing behind', async () => {
      const user = aUser();
      await assert.rejects(
        store.db.transaction(async (tx) => {
          await tx.execute(
            'INSERT INTO users (id, username, password_hash, role, disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [user.id, user.username, 'x', 'viewer', 0, 1, 1],
          );
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.users.findById(user.id), undefined);
    });
  });
}
