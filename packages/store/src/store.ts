import { join } from 'node:path';
import { ApiTokensRepository } from './api-tokens.repository.ts';
import { AuditRepository } from './audit.repository.ts';
import { ClustersRepository } from './clusters.repository.ts';
import type { Database } from './database.ts';
import { JobsRepository } from './jobs.repository.ts';
import { type MigrationResult, migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { SchemasRepository } from './schemas.repository.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { SettingsRepository } from './settings.repository.ts';
import { SqliteDatabase } from './sqlite-database.ts';
import { UsersRepository } from './users.repository.ts';

export interface StoreOptions {
  /** A postgres:// URL; without it the embedded SQLite file in `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
}

/** Every repository over one open database. */
export interface Store {
  readonly db: Database;
  readonly migration: MigrationResult;
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly apiTokens: ApiTokensRepository;
  readonly audit: AuditRepository;
  readonly clusters: ClustersRepository;
  readonly jobs: JobsRepository;
  readonly settings: SettingsRepository;
  readonly schemas: SchemasRepository;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = 'weir.db';

/** Opens the configured database and applies pending migrations before anything reads it. */
export async function openStore(options: StoreOptions): Promise<Store> {
  // pg is loaded only when asked for: the embedded default should not pay its memory.
  const db: Database = options.databaseUrl
    ? await (await import('./postgres-database.ts')).PostgresDatabase.connect(options.databaseUrl)
    : new SqliteDatabase(join(options.dataDir, SQLITE_FILE_NAME));
  try {
    const migration = await migrate(db, migrations);
    return createStore(db, migration);
  } catch (error) {
    await db.close();
    throw error;
  }
}

function createStore(db: Database, migration: MigrationResult): Store {
  return {
    db,
    migration,
    users: new UsersRepository(db),
    sessions: new SessionsRepository(db),
    apiTokens: new ApiTokensRepository(db),
    audit: new AuditRepository(db),
    schemas: new SchemasRepository(db),
    clusters: new ClustersRepository(db),
    jobs: new JobsRepository(db),
    settings: new SettingsRepository(db),
    ping: async () => {
      try {
        await db.query('SELECT 1 AS ok');
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.close(),
  };
}
