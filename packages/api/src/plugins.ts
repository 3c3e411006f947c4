import { type Static, Type } from '@sinclair/typebox';
import { Literals, Nullable } from './schema-kit.ts';

/** Plugins: what is loaded, in what state and why, what each contributes, and their settings. */

/**
 * active: loaded and serving; failed: it threw at load, at activation or in use, and is off until
 * re-enabled; refused: its manifest or apiVersion was not accepted, so it was never activated;
 * disabled: an admin turned it off.
 */
export const PLUGIN_STATES = ['active', 'failed', 'refused', 'disabled'] as const;
export type PluginState = (typeof PLUGIN_STATES)[number];
/** built-in: ships with Weir; package: an npm package named in WEIR_PLUGINS; directory: found in the plugins directory. */
export const PLUGIN_SOURCES = ['built-in', 'package', 'directory'] as const;

export const PluginExtension = Type.Object({
  kind: Type.String({ description: 'The extension point, e.g. serdes, topicPresets, healthChecks' }),
  id: Type.String(),
  title: Type.String(),
});
export type PluginExtension = Static<typeof PluginExtension>;

export const PluginView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Nullable(Type.String(), { description: 'Null when the manifest could not be read' }),
  apiVersion: Nullable(Type.String(), { description: 'The plugin API range it was written for' }),
  description: Type.String(),
  source: Literals(PLUGIN_SOURCES),
  location: Type.String({ description: 'The package name, or the directory it was loaded from' }),
  state: Literals(PLUGIN_STATES),
  reason: Nullable(Type.String(), { description: 'Why it is failed, refused or disabled' }),
  since: Nullable(Type.Integer({ description: 'Epoch ms of the last change of state' })),
  permissions: Type.Array(Type.String()),
  extensions: Type.Array(PluginExtension, { description: 'What it contributes while active' }),
  settingsSchema: Nullable(Type.Record(Type.String(), Type.Unknown()), {
    description: "Its settings' JSON Schema; null when it has none",
  }),
});
export type PluginView = Static<typeof PluginView>;

export const PluginList = Type.Object({
  apiVersion: Type.String({ description: 'The plugin API version this Weir implements' }),
  plugins: Type.Array(PluginView),
});
export type PluginList = Static<typeof PluginList>;
export const PluginReply = Type.Object({ plugin: PluginView });
export type PluginReply = Static<typeof PluginReply>;

export const PluginParams = Type.Object({ pluginId: Type.String({ minLength: 1, maxLength: 200 }) });

/** A plugin's settings as stored: secrets (writeOnly in its schema) never come back, only whether set. */
export const PluginSettingsView = Type.Object({
  settings: Type.Record(Type.String(), Type.Unknown()),
  secretsSet: Type.Array(Type.String(), { description: 'The secret settings that hold a value' }),
});
export type PluginSettingsView = Static<typeof PluginSettingsView>;

/** `PUT /plugins/{id}/settings`: checked against the plugin's schema; a secret left out keeps its value. */
export const PluginSettingsInput = Type.Object(
  { settings: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);
export type PluginSettingsInput = Static<typeof PluginSettingsInput>;

/** `PUT /plugins/{id}/state`: turn a plugin off, or on again (which also retries a failed one). */
export const PluginStateInput = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type PluginStateInput = Static<typeof PluginStateInput>;
