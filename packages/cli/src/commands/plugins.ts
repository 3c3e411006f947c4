import type { PluginView } from '@weir/api';
import { type Flags, parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { outputOf, print, printList, SESSION_OPTIONS } from '../output.ts';
import { openSession } from '../session.ts';
import { renderFields, renderTable } from '../table.ts';

const HELP = `weir plugins — the plugins Weir loaded, their state and what they contribute

  weir plugins list
  weir plugins show <plugin id>          version, source, state and why, permissions, extensions
  weir plugins enable <plugin id>        turn it on (a failed plugin is retried)
  weir plugins disable <plugin id>

Plugins come from WEIR_PLUGINS (npm packages) and WEIR_PLUGINS_DIR; see docs/plugins.md.

Common: --url, --token, --json`;

const OPTIONS = { ...SESSION_OPTIONS } as const satisfies Flags;

const stateOf = (p: PluginView) => (p.reason ? `${p.state}: ${p.reason}` : p.state);

function renderPlugin(plugin: PluginView): string {
  return [
    renderFields([
      ['Plugin', `${plugin.name} (${plugin.id})`],
      ['Version', plugin.version ?? '-'],
      ['Plugin API', plugin.apiVersion ?? '-'],
      ['Source', `${plugin.source}: ${plugin.location}`],
      ['State', stateOf(plugin)],
      ['Permissions', plugin.permissions.join(', ') || '-'],
      [
        'Settings',
        plugin.settingsSchema ? 'yes (see the console, or PUT /api/v1/plugins/{id}/settings)' : 'none',
      ],
    ]),
    '',
    plugin.extensions.length
      ? renderTable(
          ['KIND', 'ID', 'TITLE'],
          plugin.extensions.map((e) => [e.kind, e.id, e.title]),
        )
      : 'No extensions: a plugin contributes them only while active.',
  ].join('\n');
}

/** `weir plugins`: list, show, enable, disable. */
export async function pluginsCommand(args: string[]): Promise<void> {
  const { values, positionals, action } = parseCommandArgs(args, OPTIONS, HELP, {
    command: 'plugins',
    actions: ['list', 'show', 'enable', 'disable'],
  });
  const output = outputOf(values);
  const session = openSession(values);
  if (action === 'list') {
    const { plugins } = await session.api.plugins.list();
    return printList(output, { items: plugins, total: plugins.length }, () =>
      renderTable(
        ['ID', 'VERSION', 'SOURCE', 'STATE', 'EXTENSIONS'],
        plugins.map((p) => [
          p.id,
          p.version ?? '-',
          p.source,
          stateOf(p),
          p.extensions.map((e) => `${e.kind}:${e.id}`).join(' ') || '-',
        ]),
      ),
    );
  }
  const id = positionals[1];
  if (!id)
    throw new CliError(
      `Name the plugin: weir plugins ${action} <plugin id> (weir plugins list shows them)`,
      2,
    );
  const { plugin } =
    action === 'show'
      ? await session.api.plugins.get(id)
      : await session.api.plugins.setState(id, { enabled: action === 'enable' });
  return print(output, plugin, () => renderPlugin(plugin));
}
