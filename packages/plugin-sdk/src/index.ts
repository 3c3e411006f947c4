/**
 * `@weir/plugin-sdk`: what a Weir plugin is written against. A plugin is an ES module whose default
 * export is a `WeirPlugin`: a manifest, and an `activate` function returning its contributions to
 * the extension points below. docs/plugins.md has the rules of each and a worked example.
 */
export type { AlertChannel, AlertNotice } from './alerts.ts';
export type { ClusterFacts, TopicFacts } from './cluster-facts.ts';
export type { ConnectorTemplate } from './connectors.ts';
export type { HealthCheck, HealthFinding, HealthStatus } from './health.ts';
export type { JsonSchema } from './json-schema.ts';
export type {
  LoginIdentity,
  LoginProvider,
  PasswordLoginProvider,
  RedirectLoginProvider,
} from './login.ts';
export {
  EXTENSION_KINDS,
  type ExtensionKind,
  KIND_PERMISSIONS,
  PLUGIN_API_VERSION,
  PLUGIN_PERMISSIONS,
  type PluginContext,
  type PluginContributions,
  type PluginLog,
  type PluginManifest,
  type PluginPermission,
  type WeirPlugin,
} from './manifest.ts';
export type { MetricSample, MetricSource, MetricUnit } from './metrics.ts';
export type { CompiledTransform, PipelineTransform } from './pipelines.ts';
export type { TopicPreset } from './presets.ts';
export type {
  Decoded,
  Decoder,
  Encoder,
  RecordPart,
  SchemaFormat,
  SchemaRegistryConnection,
  Serde,
  SerdeBinding,
  UploadedSchema,
} from './serdes.ts';
