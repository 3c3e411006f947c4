import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from './store.ts';

/** The PostgreSQL server tests create throwaway databases on (trust auth on this machine kind). */
export const TEST_POSTGRES_URL =
  process.env.WEIR_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
  store: Store;
  dispose(): Promise<void>;
}

export type TestStoreFactory = { dialect: 'sqlite' | 'postgres'; open(): Promise<TestStore> };

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Store tests need PostgreSQL at ${TEST_POSTGRES_URL} (set WEIR_TEST_POSTGRES_URL to another server): ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database per call, so store tests never see each other's rows. */
export async function createTestPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `weir_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** One factory per dialect: repository tests loop over these so both run the same assertions. */
export const testStoreFactories: readonly TestStoreFactory[] = [
  {
    dialect: 'sqlite',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'weir-store-'));
      const store = await openStore({ dataDir });
      return {
        store,
        async dispose() {
          await store.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    dialect: 'postgres',
    async open() {
      const database = await createTestPostgresUrl();
      const store = await openStore({ dataDir: '', databaseUrl: database.url });
      return {
        store,
        async dispose() {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];
