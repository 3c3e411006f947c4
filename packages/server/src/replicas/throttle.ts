import type { ConfigChange } from '@weir/kafka';

export interface Move {
  topic: string;
  partition: number;
  from: number[];
  to: number[];
}

/** Settings a throttled reassignment writes, as kafka-reassign-partitions does, and removes afterwards. */
export interface ThrottleSettings {
  /** Per topic: which replicas send (current ones) and which receive (new ones) under the throttle. */
  topics: { topic: string; leader: string; follower: string }[];
  /** Brokers taking part, each given the byte rate for both directions. */
  brokers: number[];
  bytesPerSecond: number;
}

export const TOPIC_THROTTLE_KEYS = [
  'leader.replication.throttled.replicas',
  'follower.replication.throttled.replicas',
];
export const BROKER_THROTTLE_KEYS = [
  'leader.replication.throttled.rate',
  'follower.replication.throttled.rate',
];

export function throttleSettings(moves: Move[], bytesPerSecond: number): ThrottleSettings {
  const byTopic = new Map<string, { leader: string[]; follower: string[] }>();
  const brokers = new Set<number>();
  for (const move of moves) {
    const entry = byTopic.get(move.topic) ?? { leader: [], follower: [] };
    for (const r of move.from) entry.leader.push(`${move.partition}:${r}`);
    for (const r of move.to.filter((r) => !move.from.includes(r)))
      entry.follower.push(`${move.partition}:${r}`);
    byTopic.set(move.topic, entry);
    for (const r of [...move.from, ...move.to]) brokers.add(r);
  }
  return {
    topics: [...byTopic].map(([topic, e]) => ({
      topic,
      leader: e.leader.join(','),
      follower: e.follower.join(','),
    })),
    brokers: [...brokers].sort((a, b) => a - b),
    bytesPerSecond,
  };
}

export function topicThrottleChanges(
  entry: ThrottleSettings['topics'][number],
  remove: boolean,
): ConfigChange[] {
  return [
    { name: 'leader.replication.throttled.replicas', value: remove ? null : entry.leader },
    // An empty follower list would be refused; a move that only reorders adds no follower.
    { name: 'follower.replication.throttled.replicas', value: remove ? null : entry.follower || null },
  ].filter((c) => remove || c.value !== null);
}

export function brokerThrottleChanges(bytesPerSecond: number, remove: boolean): ConfigChange[] {
  return BROKER_THROTTLE_KEYS.map((name) => ({ name, value: remove ? null : String(bytesPerSecond) }));
}
