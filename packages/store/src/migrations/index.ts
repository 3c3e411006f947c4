import { initialMigration } from './001-initial.ts';
import { clustersMigration } from './002-clusters.ts';
import { jobsMigration } from './003-jobs.ts';
import { jobEventsMigration } from './004-job-events.ts';
import { auditClusterMigration } from './005-audit-cluster.ts';
import { schemasMigration } from './006-schemas.ts';
import type { Migration } from './migration.ts';

/** Every migration in order. Append only: an applied migration is never edited. */
export const migrations: readonly Migration[] = [
  initialMigration,
  clustersMigration,
  jobsMigration,
  jobEventsMigration,
  auditClusterMigration,
  schemasMigration,
];
