import type { Database } from './database.ts';
import type { Migration } from './migrations/migration.ts';

// Any fixed number: several instances starting at once take this lock so only one migrates.
const MIGRATION_LOCK_ID = 7_301_995;

export interface MigrationResult {
  applied: number[];
  current: number;
}

/** Applies pending migrations, each in its own transaction, and refuses a store newer than this build. */
export async function migrate(db: Database, all: readonly Migration[]): Promise<MigrationResult> {
  await db.execute(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
  );
  const applied: number[] = [];
  for (const migration of [...all].sort((a, b) => a.version - b.version)) {
    await db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
      const done = await tx.query('SELECT version FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (done.length > 0) return;
      const sql = typeof migration.sql === 'string' ? migration.sql : migration.sql[tx.dialect];
      await tx.execute(sql);
      await tx.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      applied.push(migration.version);
    });
  }
  const [latest] = await db.query<{ version: number }>(
    'SELECT MAX(version) AS version FROM schema_migrations',
  );
  const current = Number(latest?.version ?? 0);
  const known = Math.max(0, ...all.map((m) => m.version));
  if (current > known) {
    throw new Error(
      `The store is at schema version ${current} but this Weir build knows only up to ${known}. Upgrade Weir, or point it at another data directory/database.`,
    );
  }
  return { applied, current };
}
