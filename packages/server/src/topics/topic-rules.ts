import { MAX_TOPIC_NAME_LENGTH } from '@weir/api';

// Kafka's own limits on topic names (org.apache.kafka.common.internals.Topic); the length is the contract's.

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
 * Topics Kafka creates for itself (Topic.INTERNAL_TOPICS and KRaft's metadata log, in Kafka's
 * org.apache.kafka.common.internals.Topic), with the release that introduced each. Kafka creates
 * them with the partition count and compaction its coordinators rely on; one created by hand (say
 * `__consumer_offsets` with 1 partition and delete policy) breaks every group mapped to its missing
 * partitions, so Weir refuses them even where the broker would not.
 */
export const RESERVED_TOPICS: { name: string; since: [number, number]; holds: string }[] = [
  { name: '__consumer_offsets', since: [0, 8], holds: "consumer groups' committed offsets" },
  { name: '__transaction_state', since: [0, 11], holds: 'transaction coordinator state' },
  { name: '__cluster_metadata', since: [2, 8], holds: 'the KRaft metadata log' },
  { name: '__share_group_state', since: [4, 0], holds: 'share group state (KIP-932)' },
];

/**
 * Why `name` is reserved on a cluster running `version` ("major.minor"; unknown counts as the
 * newest), or null when it is free.
 */
export function reservedTopicProblem(name: string, version: string | null): string | null {
  const reserved = RESERVED_TOPICS.find((topic) => topic.name === name);
  if (!reserved) return null;
  const [major = Number.POSITIVE_INFINITY, minor = 0] = version?.split('.').map(Number) ?? [];
  const [sinceMajor, sinceMinor] = reserved.since;
  if (major < sinceMajor || (major === sinceMajor && minor < sinceMinor)) return null;
  return `name: "${name}" is reserved: Kafka creates it itself to hold ${reserved.holds}, with the partitions and cleanup policy that needs; choose another name.`;
}

/**
 * Kafka's topic tool warns about names with "." or "_" (TopicCommand, Topic.hasCollisionChars),
 * since metric names turn "." into "_"; the warning, or null.
 */
export function collisionWarning(name: string): string | null {
  if (!name.includes('.') && !name.includes('_')) return null;
  return "Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.";
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
