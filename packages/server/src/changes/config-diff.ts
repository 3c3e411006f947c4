import type { ConfigDiffRow } from '@weir/api';
import type { ConfigChange, ConfigEntry } from '@weir/kafka';

/**
 * Each requested change against the current entries: unknown keys, read-only entries and no-op
 * changes are reported as problems, so nothing is sent that Kafka would partly apply.
 */
/**
 * Broker settings Kafka accepts dynamically but DescribeConfigs does not list until they are set
 * (kafka.server.DynamicConfig.Broker).
 */
const DYNAMIC_ONLY_BROKER_KEYS = [
  'leader.replication.throttled.rate',
  'follower.replication.throttled.rate',
  'replica.alter.log.dirs.io.max.bytes.per.second',
];

// Once set, brokers report these as read-only (they are outside the static config definition).
export const withDynamicOnlyBrokerKeys = (entries: ConfigEntry[]): ConfigEntry[] => [
  ...entries.map((e) => (DYNAMIC_ONLY_BROKER_KEYS.includes(e.name) ? { ...e, readOnly: false } : e)),
  ...DYNAMIC_ONLY_BROKER_KEYS.filter((name) => !entries.some((e) => e.name === name)).map((name) => ({
    name,
    value: null,
    source: 'default' as const,
    readOnly: false,
    sensitive: false,
    defaultValue: null,
    defaultSource: null,
    type: 'LONG' as const,
    documentation: null,
  })),
];

export function diffConfigs(
  current: ConfigEntry[],
  changes: ConfigChange[],
): { rows: ConfigDiffRow[]; problems: string[] } {
  const byName = new Map(current.map((entry) => [entry.name, entry]));
  const rows: ConfigDiffRow[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    const entry = byName.get(change.name);
    if (seen.has(change.name)) {
      problems.push(`${change.name}: named twice; keep one change per key.`);
      continue;
    }
    seen.add(change.name);
    if (!entry) {
      const near = closest(change.name, [...byName.keys()]);
      problems.push(
        `${change.name}: is not a config of this resource${near ? `; did you mean "${near}"?` : '.'}`,
      );
      continue;
    }
    if (entry.readOnly) {
      problems.push(
        `${change.name}: is read-only here; it can only be changed in the broker's server.properties.`,
      );
      continue;
    }
    const after = change.value === null ? entry.defaultValue : change.value;
    if (!entry.sensitive && change.value !== null && change.value === entry.value) {
      problems.push(`${change.name}: is already "${change.value}"; nothing to change.`);
      continue;
    }
    rows.push({
      name: change.name,
      before: entry.value,
      after,
      source: entry.source,
      reset: change.value === null,
    });
  }
  return { rows, problems };
}

/**
 * Which of the changed keys a broker's refusal is about: Kafka answers per resource, not per key, and
 * names the key in its message ("Invalid value 0 for configuration min.insync.replicas: …"). The
 * longest key the message names wins (so `retention.ms` is not taken for `local.retention.ms`); null
 * when it names none of them.
 */
export function keyNamedIn(message: string, changes: { name: string }[]): string | null {
  const named = changes
    .map((c) => c.name)
    .filter((name) => {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // Not inside a longer key; a sentence's closing period may follow.
      return new RegExp(`(^|[^\\w.-])${escaped}($|[^\\w.-]|\\.(\\s|$))`, 'i').test(message);
    })
    .sort((a, b) => b.length - a.length);
  return named[0] ?? null;
}

/** The known key with the fewest edits from `name`, when it is close enough to be a typo. */
function closest(name: string, candidates: string[]): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const key of candidates) {
    const distance = editDistance(name, key);
    if (!best || distance < best.distance) best = { key, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 5)) ? best.key : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
