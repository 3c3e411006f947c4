import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuditRepository } from './audit.repository.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { SqliteDatabase } from './sqlite-database.ts';

test('entries written before the cluster column get their cluster from the old `<uuid>/<name>` target', async () => {
  const db = new SqliteDatabase(':memory:');
  await migrate(
    db,
    migrations.filter((m) => m.version < 5),
  );
  const cluster = crypto.randomUUID();
  const insert = `INSERT INTO audit_log (at, actor_name, action, target_type, target, result) VALUES ($1, 'admin', $2, $3, $4, 'success')`;
  await db.execute(insert, [1, 'topic.delete', 'topic', `${cluster}/orders/with/slashes`]);
  await db.execute(insert, [2, 'cluster.create', 'cluster', 'demo']);
  await db.execute(insert, [3, 'auth.login', 'session', null]);
  await migrate(db, migrations);

  const entries = await new AuditRepository(db).list({ limit: 10 });
  assert.deepEqual(
    entries.map((e) => [e.action, e.clusterId, e.target]),
    [
      ['auth.login', null, null],
      ['cluster.create', null, 'demo'],
      ['topic.delete', cluster, 'orders/with/slashes'],
    ],
  );
  await db.close();
});
