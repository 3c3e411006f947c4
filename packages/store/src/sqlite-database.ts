import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import {
  type Database,
  type Dialect,
  type Row,
  StoreUnavailableError,
  UniqueViolationError,
} from './database.ts';

/** SQLite numbers its placeholders `?1`; PostgreSQL's `$1` is the form repositories use. */
const toSqlitePlaceholders = (sql: string): string => sql.replace(/\$(\d+)/g, '?$1');

const toSqliteValue = (value: unknown): SQLInputValue => {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as SQLInputValue;
};

const rethrow = (error: unknown): never => {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('UNIQUE constraint failed')) throw new UniqueViolationError(message, { cause: error });
  throw error;
};

/**
 * The store holds password hashes, sessions and encrypted cluster secrets: like secret.key it is
 * readable by its owner only (0600). SQLite gives the -wal and -shm files the database file's mode
 * (findCreateFileMode in os_unix.c), so creating the file first covers them. A file left readable by
 * an older Weir is narrowed too.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** Embedded store: one file in the data directory, WAL so readers never wait for the writer. */
export class SqliteDatabase implements Database {
  readonly dialect: Dialect = 'sqlite';
  readonly #db: DatabaseSync;
  #inTransaction = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    try {
      if (path !== ':memory:') createPrivately(path);
      this.#db = new DatabaseSync(path);
      this.#db.exec('PRAGMA journal_mode = WAL');
      this.#db.exec('PRAGMA synchronous = NORMAL');
      this.#db.exec('PRAGMA foreign_keys = ON');
      this.#db.exec('PRAGMA busy_timeout = 5000');
    } catch (error) {
      throw new StoreUnavailableError(
        `Cannot open the SQLite store at ${path}: ${(error as Error).message}. Check that the data directory is writable.`,
        { cause: error },
      );
    }
  }

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    await this.#waitOutsideTransaction();
    return this.#querySync<T>(sql, params);
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    await this.#waitOutsideTransaction();
    return this.#executeSync(sql, params);
  }

  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    // Transactions are serialised: node:sqlite has one connection, and interleaving two async
    // transactions on it would mix their statements.
    const run = async (): Promise<T> => {
      this.#db.exec('BEGIN IMMEDIATE');
      this.#inTransaction = true;
      try {
        const result = await work(this.#transactionView());
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      } finally {
        this.#inTransaction = false;
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.#queue;
    if (this.#db.isOpen) this.#db.close();
  }

  async #waitOutsideTransaction(): Promise<void> {
    if (this.#inTransaction) await this.#queue;
  }

  #transactionView(): Database {
    return {
      dialect: this.dialect,
      query: async <T extends Row>(sql: string, params: readonly unknown[] = []) =>
        this.#querySync<T>(sql, params),
      execute: async (sql: string, params: readonly unknown[] = []) => this.#executeSync(sql, params),
      transaction: (work) => work(this.#transactionView()),
      close: async () => {},
    };
  }

  #querySync<T extends Row>(sql: string, params: readonly unknown[]): T[] {
    try {
      return this.#db.prepare(toSqlitePlaceholders(sql)).all(...params.map(toSqliteValue)) as T[];
    } catch (error) {
      return rethrow(error);
    }
  }

  #executeSync(sql: string, params: readonly unknown[]): { changes: number } {
    try {
      if (params.length === 0 && !sql.includes('$')) {
        this.#db.exec(sql);
        return { changes: 0 };
      }
      const result = this.#db.prepare(toSqlitePlaceholders(sql)).run(...params.map(toSqliteValue));
      return { changes: Number(result.changes) };
    } catch (error) {
      return rethrow(error);
    }
  }
}
