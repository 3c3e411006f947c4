import type { Dialect } from '../database.ts';

/** A numbered schema change; `sql` differs by dialect only where the two cannot share a text. */
export interface Migration {
  version: number;
  name: string;
  sql: string | Record<Dialect, string>;
}
