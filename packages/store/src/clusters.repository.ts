import type { Database } from './database.ts';

/**
 * A registered cluster. The definition is stored as JSON (it grows with features); secrets are kept
 * apart, already sealed by the caller, so this layer never sees them in clear.
 */
export interface ClusterRecord<Definition = unknown> {
  id: string;
  name: string;
  definition: Definition;
  secretsSealed: string | null;
  createdAt: number;
  updatedAt: number;
}

interface ClusterRow extends Record<string, unknown> {
  id: string;
  name: string;
  definition_json: string;
  secrets_sealed: string | null;
  created_at: number;
  updated_at: number;
}

const toRecord = <D>(row: ClusterRow): ClusterRecord<D> => ({
  id: row.id,
  name: row.name,
  definition: JSON.parse(row.definition_json) as D,
  secretsSealed: row.secrets_sealed,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

export class ClustersRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async list<D>(): Promise<ClusterRecord<D>[]> {
    const rows = await this.#db.query<ClusterRow>('SELECT * FROM clusters ORDER BY name');
    return rows.map((row) => toRecord<D>(row));
  }

  async findById<D>(id: string): Promise<ClusterRecord<D> | undefined> {
    const [row] = await this.#db.query<ClusterRow>('SELECT * FROM clusters WHERE id = $1', [id]);
    return row && toRecord<D>(row);
  }

  async findByName<D>(name: string): Promise<ClusterRecord<D> | undefined> {
    const [row] = await this.#db.query<ClusterRow>('SELECT * FROM clusters WHERE name = $1', [name]);
    return row && toRecord<D>(row);
  }

  /** Throws UniqueViolationError when the name is taken. */
  async insert(cluster: ClusterRecord): Promise<void> {
    await this.#db.execute(
      'INSERT INTO clusters (id, name, definition_json, secrets_sealed, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        cluster.id,
        cluster.name,
        JSON.stringify(cluster.definition),
        cluster.secretsSealed,
        cluster.createdAt,
        cluster.updatedAt,
      ],
    );
  }

  /** Throws UniqueViolationError when the new name is taken; false when the cluster is gone. */
  async update(cluster: ClusterRecord): Promise<boolean> {
    const { changes } = await this.#db.execute(
      'UPDATE clusters SET name = $1, definition_json = $2, secrets_sealed = $3, updated_at = $4 WHERE id = $5',
      [
        cluster.name,
        JSON.stringify(cluster.definition),
        cluster.secretsSealed,
        cluster.updatedAt,
        cluster.id,
      ],
    );
    return changes > 0;
  }

  async delete(id: string): Promise<boolean> {
    const { changes } = await this.#db.execute('DELETE FROM clusters WHERE id = $1', [id]);
    return changes > 0;
  }
}
