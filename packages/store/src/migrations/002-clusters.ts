import type { Migration } from './migration.ts';

export const clustersMigration: Migration = {
  version: 2,
  name: 'clusters',
  sql: `
CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  definition_json TEXT NOT NULL,
  secrets_sealed TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
`,
};
