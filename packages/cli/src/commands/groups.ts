import type { GroupDetail, GroupList } from '@weir/server/api-types';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { pathName } from '../path-names.ts';
import { openSession, resolveCluster, SESSION_OPTIONS } from '../session.ts';
import { formatTotal, output, renderTable } from '../table.ts';
import { changeGroup } from './group-changes.ts';

const HELP = `weir groups — consumer groups of a cluster

  weir groups list --cluster <name> [--search <text>] [--refresh]
  weir groups describe <group> --cluster <name> [--refresh]
  weir groups reset-offsets <group> --cluster <name> --to earliest|latest|offset:N|timestamp:<ms or ISO>|shift:N
                            [--topic T[:p,p]]...  [--confirm <group>]   (without --confirm: preview only)
  weir groups delete <group> --cluster <name> --confirm <group>
  weir groups delete-offsets <group> --cluster <name> --topic <topic> --confirm <group>

A group id that starts with "-" goes after "--": weir groups describe --cluster <name> -- -my-group

Common: --url, --token, --json`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  cluster: { type: 'string' },
  search: { type: 'string' },
  refresh: { type: 'boolean' },
  to: { type: 'string' },
  topic: { type: 'string', multiple: true },
  confirm: { type: 'string' },
} as const;

export async function groupsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, HELP);
  const [action, groupId] = positionals;
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  if (action === 'list') {
    const query = new URLSearchParams();
    if (values.search) query.set('search', String(values.search));
    if (values.refresh) query.set('refresh', 'true');
    const list = await session.call<GroupList>(`/clusters/${cluster.id}/groups?${query}`);
    return output(values.json as boolean, list.groups, () =>
      [
        renderTable(
          ['GROUP', 'STATE', 'PROTOCOL', 'TOPICS', 'LAG'],
          list.groups.map((g) => [
            g.groupId,
            g.state,
            g.protocolType || '-',
            g.topics.join(','),
            formatTotal(g.totalLag),
          ]),
        ),
        ...(list.listing.complete
          ? []
          : [
              `Incomplete: groups coordinated by a broker that did not answer are missing (${list.listing.reason}).`,
            ]),
      ].join('\n'),
    );
  }
  if (action === 'describe') {
    if (!groupId) throw new CliError('Name the group: weir groups describe <group> --cluster <name>');
    const detail = await session.call<GroupDetail>(
      `/clusters/${cluster.id}/groups/${pathName(groupId)}${values.refresh ? '?refresh=true' : ''}`,
    );
    const clientOf = new Map(detail.group.members.map((m) => [m.memberId, `${m.clientId}@${m.host}`]));
    return output(values.json as boolean, detail, () =>
      [
        `Group: ${detail.group.groupId}  State: ${detail.group.state}  Members: ${detail.group.members.length}  Lag: ${formatTotal(detail.group.totalLag)}`,
        renderTable(
          ['TOPIC', 'PARTITION', 'COMMITTED', 'END', 'LAG', 'CONSUMER'],
          detail.partitions.map((p) => [
            p.topic,
            p.partition,
            p.committedOffset,
            p.endOffset,
            p.lag,
            p.memberId ? clientOf.get(p.memberId) : '-',
          ]),
        ),
      ].join('\n'),
    );
  }
  if (action === 'reset-offsets' || action === 'delete' || action === 'delete-offsets') {
    if (!groupId) throw new CliError(`Name the group: weir groups ${action} <group> --cluster <name>`);
    return changeGroup(session, cluster.id, action, groupId, values);
  }
  throw new CliError(HELP);
}
