import pg from 'pg';
import {
  type Database,
  type Dialect,
  type Row,
  StoreUnavailableError,
  UniqueViolationError,
} from './database.ts';

// BIGINT columns hold epoch milliseconds and counters, all within Number's safe range.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

type Queryable = Pick<pg.Pool, 'query'>;

const UNIQUE_VIOLATION = '23505';

const rethrow = (error: unknown): never => {
  if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
    throw new UniqueViolationError((error as Error).message, { cause: error });
  }
  throw error;
};

const describeTarget = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the configured PostgreSQL URL';
  }
};

class PostgresQueries implements Database {
  readonly dialect: Dialect = 'postgres';
  protected readonly client: Queryable;

  constructor(client: Queryable) {
    this.client = client;
  }

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      const result = await this.client.query(sql, params as unknown[]);
      return result.rows as T[];
    } catch (error) {
      return rethrow(error);
    }
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    try {
      const result = await this.client.query(sql, params as unknown[]);
      return { changes: result.rowCount ?? 0 };
    } catch (error) {
      return rethrow(error);
    }
  }

  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return work(this);
  }

  async close(): Promise<void> {}
}

/** PostgreSQL store for several Weir instances sharing one database. */
export class PostgresDatabase extends PostgresQueries {
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    super(pool);
    this.#pool = pool;
  }

  /** Connects and proves the server answers, so a wrong URL stops start-up instead of the first request. */
  static async connect(url: string, options: { connectTimeoutMs?: number } = {}): Promise<PostgresDatabase> {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
    });
    pool.on('error', () => {
      // An idle client that dies is dropped by the pool; the next query reconnects.
    });
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StoreUnavailableError(
        `PostgreSQL at ${describeTarget(url)} did not answer: ${(error as Error).message}. Check WEIR_DATABASE_URL (host, port, database, user, password) and that the server is running.`,
        { cause: error },
      );
    }
    return new PostgresDatabase(pool);
  }

  override async transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(new PostgresQueries(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  override async close(): Promise<void> {
    await this.#pool.end();
  }
}
