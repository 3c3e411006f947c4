import type { Migration } from './migration.ts';

// Entries written before this migration held a cluster-scoped target as `<cluster uuid>/<name>`: the
// uuid moves to cluster_id and the target keeps the name, so old and new entries filter alike.
const UUID_PREFIXED = `target LIKE '________-____-____-____-____________/%'`;

const sql = `
ALTER TABLE audit_log ADD COLUMN cluster_id TEXT;
UPDATE audit_log SET cluster_id = substr(target, 1, 36), target = substr(target, 38) WHERE ${UUID_PREFIXED};
CREATE INDEX audit_log_cluster_idx ON audit_log(cluster_id, id);
`;

export const auditClusterMigration: Migration = {
  version: 5,
  name: 'audit log: the cluster an entry is about',
  sql: { sqlite: sql, postgres: sql },
};
