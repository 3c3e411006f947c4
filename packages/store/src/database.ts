/** Rows come back as plain objects keyed by column name. */
export type Row = Record<string, unknown>;

export type Dialect = 'sqlite' | 'postgres';

/**
 * The one door to the database. SQL is written with PostgreSQL-style `$1` placeholders; the SQLite
 * implementation rewrites them, so repositories hold one query text for both dialects.
 */
export interface Database {
  readonly dialect: Dialect;
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  execute(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /** Runs `work` in one transaction; its queries must go through the `Database` it is given. */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

export class UniqueViolationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UniqueViolationError';
  }
}
