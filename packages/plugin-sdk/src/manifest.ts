import type { AlertChannel } from './alerts.ts';
import type { ConnectorTemplate } from './connectors.ts';
import type { HealthCheck } from './health.ts';
import type { JsonSchema } from './json-schema.ts';
import type { LoginProvider } from './login.ts';
import type { MetricSource } from './metrics.ts';
import type { PipelineTransform } from './pipelines.ts';
import type { TopicPreset } from './presets.ts';
import type { Serde } from './serdes.ts';

/**
 * The version of the plugin API this SDK describes. A plugin names the versions it was written for
 * as a semver range in `manifest.apiVersion` (e.g. `^1.0.0`); the host refuses to load a plugin
 * whose range this version does not satisfy. Minor versions add extension points or optional
 * fields; a major version changes or removes something a plugin may rely on.
 */
export const PLUGIN_API_VERSION = '1.0.0';

/** The kinds of extension a plugin may contribute, as the keys of its contributions. */
export const EXTENSION_KINDS = [
  'serdes',
  'topicPresets',
  'healthChecks',
  'metricSources',
  'alertChannels',
  'loginProviders',
  'connectorTemplates',
  'pipelineTransforms',
] as const;
export type ExtensionKind = (typeof EXTENSION_KINDS)[number];

/**
 * What a plugin asks of Weir. The host hands a plugin only what its permissions name, and an admin
 * sees them before enabling it. Plugins run in Weir's process: a permission says what Weir gives
 * the plugin, it is not a sandbox around the plugin's own code.
 * - `cluster:read`: the read model of a cluster (brokers, topics, partitions, groups), for health
 *   checks and metric sources;
 * - `messages:read`: record bytes, for serdes;
 * - `network`: the plugin opens connections of its own (a schema registry, a webhook, an IdP);
 * - `secrets`: settings marked `writeOnly` in its schema (passwords, tokens), unsealed for it.
 */
export const PLUGIN_PERMISSIONS = ['cluster:read', 'messages:read', 'network', 'secrets'] as const;
export type PluginPermission = (typeof PLUGIN_PERMISSIONS)[number];

/** The permission each extension kind needs; a contribution without it is refused at load. */
export const KIND_PERMISSIONS: Readonly<Record<ExtensionKind, PluginPermission | null>> = {
  serdes: 'messages:read',
  topicPresets: null,
  healthChecks: 'cluster:read',
  metricSources: 'cluster:read',
  alertChannels: 'network',
  loginProviders: 'network',
  connectorTemplates: null,
  pipelineTransforms: null,
};

/**
 * A plugin's description of itself, checked by the host before it calls `activate`. The module is
 * imported to read it, so keep the module's top-level code free of side effects.
 */
export interface PluginManifest {
  /** Unique among loaded plugins: lower case letters, digits, `.`, `-`; e.g. `acme.slack-alerts`. */
  id: string;
  /** Shown in the console. */
  name: string;
  /** The plugin's own version, semver. */
  version: string;
  /** The plugin API versions it works with, a semver range such as `^1.0.0`. */
  apiVersion: string;
  description?: string;
  /** The extension kinds it contributes; what `activate` returns must stay within them. */
  contributes: ExtensionKind[];
  permissions: PluginPermission[];
  /**
   * Its settings as a JSON Schema (draft 2020-12 keywords an object form needs: type, properties,
   * required, enum, default, minimum, maximum, pattern, format, items, title, description). The
   * console renders the form from it and the host validates every change against it. A property
   * with `writeOnly: true` is a secret: sealed at rest, never sent back, given to the plugin only
   * with the `secrets` permission.
   */
  settingsSchema?: JsonSchema;
}

/** A plugin's extensions, each as its extension point defines it. */
export interface PluginContributions {
  serdes?: Serde[];
  topicPresets?: TopicPreset[];
  healthChecks?: HealthCheck[];
  metricSources?: MetricSource[];
  alertChannels?: AlertChannel[];
  loginProviders?: LoginProvider[];
  connectorTemplates?: ConnectorTemplate[];
  pipelineTransforms?: PipelineTransform[];
}

/** A line for Weir's log, attributed to the plugin; never put secrets in it. */
export interface PluginLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What the host gives a plugin when it activates it. */
export interface PluginContext<Settings = Record<string, unknown>> {
  /** The settings as validated against `settingsSchema`, defaults filled in. */
  settings: Settings;
  log: PluginLog;
}

/**
 * A plugin module's default export. `activate` runs at load and again whenever its settings change;
 * an error thrown there, or by any of its extensions later, disables the plugin with that error as
 * the reason shown, and Weir keeps running without it.
 */
export interface WeirPlugin<Settings = Record<string, unknown>> {
  manifest: PluginManifest;
  activate(context: PluginContext<Settings>): PluginContributions | Promise<PluginContributions>;
}
