import { parseCommandArgs } from '../args.ts';
import { applyConfigChanges } from '../config-changes.ts';
import { CliError } from '../errors.ts';
import { openSession, resolveCluster, SESSION_OPTIONS } from '../session.ts';
import { formatBytes, formatTotal, output, renderTable } from '../table.ts';
import { integer } from '../values.ts';

const HELP = `weir brokers — brokers of a cluster

  weir brokers list --cluster <name> [--refresh]
  weir brokers set-config <broker id>|defaults --cluster <name> [--set k=v]... [--remove k]... [--dry-run]
      dynamic configs of one broker, or the cluster-wide defaults; prints the before/after diff

Common: --url, --token, --json`;

export async function brokersCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      ...SESSION_OPTIONS,
      cluster: { type: 'string' },
      refresh: { type: 'boolean' },
      set: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
    },
    HELP,
  );
  if (positionals[0] !== 'list' && positionals[0] !== 'set-config') throw new CliError(HELP);
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  if (positionals[0] === 'set-config') {
    const target = positionals[1];
    if (!target) throw new CliError('Name the broker id, or "defaults" for the cluster-wide defaults.', 2);
    const configs =
      target === 'defaults'
        ? session.api.brokers.defaultConfigs(cluster.id)
        : session.api.brokers.configs(cluster.id, integer(target, 'broker id') as number);
    return applyConfigChanges(configs, values);
  }
  const { brokers } = await session.api.brokers.list(cluster.id, {
    refresh: values.refresh ? true : undefined,
  });
  output(values.json as boolean, brokers, () =>
    renderTable(
      ['ID', 'HOST', 'RACK', 'CONTROLLER', 'LEADERS', 'REPLICAS', 'SKEW', 'DISK USED'],
      brokers.map((b) => [
        b.nodeId,
        `${b.host}:${b.port}`,
        b.rack,
        b.controller ? 'yes' : '',
        b.leaders,
        b.replicas,
        b.leaderSkewPercent === null ? '-' : `${b.leaderSkewPercent}%`,
        formatTotal(b.sizeBytes, formatBytes),
      ]),
    ),
  );
}
