import type { Migration } from './migration.ts';

const table = (autoId: string) => `
CREATE TABLE job_events (
  id ${autoId},
  job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  type TEXT NOT NULL,
  detail TEXT NOT NULL,
  data_json TEXT
);
CREATE INDEX job_events_job ON job_events (job_id, id);
`;

export const jobEventsMigration: Migration = {
  version: 4,
  name: 'job events (history)',
  sql: {
    sqlite: table('INTEGER PRIMARY KEY AUTOINCREMENT'),
    postgres: table('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
};
