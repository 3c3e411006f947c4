import type { Database } from './database.ts';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  /** The first characters of the token, shown so a user can tell tokens apart. */
  prefix: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
}

interface ApiTokenRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
}

const toToken = (row: ApiTokenRow): ApiTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  tokenHash: row.token_hash,
  prefix: row.prefix,
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
  lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
});

export class ApiTokensRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async insert(token: ApiTokenRecord): Promise<void> {
    await this.#db.execute(
      'INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, expires_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        token.id,
        token.userId,
        token.name,
        token.tokenHash,
        token.prefix,
        token.createdAt,
        token.expiresAt,
        token.lastUsedAt,
      ],
    );
  }

  async findLiveByHash(tokenHash: string, now: number): Promise<ApiTokenRecord | undefined> {
    const [row] = await this.#db.query<ApiTokenRow>(
      'SELECT * FROM api_tokens WHERE token_hash = $1 AND expires_at > $2',
      [tokenHash, now],
    );
    return row && toToken(row);
  }

  async listForUser(userId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.#db.query<ApiTokenRow>(
      'SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC',
      [userId],
    );
    return rows.map(toToken);
  }

  async findForUser(userId: string, id: string): Promise<ApiTokenRecord | undefined> {
    const [row] = await this.#db.query<ApiTokenRow>(
      'SELECT * FROM api_tokens WHERE user_id = $1 AND id = $2',
      [userId, id],
    );
    return row && toToken(row);
  }

  async markUsed(id: string, at: number): Promise<void> {
    await this.#db.execute('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [at, id]);
  }

  async delete(id: string): Promise<boolean> {
    const { changes } = await this.#db.execute('DELETE FROM api_tokens WHERE id = $1', [id]);
    return changes > 0;
  }
}
