import type { BrokerSummary } from '@weir/server/api-types';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { openSession, resolveCluster, SESSION_OPTIONS } from '../session.ts';
import { formatBytes, output, renderTable } from '../table.ts';

const HELP = `weir brokers — brokers of a cluster

  weir brokers list --cluster <name> [--refresh]

Common: --url, --token, --json`;

export async function brokersCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...SESSION_OPTIONS, cluster: { type: 'string' }, refresh: { type: 'boolean' } },
    HELP,
  );
  if (positionals[0] !== 'list') throw new CliError(HELP);
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  const { brokers } = await session.call<{ brokers: BrokerSummary[] }>(
    `/clusters/${cluster.id}/brokers${values.refresh ? '?refresh=true' : ''}`,
  );
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
        b.logDirs ? formatBytes(b.logDirs.reduce((sum, d) => sum + d.sizeBytes, 0)) : '-',
      ]),
    ),
  );
}
