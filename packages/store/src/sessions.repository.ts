import type { Database } from './database.ts';

export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  ip: string | null;
  userAgent: string | null;
}

interface SessionRow extends Record<string, unknown> {
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}

const toSession = (row: SessionRow): SessionRecord => ({
  idHash: row.id_hash,
  userId: row.user_id,
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
  lastSeenAt: Number(row.last_seen_at),
  ip: row.ip,
  userAgent: row.user_agent,
});

/** Sessions are stored by the hash of their cookie value, so a leaked store holds no usable cookie. */
export class SessionsRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async insert(session: SessionRecord): Promise<void> {
    await this.#db.execute(
      'INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [
        session.idHash,
        session.userId,
        session.createdAt,
        session.expiresAt,
        session.lastSeenAt,
        session.ip,
        session.userAgent,
      ],
    );
  }

  async findLive(idHash: string, now: number): Promise<SessionRecord | undefined> {
    const [row] = await this.#db.query<SessionRow>(
      'SELECT * FROM sessions WHERE id_hash = $1 AND expires_at > $2',
      [idHash, now],
    );
    return row && toSession(row);
  }

  async touch(idHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    await this.#db.execute('UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3', [
      lastSeenAt,
      expiresAt,
      idHash,
    ]);
  }

  async delete(idHash: string): Promise<void> {
    await this.#db.execute('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  /** Ends every session of a user except, optionally, the one making the request. */
  async deleteForUser(userId: string, keepIdHash?: string): Promise<number> {
    const { changes } = await this.#db.execute('DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2', [
      userId,
      keepIdHash ?? '',
    ]);
    return changes;
  }

  async deleteExpired(now: number): Promise<number> {
    const { changes } = await this.#db.execute('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    return changes;
  }
}
