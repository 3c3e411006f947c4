import type { BrokerDetail, BrokerSummary } from '@weir/api';
import { formatBytes, formatSignedPercent } from '@weir/api/display';
import { type Flags, parseCommandArgs } from '../args.ts';
import { applyConfigChanges } from '../config-changes.ts';
import { renderConfigs } from '../config-table.ts';
import { CliError } from '../errors.ts';
import { outputOf, print, printList, SESSION_OPTIONS } from '../output.ts';
import { openSession, resolveCluster } from '../session.ts';
import { formatTotal, renderFields, renderTable } from '../table.ts';
import { integer } from '../values.ts';

const HELP = `weir brokers — brokers of a cluster

  weir brokers list --cluster <name> [--refresh]
  weir brokers describe <cluster> <broker id> [--refresh] [--all-configs]
      host, rack, controller role, leaders, replicas, log-dir usage, then the broker's configs
      (those set on the broker or cluster-wide; --all-configs adds the ones at Kafka's defaults)
  weir brokers set-config <broker id>|defaults --cluster <name> [--set k=v]... [--remove k]... [--dry-run]
      dynamic configs of one broker, or the cluster-wide defaults; prints the before/after diff

Common: --url, --token, --json, --utc | --local`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  cluster: { type: 'string' },
  refresh: { type: 'boolean' },
  'all-configs': { type: 'boolean' },
  set: { type: 'string', multiple: true },
  remove: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
} as const satisfies Flags;

/** Leader skew as a signed percentage of an even share: `+3.8%`, `-50%`, `0%`. */
const skew = (percent: number | null) => formatSignedPercent(percent === null ? null : percent / 100);

/** The brokers table of `weir brokers list` (and of `weir clusters describe`). */
export function renderBrokers(brokers: BrokerSummary[]): string {
  return renderTable(
    ['ID', 'HOST', 'RACK', 'CONTROLLER', 'LEADERS', 'REPLICAS', 'SKEW', 'DISK USED'],
    brokers.map((b) => [
      String(b.nodeId),
      `${b.host}:${b.port}`,
      b.rack,
      b.controller ? 'yes' : '',
      b.leaders,
      b.replicas,
      skew(b.leaderSkewPercent),
      formatTotal(b.sizeBytes, formatBytes),
    ]),
  );
}

/** `weir brokers`: the list, one broker in full (describe), and dynamic config changes. */
export async function brokersCommand(args: string[]): Promise<void> {
  const { values, positionals, action } = parseCommandArgs(args, OPTIONS, HELP, {
    command: 'brokers',
    actions: ['list', 'describe', 'set-config'],
  });
  const output = outputOf(values);
  const session = openSession(values);
  const refresh = values.refresh ? true : undefined;
  if (action === 'describe') {
    // `describe <cluster> <id>`, or `describe <id> --cluster <cluster>` like the other verbs.
    const [clusterName, brokerId] =
      values.cluster === undefined
        ? [positionals[1], positionals[2]]
        : [values.cluster as string, positionals[1]];
    if (!clusterName || brokerId === undefined)
      throw new CliError('Name the cluster and the broker: weir brokers describe <cluster> <broker id>');
    const cluster = await resolveCluster(session, clusterName);
    const detail = await session.api.brokers.get(cluster.id, integer(brokerId, 'broker id') as number, {
      refresh,
    });
    return print(
      output,
      detail,
      () => renderBroker(detail, Boolean(values['all-configs'])),
      detail.freshness,
    );
  }
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  if (action === 'set-config') {
    const target = positionals[1];
    if (!target) throw new CliError('Name the broker id, or "defaults" for the cluster-wide defaults.', 2);
    const configs =
      target === 'defaults'
        ? session.api.brokers.defaultConfigs(cluster.id)
        : session.api.brokers.configs(cluster.id, integer(target, 'broker id') as number);
    return applyConfigChanges(configs, values);
  }
  const { brokers, freshness } = await session.api.brokers.list(cluster.id, { refresh });
  printList(output, { items: brokers, total: brokers.length, freshness }, () => renderBrokers(brokers));
}

/** `weir brokers describe`: the summary, its log dirs, then its configs. */
function renderBroker(detail: BrokerDetail, allConfigs: boolean): string {
  const b = detail.broker;
  const summary = renderFields([
    ['Broker', String(b.nodeId)],
    ['Host', `${b.host}:${b.port}`],
    ['Rack', b.rack ?? '-'],
    ['Controller', b.controller ? 'yes (the active controller)' : 'no'],
    ['Leaders', b.leaders],
    ['Replicas', b.replicas],
    ['Leader skew', skew(b.leaderSkewPercent)],
    ['Disk used', formatTotal(b.sizeBytes, formatBytes)],
  ]);
  const logDirs =
    detail.logDirs === null
      ? `Log dirs: unknown (${b.logDirsError ?? 'not readable'})`
      : renderTable(
          ['LOG DIR', 'USED', 'REPLICAS', 'FREE', 'TOTAL', 'ERROR'],
          detail.logDirs.map((d) => [
            d.path,
            formatBytes(d.replicas.reduce((sum, r) => sum + r.sizeBytes, 0)),
            d.replicas.length,
            formatBytes(d.usableBytes),
            formatBytes(d.totalBytes),
            d.errorCode === 0 ? '' : `error ${d.errorCode}`,
          ]),
        );
  return [summary, '', logDirs, '', renderConfigs(detail.configs, detail.configsError, allConfigs)].join(
    '\n',
  );
}
