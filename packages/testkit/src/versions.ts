/** The Kafka releases the harness can run, by the short name tests use. */
export const KAFKA_VERSIONS = {
  '4.1': { version: '4.1.2', mode: 'kraft', scala: '2.13', logging: 'log4j2' },
  '3.9': { version: '3.9.2', mode: 'kraft', scala: '2.13', logging: 'reload4j' },
  '2.8': { version: '2.8.2', mode: 'zookeeper', scala: '2.13', logging: 'log4j1' },
  // ZooKeeper 3.4's client cannot resolve addresses on Java 14+ (ZOOKEEPER-3779); 3.5.9 is wire- and API-compatible.
  '2.2': { version: '2.2.2', mode: 'zookeeper', scala: '2.12', logging: 'log4j1', zookeeper: '3.5.9' },
} as const;

export type KafkaVersionName = keyof typeof KAFKA_VERSIONS;
export type KafkaRelease = KafkaReleaseSpec;

export interface KafkaReleaseSpec {
  version: string;
  mode: 'kraft' | 'zookeeper';
  scala: string;
  logging: 'log4j2' | 'reload4j' | 'log4j1';
  /** A ZooKeeper release replacing the one the Kafka release depends on. */
  zookeeper?: string;
}

/** Accepts a release line (`3.9`, its tested patch) or any patch of a known line (`3.9.1`). */
export function resolveRelease(name: string): KafkaReleaseSpec {
  for (const [line, release] of Object.entries(KAFKA_VERSIONS)) {
    if (name === line || name === release.version) return release;
    if (new RegExp(`^${line.replace('.', '\\.')}\\.\\d+$`).test(name)) return { ...release, version: name };
  }
  const known = Object.values(KAFKA_VERSIONS)
    .map((r) => r.version)
    .join(', ');
  throw new Error(
    `Kafka ${name} is not one the harness runs; use one of ${known} (or another patch of those lines).`,
  );
}
