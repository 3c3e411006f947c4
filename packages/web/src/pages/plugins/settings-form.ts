/**
 * How a plugin's settings schema becomes its form, and the form's answer the saved settings. Secrets
 * are the top-level properties the schema marks `writeOnly` (as the server reads them): never sent
 * back, shown as password inputs, and left out of the save when left empty so the server keeps them.
 */

/** The part of a JSON Schema this file reads. */
interface SettingsSchema {
  properties?: Record<string, unknown>;
}

type Settings = Record<string, unknown>;

/** The setting names the schema marks `writeOnly`: the plugin's secrets. */
export function secretNames(schema: SettingsSchema): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => (property as { writeOnly?: unknown } | null)?.writeOnly === true)
    .map(([name]) => name);
}

/** A uiSchema (react-jsonschema-form's) for one secret: a password input, with a hint when it holds a value. */
export interface SecretUi {
  'ui:widget': 'password';
  'ui:help'?: string;
}

/**
 * The form's uiSchema: each secret as a password input; `keepHint` under those already set
 * ("set — leave empty to keep").
 */
export function settingsUiSchema(
  schema: SettingsSchema,
  secretsSet: readonly string[],
  keepHint: string,
): Record<string, SecretUi> {
  return Object.fromEntries(
    secretNames(schema).map((name) => [
      name,
      {
        'ui:widget': 'password',
        ...(secretsSet.includes(name) ? { 'ui:help': keepHint } : {}),
      },
    ]),
  );
}

/** The body's settings: what the form holds, less each secret left empty (the server then keeps it). */
export function settingsToSave(schema: SettingsSchema, formData: Settings): Settings {
  const secrets = new Set(secretNames(schema));
  return Object.fromEntries(
    Object.entries(formData).filter(
      ([name, value]) => !(secrets.has(name) && (value === undefined || value === null || value === '')),
    ),
  );
}
