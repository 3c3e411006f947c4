import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  EXTENSION_KINDS,
  KIND_PERMISSIONS,
  PLUGIN_API_VERSION,
  PLUGIN_PERMISSIONS,
  type PluginManifest,
} from '@weir/plugin-sdk';
import semver from 'semver';

const ManifestSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{0,99}$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    version: Type.String({ minLength: 1, maxLength: 100 }),
    apiVersion: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    contributes: Type.Array(Type.Union(EXTENSION_KINDS.map((kind) => Type.Literal(kind))), {
      uniqueItems: true,
    }),
    permissions: Type.Array(Type.Union(PLUGIN_PERMISSIONS.map((p) => Type.Literal(p))), {
      uniqueItems: true,
    }),
    settingsSchema: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
type CheckedManifest = Static<typeof ManifestSchema>;

/** Per field, what a manifest must hold; said when it does not. */
const FIELD_RULES: Record<string, string> = {
  id: 'lower case letters, digits, "." and "-", e.g. acme.slack-alerts',
  name: 'a non-empty name',
  version: "the plugin's semver version, e.g. 1.2.0",
  apiVersion: `a semver range of plugin API versions, e.g. ^${PLUGIN_API_VERSION}`,
  contributes: `a list of extension kinds among ${EXTENSION_KINDS.join(', ')}`,
  permissions: `a list among ${PLUGIN_PERMISSIONS.join(', ')}`,
  settingsSchema: 'a JSON Schema object',
};

/**
 * Checks a plugin module's manifest before its `activate` runs: the shape, a semver version, an
 * `apiVersion` range this host's {@link PLUGIN_API_VERSION} satisfies (semver rules: `^1.0.0`
 * accepts 1.x from 1.0.0 on), and the permission each declared extension kind needs
 * ({@link KIND_PERMISSIONS}).
 * @returns the manifest, or every problem, each naming the field and the fix.
 */
export function checkManifest(value: unknown): { manifest: PluginManifest } | { problems: string[] } {
  if (typeof value !== 'object' || value === null)
    return { problems: ['manifest: the default export has no manifest object.'] };
  if (!Value.Check(ManifestSchema, value)) {
    const problems = new Set<string>();
    for (const error of Value.Errors(ManifestSchema, value)) {
      const field = error.path.split('/')[1] ?? '';
      const rule = FIELD_RULES[field];
      problems.add(
        rule
          ? `manifest.${field}: must be ${rule}.`
          : `manifest${error.path.replaceAll('/', '.')}: ${error.message}.`,
      );
    }
    return { problems: [...problems] };
  }
  const manifest = value as CheckedManifest;
  const problems: string[] = [];
  if (!semver.valid(manifest.version))
    problems.push(`manifest.version: "${manifest.version}" is not a semver version; use e.g. 1.2.0.`);
  const range = semver.validRange(manifest.apiVersion);
  if (!range)
    problems.push(
      `manifest.apiVersion: "${manifest.apiVersion}" is not a semver range; use e.g. ^${PLUGIN_API_VERSION}.`,
    );
  else if (!semver.satisfies(PLUGIN_API_VERSION, range))
    problems.push(
      `manifest.apiVersion: the plugin is written for plugin API ${manifest.apiVersion}, and this Weir implements ${PLUGIN_API_VERSION}; use a version of the plugin built for ^${semver.major(PLUGIN_API_VERSION)}.0.0.`,
    );
  for (const kind of manifest.contributes) {
    const needed = KIND_PERMISSIONS[kind];
    if (needed && !manifest.permissions.includes(needed))
      problems.push(`manifest.permissions: contributing ${kind} needs the "${needed}" permission; add it.`);
  }
  problems.push(...secretProblems(manifest.settingsSchema, manifest.permissions));
  return problems.length ? { problems } : { manifest: manifest as PluginManifest };
}

/**
 * Secrets are the top-level `writeOnly` settings, sealed one by one: a `writeOnly` deeper down would
 * be stored and shown in clear, so it is refused; and a plugin gets secrets only with `secrets`.
 */
function secretProblems(schema: Record<string, unknown> | undefined, permissions: string[]): string[] {
  const problems: string[] = [];
  const properties = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  const nested = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'writeOnly' && child === true)
        problems.push(
          `manifest.settingsSchema${path}: writeOnly is only for top-level properties, which Weir seals one by one; move the secret to the top level of the settings.`,
        );
      else nested(child, `${path}.${key}`);
    }
  };
  let hasSecret = false;
  for (const [name, property] of Object.entries(properties)) {
    if (property?.writeOnly === true) hasSecret = true;
    const { writeOnly: _, ...rest } = property ?? {};
    nested(rest, `.properties.${name}`);
  }
  for (const [key, child] of Object.entries(schema ?? {})) if (key !== 'properties') nested(child, `.${key}`);
  if (hasSecret && !permissions.includes('secrets'))
    problems.push(
      'manifest.permissions: the settings have writeOnly secrets, which need the "secrets" permission; add it.',
    );
  return problems;
}
