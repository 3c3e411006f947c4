// Before 2.4 Kafka depends on ZooKeeper 3.4, whose client cannot resolve addresses on Java 14+
// (ZOOKEEPER-3779); 3.5.9 is wire- and API-compatible. Before 1.0 Kafka needs JAXB, gone from Java 11.
const ZOOKEEPER_35 = 'org.apache.zookeeper:zookeeper:3.5.9';
const JAXB = 'javax.xml.bind:jaxb-api:2.3.1';

/** The Kafka releases the harness can run, by the short name tests use. */
export const KAFKA_VERSIONS = {
  '4.1': { version: '4.1.2', mode: 'kraft', scala: '2.13', logging: 'log4j2' },
  '3.9': { version: '3.9.2', mode: 'kraft', scala: '2.13', logging: 'reload4j' },
  '2.8': { version: '2.8.2', mode: 'zookeeper', scala: '2.13', logging: 'log4j1' },
  '2.2': {
    version: '2.2.2',
    mode: 'zookeeper',
    scala: '2.12',
    logging: 'log4j1',
    extraArtifacts: [ZOOKEEPER_35],
  },
  '2.0': {
    version: '2.0.1',
    mode: 'zookeeper',
    scala: '2.12',
    logging: 'log4j1',
    extraArtifacts: [ZOOKEEPER_35],
  },
  '1.1': {
    version: '1.1.1',
    mode: 'zookeeper',
    scala: '2.12',
    logging: 'log4j1',
    extraArtifacts: [ZOOKEEPER_35],
  },
  '0.11': {
    version: '0.11.0.3',
    mode: 'zookeeper',
    scala: '2.12',
    logging: 'log4j1',
    extraArtifacts: [ZOOKEEPER_35, JAXB],
  },
} as const;

export type KafkaVersionName = keyof typeof KAFKA_VERSIONS;
export type KafkaRelease = KafkaReleaseSpec;

export interface KafkaReleaseSpec {
  version: string;
  mode: 'kraft' | 'zookeeper';
  scala: string;
  logging: 'log4j2' | 'reload4j' | 'log4j1';
  /** `group:artifact:version` added to (or replacing a dependency on) the class path. */
  extraArtifacts?: readonly string[];
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
