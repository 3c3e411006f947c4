import type { TopicPreset } from '../operations/operations.types.ts';
/** Kafka's own limits on topic names (org.apache.kafka.common.internals.Topic). */
export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Every reason `name` cannot be a topic name, each saying how to fix it; empty when it can. */
export function topicNameProblems(name: string): string[] {
  if (name.length === 0) return ['name: is empty; give the topic a name.'];
  const problems: string[] = [];
  if (name === '.' || name === '..') problems.push(`name: "${name}" is reserved; choose another name.`);
  if (name.length > MAX_TOPIC_NAME_LENGTH)
    problems.push(`name: is ${name.length} characters long; Kafka allows at most ${MAX_TOPIC_NAME_LENGTH}.`);
  if (!LEGAL.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[a-zA-Z0-9._-]/.test(c)))].map((c) =>
      JSON.stringify(c),
    );
    problems.push(`name: contains ${bad.join(', ')}; use only letters, digits, ".", "_" and "-".`);
  }
  return problems;
}

/**
 * Kafka replaces "." with "_" in metric names, so "a.b" and "a_b" would share metrics; Kafka refuses
 * the second one. Returns the existing topic the name would collide with.
 */
export function collidingTopic(name: string, existing: Iterable<string>): string | null {
  const key = name.replaceAll('.', '_');
  for (const other of existing) if (other !== name && other.replaceAll('.', '_') === key) return other;
  return null;
}

/** Settings users reach for when creating a topic; each is plain topic configs, shown before applying. */
export const TOPIC_PRESETS: TopicPreset[] = [
  { id: 'default', label: 'Cluster defaults', configs: {} },
  { id: 'compacted', label: 'Compacted (latest value per key)', configs: { 'cleanup.policy': 'compact' } },
  { id: 'short-retention', label: 'Short retention (1 day)', configs: { 'retention.ms': '86400000' } },
  { id: 'long-retention', label: 'Long retention (30 days)', configs: { 'retention.ms': '2592000000' } },
  {
    id: 'durable',
    label: 'Durable (acks=all needs 2 in-sync replicas)',
    configs: { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false' },
  },
  {
    id: 'large-messages',
    label: 'Large messages (up to 10 MiB)',
    configs: { 'max.message.bytes': '10485760' },
  },
];
