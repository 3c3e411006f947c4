import type { JsonSchema } from '@weir/plugin-sdk';
import type { SettingsRepository } from '@weir/store';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { InputError } from '../errors.ts';
import type { SecretBox } from '../secrets/secret-box.ts';

/** How a plugin's settings sit in the settings table: clear values, and the secrets sealed apart. */
interface StoredSettings {
  values: Record<string, unknown>;
  sealed: string | null;
}

const key = (pluginId: string) => `plugin-settings:${pluginId}`;

/** The top-level properties a schema marks `writeOnly`: the plugin's secrets. */
export function secretNames(schema: JsonSchema | undefined): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, property]) => property.writeOnly === true)
    .map(([name]) => name);
}

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false });
addFormats.default(ajv);

function describe(error: ErrorObject): string {
  const at = error.instancePath ? `settings${error.instancePath.replaceAll('/', '.')}` : 'settings';
  if (error.keyword === 'additionalProperties')
    return `${at}: "${String(error.params.additionalProperty)}" is not a setting of this plugin; remove it.`;
  if (error.keyword === 'required') return `${at}: add "${String(error.params.missingProperty)}".`;
  return `${at}: ${error.message ?? 'is not valid'}.`;
}

/**
 * A plugin's settings, stored like Weir's other settings, with its secrets (`writeOnly` properties)
 * sealed by the secret box. Every change is validated against the plugin's JSON Schema (Ajv, JSON
 * Schema 2020-12), defaults filled in.
 */
export class PluginSettings {
  readonly #settings: SettingsRepository;
  readonly #secretBox: SecretBox;

  constructor(settings: SettingsRepository, secretBox: SecretBox) {
    this.#settings = settings;
    this.#secretBox = secretBox;
  }

  /**
   * The settings in full (secrets opened), validated, defaults filled in: what the plugin is given.
   * @throws InputError listing what in the stored settings no longer fits the schema.
   */
  async read(pluginId: string, schema: JsonSchema | undefined): Promise<Record<string, unknown>> {
    const stored = await this.#stored(pluginId);
    const settings = { ...stored.values, ...this.#open(stored.sealed) };
    return schema
      ? this.#validate(schema, settings, 'The stored settings no longer fit the plugin')
      : settings;
  }

  /** What the API shows: the clear values, and which secrets are set. */
  async view(
    pluginId: string,
    schema: JsonSchema | undefined,
  ): Promise<{ settings: Record<string, unknown>; secretsSet: string[] }> {
    const stored = await this.#stored(pluginId);
    const secrets = this.#open(stored.sealed);
    const hidden = new Set(secretNames(schema));
    const settings = Object.fromEntries(Object.entries(stored.values).filter(([name]) => !hidden.has(name)));
    return {
      settings,
      secretsSet: Object.keys(secrets)
        .filter((name) => hidden.has(name))
        .sort(),
    };
  }

  /**
   * Validates and stores new settings; a secret left out keeps its stored value.
   * @returns the settings in full, as the plugin will be given them.
   * @throws InputError with each problem, naming the setting and the fix.
   */
  async save(
    pluginId: string,
    schema: JsonSchema | undefined,
    input: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    if (!schema) {
      if (Object.keys(input).length)
        throw new InputError('This plugin has no settings; send {"settings": {}}.', [
          'settings: this plugin declares no settings.',
        ]);
      return {};
    }
    const stored = await this.#stored(pluginId);
    const previousSecrets = this.#open(stored.sealed);
    const names = secretNames(schema);
    const merged: Record<string, unknown> = { ...input };
    for (const name of names)
      if (merged[name] === undefined && name in previousSecrets) merged[name] = previousSecrets[name];
    const settings = this.#validate(schema, merged, 'The settings are invalid');
    const secrets = Object.fromEntries(
      names.filter((n) => settings[n] !== undefined).map((n) => [n, settings[n]]),
    );
    const values = Object.fromEntries(Object.entries(settings).filter(([name]) => !names.includes(name)));
    const record: StoredSettings = {
      values,
      sealed: Object.keys(secrets).length ? this.#secretBox.seal(JSON.stringify(secrets)) : null,
    };
    await this.#settings.set(key(pluginId), record, Date.now());
    return settings;
  }

  #validate(schema: JsonSchema, settings: Record<string, unknown>, lead: string): Record<string, unknown> {
    let validate: ReturnType<typeof ajv.compile>;
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new InputError(`The plugin's settings schema cannot be used: ${(error as Error).message}`);
    }
    const copy = structuredClone(settings);
    if (!validate(copy)) {
      const problems = (validate.errors ?? []).map(describe);
      throw new InputError(`${lead}: ${problems.join(' ')}`, problems);
    }
    return copy;
  }

  async #stored(pluginId: string): Promise<StoredSettings> {
    return (await this.#settings.get<StoredSettings>(key(pluginId))) ?? { values: {}, sealed: null };
  }

  #open(sealed: string | null): Record<string, unknown> {
    return sealed ? (JSON.parse(this.#secretBox.open(sealed)) as Record<string, unknown>) : {};
  }
}
