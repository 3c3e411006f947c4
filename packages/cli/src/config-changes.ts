import type { WeirClient } from '@weir/api/client';
import { CliError } from './errors.ts';
import { outputOf, print } from './output.ts';
import { renderTable } from './table.ts';
import { assignments } from './values.ts';

/** Previews and applies one resource's dynamic configs (`api.topics.configs(id, name)` and the like). */
type Configs = ReturnType<WeirClient['topics']['configs']>;

/** `--set k=v` / `--remove k` against a resource's configs: previewed with --dry-run, else applied; the diff printed. */
export async function applyConfigChanges(
  configs: Configs,
  values: Record<string, string | boolean | string[] | undefined>,
): Promise<void> {
  const changes = [
    ...assignments(values.set as string[], 'set').map(([name, value]) => ({ name, value })),
    ...((values.remove as string[] | undefined) ?? []).map((name) => ({ name, value: null })),
  ];
  if (changes.length === 0)
    throw new CliError('Say what to change: --set name=value and/or --remove name.', 2);
  const dryRun = Boolean(values['dry-run']);
  const report = await (dryRun ? configs.preview(changes) : configs.apply(changes));
  return print(outputOf(values), report, () =>
    [
      renderTable(
        ['CONFIG', 'BEFORE', 'AFTER'],
        report.changes.map((c) => [c.name, c.before ?? '(default)', c.after ?? '(default)']),
      ),
      report.applied ? `Applied with ${report.api}.` : 'Not applied (dry run).',
    ].join('\n'),
  );
}
