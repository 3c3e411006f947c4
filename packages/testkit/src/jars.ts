import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertJavaAndMaven } from './prerequisites.ts';
import type { KafkaRelease } from './versions.ts';

const run = promisify(execFile);
const COMPLETE_MARKER = '.complete';

/** `$WEIR_KAFKA_CACHE`, default ~/.cache/weir/kafka: one directory per version, reused between runs. */
export const kafkaCacheDir = (): string =>
  process.env.WEIR_KAFKA_CACHE ?? join(homedir(), '.cache', 'weir', 'kafka');

interface Artifact {
  group: string;
  artifact: string;
  version: string;
}

/** What each release needs on its class path; logging back ends are not transitive, so they are listed. */
function artifactsFor(release: KafkaRelease): Artifact[] {
  const kafka = (artifact: string) => ({ group: 'org.apache.kafka', artifact, version: release.version });
  const common = [
    kafka(`kafka_${release.scala}`),
    kafka('connect-runtime'),
    kafka('connect-file'),
    kafka('connect-json'),
  ];
  switch (release.logging) {
    case 'log4j2':
      // Kafka 4 brings log4j-core; its slf4j 1.7 API needs the log4j binding.
      return [
        ...common,
        kafka('kafka-tools'),
        { group: 'org.apache.logging.log4j', artifact: 'log4j-slf4j-impl', version: '2.25.3' },
      ];
    case 'reload4j':
      return [
        ...common,
        kafka('kafka-tools'),
        { group: 'ch.qos.reload4j', artifact: 'reload4j', version: '1.2.25' },
        { group: 'org.slf4j', artifact: 'slf4j-reload4j', version: '1.7.36' },
      ];
    case 'log4j1':
      return [
        ...common,
        ...(release.extraArtifacts ?? []).map((coordinates) => {
          const [group = '', artifact = '', version = ''] = coordinates.split(':');
          return { group, artifact, version };
        }),
        { group: 'log4j', artifact: 'log4j', version: '1.2.17' },
        { group: 'org.slf4j', artifact: 'slf4j-log4j12', version: '1.7.30' },
      ];
  }
}

function pomFor(release: KafkaRelease): string {
  const dependencies = artifactsFor(release)
    .map(
      (a) =>
        `<dependency><groupId>${a.group}</groupId><artifactId>${a.artifact}</artifactId><version>${a.version}</version></dependency>`,
    )
    .join('\n    ');
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>weir.harness</groupId>
  <artifactId>kafka-${release.version}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    ${dependencies}
  </dependencies>
</project>
`;
}

const inFlight = new Map<string, Promise<string>>();

/**
 * Returns the directory holding every jar of `release`, downloading them with Maven the first time.
 * The marker file is written only after Maven succeeded, so an interrupted download is retried.
 */
export function resolveKafkaJars(release: KafkaRelease): Promise<string> {
  const versionDir = join(kafkaCacheDir(), release.version);
  const libDir = join(versionDir, 'lib');
  if (existsSync(join(versionDir, COMPLETE_MARKER))) return Promise.resolve(libDir);
  const pending = inFlight.get(release.version);
  if (pending) return pending;
  const download = (async () => {
    assertJavaAndMaven();
    rmSync(libDir, { recursive: true, force: true });
    mkdirSync(libDir, { recursive: true });
    const pomPath = join(versionDir, 'pom.xml');
    writeFileSync(pomPath, pomFor(release));
    try {
      await run(
        'mvn',
        [
          '-B',
          '-q',
          '-f',
          pomPath,
          'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
          '-DincludeScope=runtime',
          `-DoutputDirectory=${libDir}`,
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (error) {
      const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      throw new Error(
        `Maven could not fetch Kafka ${release.version}: ${output.trim().split('\n').slice(-5).join(' ')}`,
        {
          cause: error,
        },
      );
    }
    if (readdirSync(libDir).length === 0)
      throw new Error(`Maven fetched no jars for Kafka ${release.version}.`);
    writeFileSync(join(versionDir, COMPLETE_MARKER), new Date().toISOString());
    return libDir;
  })();
  inFlight.set(release.version, download);
  download.finally(() => inFlight.delete(release.version)).catch(() => undefined);
  return download;
}
