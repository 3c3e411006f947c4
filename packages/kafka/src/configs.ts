import { type Admin, ConfigResourceTypes, ConfigSources } from '@platformatic/kafka';
import { rawRequest } from './raw-call.ts';

export type ConfigSourceName =
  | 'topic'
  | 'dynamic-broker'
  | 'dynamic-default-broker'
  | 'static-broker'
  | 'default'
  | 'dynamic-broker-logger'
  | 'unknown';

export interface ConfigEntry {
  name: string;
  /** Null for sensitive values (Kafka never returns them) and unset ones. */
  value: string | null;
  source: ConfigSourceName;
  readOnly: boolean;
  sensitive: boolean;
  /**
   * The value this entry has without its override, from the synonyms Kafka reports (the next one in
   * precedence: dynamic cluster default, static broker config, Kafka's default); for an entry at its
   * default, that value. Null when Kafka reports no lower synonym (a topic's retention.ms override
   * lists only itself) or the value is sensitive.
   */
  defaultValue: string | null;
  /** Where `defaultValue` comes from. */
  defaultSource: ConfigSourceName | null;
  /** Kafka's config type (DescribeConfigs v3+, Kafka 2.6); null from older brokers. */
  type: ConfigTypeName | null;
  documentation: string | null;
}

/** Kafka's ConfigType names, by their code in DescribeConfigs v3+ (0 is UNKNOWN). */
export type ConfigTypeName =
  | 'BOOLEAN'
  | 'STRING'
  | 'INT'
  | 'SHORT'
  | 'LONG'
  | 'DOUBLE'
  | 'LIST'
  | 'CLASS'
  | 'PASSWORD';
const typeNames: (ConfigTypeName | null)[] = [
  null,
  'BOOLEAN',
  'STRING',
  'INT',
  'SHORT',
  'LONG',
  'DOUBLE',
  'LIST',
  'CLASS',
  'PASSWORD',
];

interface DescribedEntry {
  value?: string | null;
  configSource: number;
  isSensitive: boolean;
  synonyms: { name: string; value?: string | null; source: number }[];
}

/**
 * The value an entry falls back to, from its synonyms (Kafka lists them highest precedence first,
 * the entry's own source first): the first synonym from another source; for an entry already at
 * Kafka's default, its own value.
 */
export function fallbackOf(config: DescribedEntry): {
  value: string | null;
  source: ConfigSourceName | null;
} {
  if (config.isSensitive) return { value: null, source: null };
  if (config.configSource === ConfigSources.DEFAULT_CONFIG)
    return { value: config.value ?? null, source: 'default' };
  const next = config.synonyms.find((s) => s.source !== config.configSource);
  return next
    ? { value: next.value ?? null, source: sourceNames[next.source] ?? 'unknown' }
    : { value: null, source: null };
}

const sourceNames: Record<number, ConfigSourceName> = {
  [ConfigSources.DYNAMIC_TOPIC_CONFIG]: 'topic',
  [ConfigSources.DYNAMIC_BROKER_CONFIG]: 'dynamic-broker',
  [ConfigSources.DYNAMIC_DEFAULT_BROKER_CONFIG]: 'dynamic-default-broker',
  [ConfigSources.STATIC_BROKER_CONFIG]: 'static-broker',
  [ConfigSources.DEFAULT_CONFIG]: 'default',
  [ConfigSources.DYNAMIC_BROKER_LOGGER_CONFIG]: 'dynamic-broker-logger',
};

export async function describeConfigs(
  admin: Admin,
  resource: { type: 'topic' | 'broker'; name: string },
): Promise<ConfigEntry[]> {
  const [description] = await admin.describeConfigs({
    resources: [
      {
        resourceType: resource.type === 'topic' ? ConfigResourceTypes.TOPIC : ConfigResourceTypes.BROKER,
        resourceName: resource.name,
        configurationKeys: null,
      } as never,
    ],
    includeSynonyms: true,
    includeDocumentation: true,
  });
  return (description?.configs ?? [])
    .map((config) => {
      const fallback = fallbackOf(config);
      return {
        name: config.name,
        value: config.isSensitive ? null : (config.value ?? null),
        source: sourceNames[config.configSource] ?? 'unknown',
        readOnly: config.readOnly,
        sensitive: config.isSensitive,
        defaultValue: fallback.value,
        defaultSource: fallback.source,
        type: typeNames[config.configType] ?? null,
        documentation: config.documentation ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

// Enough topics per DescribeConfigs to keep requests few without one huge answer.
const TOPICS_PER_REQUEST = 500;

interface RawDescribeConfigs {
  results: { errorCode: number; resourceName: string; configs: { name: string; value: string | null }[] }[];
}

/**
 * One config's effective value for many topics (overrides and inherited defaults alike). A topic the
 * broker cannot describe (just created or deleted elsewhere) is left out instead of failing the rest.
 */
export async function describeTopicConfigValue(
  admin: Admin,
  topics: string[],
  key: string,
): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (let i = 0; i < topics.length; i += TOPICS_PER_REQUEST) {
    const resources = topics.slice(i, i + TOPICS_PER_REQUEST).map((name) => ({
      resourceType: ConfigResourceTypes.TOPIC,
      resourceName: name,
      configurationKeys: [key],
    }));
    const response = await rawRequest<RawDescribeConfigs>(
      admin,
      'DescribeConfigs',
      [resources, false, false],
      {
        keepErrorCodes: true,
      },
    );
    for (const result of response.results) {
      const value = result.errorCode === 0 ? result.configs.find((c) => c.name === key)?.value : null;
      if (value != null) values.set(result.resourceName, value);
    }
  }
  return values;
}
