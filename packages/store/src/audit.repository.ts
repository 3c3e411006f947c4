import type { Database } from './database.ts';

export type AuditResult = 'success' | 'failure';

export interface AuditEntry {
  at: number;
  actorId: string | null;
  actorName: string;
  action: string;
  /** The cluster the entry is about, when it is about one; `target` names the thing inside it. */
  clusterId: string | null;
  targetType: string;
  target: string | null;
  before: unknown;
  after: unknown;
  result: AuditResult;
  detail: string | null;
  ip: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

export interface AuditQuery {
  limit: number;
  /** Entries with an id below this one: the cursor for the next page. */
  beforeId?: number;
  actorName?: string;
  action?: string;
  clusterId?: string;
  result?: AuditResult;
  /** Entries at or after this time, ms since the epoch. */
  fromAt?: number;
  /** Entries before this time, ms since the epoch. */
  toAt?: number;
}

interface AuditRow extends Record<string, unknown> {
  id: number;
  at: number;
  actor_id: string | null;
  actor_name: string;
  action: string;
  cluster_id: string | null;
  target_type: string;
  target: string | null;
  before_json: string | null;
  after_json: string | null;
  result: AuditResult;
  detail: string | null;
  ip: string | null;
}

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const toJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

const toRecord = (row: AuditRow): AuditRecord => ({
  id: Number(row.id),
  at: Number(row.at),
  actorId: row.actor_id,
  actorName: row.actor_name,
  action: row.action,
  clusterId: row.cluster_id,
  targetType: row.target_type,
  target: row.target,
  before: parseJson(row.before_json),
  after: parseJson(row.after_json),
  result: row.result,
  detail: row.detail,
  ip: row.ip,
});

/** Append-only: the audit log has no update or delete. */
export class AuditRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.#db.execute(
      `INSERT INTO audit_log (at, actor_id, actor_name, action, target_type, target, before_json, after_json, result, detail, ip, cluster_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        entry.at,
        entry.actorId,
        entry.actorName,
        entry.action,
        entry.targetType,
        entry.target,
        toJson(entry.before),
        toJson(entry.after),
        entry.result,
        entry.detail,
        entry.ip,
        entry.clusterId,
      ],
    );
  }

  async list(query: AuditQuery): Promise<AuditRecord[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      params.push(value);
      conditions.push(condition.replace('?', `$${params.length}`));
    };
    if (query.beforeId !== undefined) add('id < ?', query.beforeId);
    if (query.actorName !== undefined) add('actor_name = ?', query.actorName);
    if (query.action !== undefined) add('action = ?', query.action);
    if (query.clusterId !== undefined) add('cluster_id = ?', query.clusterId);
    if (query.result !== undefined) add('result = ?', query.result);
    if (query.fromAt !== undefined) add('at >= ?', query.fromAt);
    if (query.toAt !== undefined) add('at < ?', query.toAt);
    params.push(query.limit);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.#db.query<AuditRow>(
      `SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }

  /** The name a cluster had when the log last recorded a change to it (for one since removed). */
  async lastRecordedClusterName(clusterId: string): Promise<string | null> {
    const [row] = await this.#db.query<{ target: string | null }>(
      `SELECT target FROM audit_log WHERE cluster_id = $1 AND target_type = 'cluster' ORDER BY id DESC LIMIT 1`,
      [clusterId],
    );
    return row?.target ?? null;
  }
}
