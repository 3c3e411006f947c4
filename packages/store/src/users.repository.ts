import type { Database } from './database.ts';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: string;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

interface UserRow extends Record<string, unknown> {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  disabled: number;
  created_at: number;
  updated_at: number;
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  username: row.username,
  passwordHash: row.password_hash,
  role: row.role,
  disabled: Number(row.disabled) === 1,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

export class UsersRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async count(): Promise<number> {
    const [row] = await this.#db.query<{ n: number }>('SELECT COUNT(*) AS n FROM users');
    return Number(row?.n ?? 0);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const [row] = await this.#db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return row && toUser(row);
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const [row] = await this.#db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    return row && toUser(row);
  }

  async list(): Promise<UserRecord[]> {
    const rows = await this.#db.query<UserRow>('SELECT * FROM users ORDER BY username');
    return rows.map(toUser);
  }

  /** Throws UniqueViolationError when the username is taken. */
  async insert(user: UserRecord): Promise<void> {
    await this.#db.execute(
      'INSERT INTO users (id, username, password_hash, role, disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [
        user.id,
        user.username,
        user.passwordHash,
        user.role,
        user.disabled ? 1 : 0,
        user.createdAt,
        user.updatedAt,
      ],
    );
  }

  async updatePassword(id: string, passwordHash: string, at: number): Promise<void> {
    await this.#db.execute('UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3', [
      passwordHash,
      at,
      id,
    ]);
  }
}
