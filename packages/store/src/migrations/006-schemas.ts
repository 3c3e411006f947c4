import type { Migration } from './migration.ts';

export const schemasMigration: Migration = {
  version: 6,
  name: 'uploaded schemas for serdes',
  sql: `
CREATE TABLE schemas (
  name TEXT PRIMARY KEY,
  format TEXT NOT NULL,
  files_json TEXT NOT NULL,
  types_json TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);
`,
};
