import { resolveKafkaJars } from './jars.ts';
import { runJava } from './processes.ts';
import { resolveRelease } from './versions.ts';

/** Kafka's own command-line tools, by the name of their shell script, per release. */
const TOOL_CLASSES: Record<string, { legacy: string; modern: string; modernSince: string }> = {
  'kafka-topics': {
    legacy: 'kafka.admin.TopicCommand',
    modern: 'org.apache.kafka.tools.TopicCommand',
    modernSince: '3.7',
  },
  'kafka-consumer-groups': {
    legacy: 'kafka.admin.ConsumerGroupCommand',
    modern: 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
    modernSince: '3.8',
  },
  'kafka-get-offsets': {
    legacy: 'kafka.tools.GetOffsetShell',
    modern: 'org.apache.kafka.tools.GetOffsetShell',
    modernSince: '3.5',
  },
  'kafka-console-producer': {
    legacy: 'kafka.tools.ConsoleProducer',
    modern: 'org.apache.kafka.tools.ConsoleProducer',
    modernSince: '3.8',
  },
  'kafka-console-consumer': {
    legacy: 'kafka.tools.ConsoleConsumer',
    modern: 'org.apache.kafka.tools.consumer.ConsoleConsumer',
    modernSince: '3.8',
  },
  'kafka-reassign-partitions': {
    legacy: 'kafka.admin.ReassignPartitionsCommand',
    modern: 'org.apache.kafka.tools.reassign.ReassignPartitionsCommand',
    modernSince: '3.7',
  },
  // Verified: kafka.admin in 2.8.2, org.apache.kafka.tools in 3.9.2.
  'kafka-leader-election': {
    legacy: 'kafka.admin.LeaderElectionCommand',
    modern: 'org.apache.kafka.tools.LeaderElectionCommand',
    modernSince: '3.9',
  },
  'kafka-configs': {
    legacy: 'kafka.admin.ConfigCommand',
    modern: 'kafka.admin.ConfigCommand',
    modernSince: '0',
  },
  'kafka-features': {
    legacy: 'kafka.admin.FeatureCommand',
    modern: 'org.apache.kafka.tools.FeatureCommand',
    modernSince: '3.5',
  },
};

const atLeast = (version: string, floor: string) => {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = floor.split('.').map(Number);
  return a > c || (a === c && b >= d);
};

/**
 * Runs one of Kafka's own tools (`kafka-topics`, `kafka-console-producer`, …) from the
 * harness's jars, with `input` on its standard input, and returns its standard output. Used as the oracle that Weir's answers are checked against.
 */
export async function runKafkaTool(
  version: string,
  tool: string,
  args: string[],
  options: { input?: string } = {},
): Promise<string> {
  const release = resolveRelease(version);
  const classes = TOOL_CLASSES[tool];
  if (!classes)
    throw new Error(`Unknown Kafka tool ${tool}; known: ${Object.keys(TOOL_CLASSES).join(', ')}.`);
  const mainClass = atLeast(release.version, classes.modernSince) ? classes.modern : classes.legacy;
  const libDir = await resolveKafkaJars(release);
  return runJava(
    [
      '-Xmx256m',
      '-XX:TieredStopAtLevel=1',
      '-Dlog4j.configuration=file:/dev/null',
      '-cp',
      `${libDir}/*`,
      mainClass,
      ...args,
    ],
    options,
  );
}
