/** The Kafka releases the harness can run, by the short name tests use. */
export const KAFKA_VERSIONS = {
  '4.1': { version: '4.1.2', mode: 'kraft', scala: '2.13', logging: 'log4j2' },
  '3.9': { version: '3.9.2', mode: 'kraft', scala: '2.13', logging: 'reload4j' },
  '2.8': { version: '2.8.2', mode: 'zookeeper', scala: '2.13', logging: 'log4j1' },
} as const;

export type KafkaVersionName = keyof typeof KAFKA_VERSIONS;
export type KafkaRelease = (typeof KAFKA_VERSIONS)[KafkaVersionName];

/** Accepts a short name (`3.9`) or a full version (`3.9.2`). */
export function resolveRelease(name: string): KafkaRelease {
  for (const [short, release] of Object.entries(KAFKA_VERSIONS)) {
    if (name === short || name === release.version) return release;
  }
  const known = Object.values(KAFKA_VERSIONS)
    .map((r) => r.version)
    .join(', ');
  throw new Error(`Kafka ${name} is not one the harness runs; use one of ${known}.`);
}
