import { EXTENSION_KINDS, type ExtensionKind, type PluginContributions } from '@weir/plugin-sdk';

const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** The functions each kind of extension must have, as its interface in the SDK names them. */
const REQUIRED_FUNCTIONS: Record<ExtensionKind, string[]> = {
  serdes: ['decoder'],
  topicPresets: [],
  healthChecks: ['run'],
  metricSources: ['collect'],
  alertChannels: ['send'],
  loginProviders: [],
  connectorTemplates: [],
  pipelineTransforms: ['compile'],
};

/** One extension, with the kind it was contributed as. */
export interface Extension {
  kind: ExtensionKind;
  id: string;
  title: string;
}

/**
 * Checks what `activate` returned against the manifest and the SDK's interfaces: only declared
 * kinds, each an array of objects with an id (lower case, digits, `.`, `_`, `-`), a title (a
 * preset's label) and the functions its interface requires.
 * @returns the extensions, or the problems found.
 */
export function checkContributions(
  value: unknown,
  declared: ExtensionKind[],
): { extensions: Extension[] } | { problems: string[] } {
  if (typeof value !== 'object' || value === null)
    return { problems: ['activate returned no contributions object.'] };
  const problems: string[] = [];
  const extensions: Extension[] = [];
  for (const [kind, list] of Object.entries(value as Record<string, unknown>)) {
    if (list === undefined) continue;
    if (!(EXTENSION_KINDS as readonly string[]).includes(kind)) {
      problems.push(`${kind}: is not an extension point; use one of ${EXTENSION_KINDS.join(', ')}.`);
      continue;
    }
    const known = kind as ExtensionKind;
    if (!declared.includes(known)) {
      problems.push(`${kind}: contributed but not declared in manifest.contributes; add it there.`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`${kind}: must be an array.`);
      continue;
    }
    for (const [index, item] of (list as Record<string, unknown>[]).entries()) {
      const where = `${kind}[${index}]`;
      if (typeof item !== 'object' || item === null) {
        problems.push(`${where}: must be an object.`);
        continue;
      }
      if (typeof item.id !== 'string' || !ID.test(item.id)) {
        problems.push(`${where}.id: must be lower case letters, digits, ".", "_" or "-".`);
        continue;
      }
      const title = known === 'topicPresets' ? item.label : item.title;
      if (typeof title !== 'string' || !title)
        problems.push(
          `${where}.${known === 'topicPresets' ? 'label' : 'title'}: must be a non-empty string.`,
        );
      for (const fn of REQUIRED_FUNCTIONS[known])
        if (typeof item[fn] !== 'function') problems.push(`${where}.${fn}: must be a function.`);
      if (known === 'loginProviders' && item.kind !== 'password' && item.kind !== 'redirect')
        problems.push(`${where}.kind: must be "password" or "redirect".`);
      if (
        known === 'topicPresets' &&
        (typeof item.configs !== 'object' ||
          item.configs === null ||
          Object.values(item.configs).some((v) => typeof v !== 'string'))
      )
        problems.push(`${where}.configs: must map config names to string values.`);
      extensions.push({ kind: known, id: item.id, title: String(title ?? item.id) });
    }
  }
  return problems.length ? { problems } : { extensions };
}

export type { PluginContributions };
