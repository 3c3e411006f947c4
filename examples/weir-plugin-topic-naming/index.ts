/**
 * An example Weir plugin, built as a third party builds one: its own npm package, written against
 * `@weir/plugin-sdk` alone. It contributes two health checks:
 * - `topic-naming`: every topic name matches the convention in its settings;
 * - `leaderless-partitions`: no partition is without a leader.
 * Weir loads it from its plugins folder (WEIR_PLUGINS_DIR) or, once published, from WEIR_PLUGINS.
 */
import type { ClusterFacts, HealthFinding, JsonSchema, WeirPlugin } from '@weir/plugin-sdk';

interface Settings {
  pattern: string;
  severity: 'warning' | 'critical';
  includeInternal: boolean;
}

const settingsSchema: JsonSchema = {
  type: 'object',
  properties: {
    pattern: {
      type: 'string',
      title: 'Topic name pattern',
      description: 'A JavaScript regular expression every topic name must match',
      default: '^[a-z0-9]+(\\.[a-z0-9-]+)*$',
      minLength: 1,
    },
    severity: {
      type: 'string',
      title: 'Severity of a name that does not match',
      enum: ['warning', 'critical'],
      default: 'warning',
    },
    includeInternal: {
      type: 'boolean',
      title: "Check Kafka's internal topics too",
      default: false,
    },
  },
  additionalProperties: false,
};

function namingFindings(facts: ClusterFacts, settings: Settings, convention: RegExp): HealthFinding[] {
  const topics = facts.topics.filter((t) => settings.includeInternal || !t.internal);
  const wrong = topics.filter((t) => !convention.test(t.name));
  const findings: HealthFinding[] = wrong.map((t) => ({
    subject: { type: 'topic', name: t.name },
    status: settings.severity,
    reason: `"${t.name}" does not match the naming convention ${settings.pattern}`,
  }));
  findings.push({
    subject: { type: 'cluster', name: facts.cluster.name },
    status: wrong.length ? settings.severity : 'ok',
    reason: `${wrong.length} of ${topics.length} topics do not match ${settings.pattern}`,
    value: wrong.length,
    threshold: 0,
  });
  return findings;
}

function leaderFindings(facts: ClusterFacts): HealthFinding[] {
  return facts.topics.flatMap((topic) => {
    const leaderless = topic.partitions.filter((p) => p.leader < 0);
    if (!leaderless.length) return [];
    return [
      {
        subject: { type: 'topic', name: topic.name },
        status: 'critical',
        reason: `${leaderless.length} of ${topic.partitions.length} partitions have no leader (partitions ${leaderless.map((p) => p.partition).join(', ')}): they can be neither read nor written`,
        value: leaderless.length,
        threshold: 0,
      } satisfies HealthFinding,
    ];
  });
}

const plugin: WeirPlugin<Settings> = {
  manifest: {
    id: 'example.topic-naming',
    name: 'Topic naming and leaders',
    version: '1.0.0',
    apiVersion: '^1.0.0',
    description: 'Checks topic names against a naming convention, and that every partition has a leader',
    contributes: ['healthChecks'],
    permissions: ['cluster:read'],
    settingsSchema,
  },
  activate({ settings, log }) {
    let convention: RegExp;
    try {
      convention = new RegExp(settings.pattern);
    } catch (error) {
      // Thrown at activation, this disables the plugin with the reason shown in Weir's console.
      throw new Error(
        `the pattern ${settings.pattern} is not a regular expression: ${(error as Error).message}`,
      );
    }
    log.info(`checking topic names against ${settings.pattern}`);
    return {
      healthChecks: [
        {
          id: 'topic-naming',
          title: 'Topic names follow the convention',
          run: ({ facts }) => namingFindings(facts, settings, convention),
        },
        {
          id: 'leaderless-partitions',
          title: 'Every partition has a leader',
          run: ({ facts }) => leaderFindings(facts),
        },
      ],
    };
  },
};

export default plugin;
