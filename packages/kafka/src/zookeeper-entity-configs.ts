import type { ClientQuota, ScramUser } from './security.ts';
import { ZooKeeperSession } from './zookeeper-session.ts';

// Before DescribeUserScramCredentials (2.7) and DescribeClientQuotas (2.6), Kafka kept SCRAM
// credentials and quotas only as entity configs in ZooKeeper: /config/users/<user>,
// /config/users/<user>/clients/<client-id>, /config/clients/<client-id> and /config/ips/<ip>.

/** The ZooKeeper entity name Kafka uses for an entity type's default. */
const DEFAULT_ENTITY = '<default>';
const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'];
const QUOTA_KEYS = new Set([
  'producer_byte_rate',
  'consumer_byte_rate',
  'request_percentage',
  'controller_mutation_rate',
  'connection_creation_rate',
]);

export interface EntityConfig {
  /** e.g. `{ user: 'alice', 'client-id': null }`; null is the entity type's default. */
  entity: Record<string, string | null>;
  config: Record<string, string>;
}

/** Kafka stores names URL-encoded (its Sanitizer), so `User:a b` and `*` survive as znode names. */
export const entityName = (znode: string): string | null =>
  znode === DEFAULT_ENTITY ? null : decodeURIComponent(znode.replaceAll('+', ' '));

/** SCRAM users and client quotas, as the Kafka APIs that replaced these znodes would describe them. */
export function describeEntityConfigs(entries: EntityConfig[]): {
  scramUsers: ScramUser[];
  quotas: ClientQuota[];
} {
  const scramUsers: ScramUser[] = [];
  const quotas: ClientQuota[] = [];
  for (const { entity, config } of entries) {
    const user = entity.user;
    const mechanisms = SCRAM_MECHANISMS.filter((m) => config[m] !== undefined).map((mechanism) => ({
      mechanism,
      iterations: Number(/(?:^|,)iterations=(\d+)/.exec(config[mechanism] ?? '')?.[1] ?? 0),
    }));
    if (user && Object.keys(entity).length === 1 && mechanisms.length > 0)
      scramUsers.push({ user, mechanisms });
    const values = Object.entries(config)
      .filter(([key]) => QUOTA_KEYS.has(key))
      .map(([key, value]) => [key, Number(value)] as const);
    if (values.length > 0) quotas.push({ entity, values: Object.fromEntries(values) });
  }
  scramUsers.sort((a, b) => a.user.localeCompare(b.user));
  return { scramUsers, quotas };
}

async function readConfig(session: ZooKeeperSession, path: string): Promise<Record<string, string>> {
  const data = await session.getData(path);
  if (!data || data.length === 0) return {};
  return (JSON.parse(data.toString('utf8')) as { config?: Record<string, string> }).config ?? {};
}

/** Reads every user, client-id and IP entity config from the cluster's ZooKeeper. */
export async function readEntityConfigsFromZooKeeper(
  connectString: string,
  timeoutMs = 5000,
): Promise<{ scramUsers: ScramUser[]; quotas: ClientQuota[] }> {
  const session = await ZooKeeperSession.open(connectString, timeoutMs);
  try {
    const entries: EntityConfig[] = [];
    for (const user of await session.getChildren('/config/users')) {
      const path = `/config/users/${user}`;
      entries.push({ entity: { user: entityName(user) }, config: await readConfig(session, path) });
      for (const client of await session.getChildren(`${path}/clients`)) {
        entries.push({
          entity: { user: entityName(user), 'client-id': entityName(client) },
          config: await readConfig(session, `${path}/clients/${client}`),
        });
      }
    }
    for (const [type, key] of [
      ['clients', 'client-id'],
      ['ips', 'ip'],
    ] as const) {
      for (const name of await session.getChildren(`/config/${type}`)) {
        entries.push({
          entity: { [key]: entityName(name) },
          config: await readConfig(session, `/config/${type}/${name}`),
        });
      }
    }
    return describeEntityConfigs(entries);
  } finally {
    session.close();
  }
}
