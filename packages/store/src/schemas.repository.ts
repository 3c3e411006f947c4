import type { Database } from './database.ts';

/** A schema uploaded for the serdes: its files in order (the one it starts from first) and the types it defines. */
export interface SchemaRecord {
  name: string;
  format: string;
  files: { path: string; content: string }[];
  types: string[];
  updatedAt: number;
  updatedBy: string;
}

interface SchemaRow extends Record<string, unknown> {
  name: string;
  format: string;
  files_json: string;
  types_json: string;
  updated_at: number;
  updated_by: string;
}

const toRecord = (row: SchemaRow): SchemaRecord => ({
  name: row.name,
  format: row.format,
  files: JSON.parse(row.files_json) as SchemaRecord['files'],
  types: JSON.parse(row.types_json) as string[],
  updatedAt: Number(row.updated_at),
  updatedBy: row.updated_by,
});

export class SchemasRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async list(): Promise<SchemaRecord[]> {
    return (await this.#db.query<SchemaRow>('SELECT * FROM schemas ORDER BY name')).map(toRecord);
  }

  async find(name: string): Promise<SchemaRecord | undefined> {
    const [row] = await this.#db.query<SchemaRow>('SELECT * FROM schemas WHERE name = $1', [name]);
    return row && toRecord(row);
  }

  /** Throws UniqueViolationError when the name is taken. */
  async insert(schema: SchemaRecord): Promise<void> {
    await this.#db.execute(
      'INSERT INTO schemas (name, format, files_json, types_json, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        schema.name,
        schema.format,
        JSON.stringify(schema.files),
        JSON.stringify(schema.types),
        schema.updatedAt,
        schema.updatedBy,
      ],
    );
  }

  /** False when there is no schema of that name. */
  async replace(schema: SchemaRecord): Promise<boolean> {
    const { changes } = await this.#db.execute(
      'UPDATE schemas SET format = $1, files_json = $2, types_json = $3, updated_at = $4, updated_by = $5 WHERE name = $6',
      [
        schema.format,
        JSON.stringify(schema.files),
        JSON.stringify(schema.types),
        schema.updatedAt,
        schema.updatedBy,
        schema.name,
      ],
    );
    return changes > 0;
  }

  /** False when there was none. */
  async remove(name: string): Promise<boolean> {
    const { changes } = await this.#db.execute('DELETE FROM schemas WHERE name = $1', [name]);
    return changes > 0;
  }
}
