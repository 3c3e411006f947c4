import type { ConfigEntryView } from '@weir/api';
import { renderTable } from './table.ts';

/** Sources that mean nobody set the value: Kafka's own default. */
const AT_DEFAULT = new Set(['default', 'DEFAULT_CONFIG']);

/**
 * A configs table (name, value, source, read-only/sensitive): those set somewhere, and with
 * `allConfigs` those at Kafka's defaults too; says how many were left out and how to see them.
 */
export function renderConfigs(
  configs: ConfigEntryView[] | null,
  error: string | null,
  allConfigs: boolean,
): string {
  if (configs === null) return `Configs: unknown (${error ?? 'not readable'})`;
  const shown = allConfigs ? configs : configs.filter((c) => !AT_DEFAULT.has(c.source));
  const hidden = configs.length - shown.length;
  return [
    renderTable(
      ['CONFIG', 'VALUE', 'SOURCE', 'FLAGS'],
      shown.map((c) => [
        c.name,
        c.sensitive ? '(sensitive)' : (c.value ?? '(unset)'),
        c.source,
        [c.readOnly ? 'read-only' : '', c.sensitive ? 'sensitive' : ''].filter(Boolean).join(','),
      ]),
    ),
    ...(hidden > 0
      ? [`${hidden} more at Kafka's defaults: --all-configs shows them, --json has every one.`]
      : []),
  ].join('\n');
}
