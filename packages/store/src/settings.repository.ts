import type { Database } from './database.ts';

/** Instance-wide settings as JSON values under a key; edited from the console, never in SQL by hand. */
export class SettingsRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const [row] = await this.#db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  /** Upsert; `ON CONFLICT ... DO UPDATE` reads the same in SQLite and PostgreSQL. */
  async set(key: string, value: unknown, at: number): Promise<void> {
    await this.#db.execute(
      'INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      [key, JSON.stringify(value), at],
    );
  }
}
