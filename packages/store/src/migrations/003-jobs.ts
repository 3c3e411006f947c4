import type { Migration } from './migration.ts';

export const jobsMigration: Migration = {
  version: 3,
  name: 'jobs',
  sql: `
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  spec_json TEXT NOT NULL,
  progress_json TEXT,
  error TEXT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX jobs_cluster_created ON jobs (cluster_id, created_at);
CREATE INDEX jobs_state ON jobs (state);
`,
};
