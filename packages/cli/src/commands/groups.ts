import type { GroupSummary, OffsetResetPreview, Total } from '@weir/api';
import { type Flags, parseCommandArgs, type Values } from '../args.ts';
import { CliError } from '../errors.ts';
import { type ListJson, outputOf, print, printList, SESSION_OPTIONS } from '../output.ts';
import { openSession, resolveCluster, type Session } from '../session.ts';
import { formatTotal, renderTable } from '../table.ts';
import { integer, tagged, timestamp } from '../values.ts';

const HELP = `weir groups — consumer groups of a cluster

  weir groups list --cluster <name> [--search <text>] [--refresh]
  weir groups describe <group> --cluster <name> [--refresh]
  weir groups reset-offsets <group> --cluster <name> --to earliest|latest|offset:N|timestamp:<ms or ISO>|shift:N
                            [--topic T[:p,p]]...  [--confirm <group>]   (without --confirm: preview only)
  weir groups delete <group> --cluster <name> --confirm <group>
  weir groups delete-offsets <group> --cluster <name> --topic <topic> --confirm <group>

A group id that starts with "-" goes after "--": weir groups describe --cluster <name> -- -my-group

Common: --url, --token, --json, --utc | --local
  groups list --json: {"items", "total", "freshness", "listing"}; listing says whether every broker
  answered ListGroups (a group coordinated by one that did not is missing).`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  cluster: { type: 'string' },
  search: { type: 'string' },
  refresh: { type: 'boolean' },
  to: { type: 'string' },
  topic: { type: 'string', multiple: true },
  confirm: { type: 'string' },
} as const satisfies Flags;

/** `weir groups list --json`: the common list shape, and whether the listing is complete. */
type GroupListJson = ListJson<GroupSummary> & { listing: Total };

/** `weir groups`: reads (list, describe) and the offset-reset and delete verbs; exits 2 on bad usage. */
export async function groupsCommand(args: string[]): Promise<void> {
  const { values, positionals, action } = parseCommandArgs(args, OPTIONS, HELP, {
    command: 'groups',
    actions: ['list', 'describe', 'reset-offsets', 'delete', 'delete-offsets'],
  });
  const groupId = positionals[1];
  const output = outputOf(values);
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  if (action === 'list') {
    const list = await session.api.groups.list(cluster.id, {
      search: values.search ? String(values.search) : undefined,
      refresh: values.refresh ? true : undefined,
    });
    const json: GroupListJson = {
      items: list.groups,
      total: list.groups.length,
      freshness: list.freshness,
      listing: list.listing,
    };
    return printList(output, json, () =>
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
    const detail = await session.api.groups.get(cluster.id, groupId, {
      refresh: values.refresh ? true : undefined,
    });
    const clientOf = new Map(detail.group.members.map((m) => [m.memberId, `${m.clientId}@${m.host}`]));
    return print(
      output,
      detail,
      () =>
        [
          `Group: ${detail.group.groupId}  State: ${detail.group.state}  Members: ${detail.group.members.length}  Lag: ${formatTotal(detail.group.totalLag)}`,
          renderTable(
            ['TOPIC', 'PARTITION', 'COMMITTED', 'END', 'LAG', 'CONSUMER'],
            detail.partitions.map((p) => [
              p.topic,
              String(p.partition),
              p.committedOffset,
              p.endOffset,
              p.lag,
              p.memberId ? clientOf.get(p.memberId) : '-',
            ]),
          ),
        ].join('\n'),
      detail.freshness,
    );
  }
  if (action === 'reset-offsets' || action === 'delete' || action === 'delete-offsets') {
    if (!groupId) throw new CliError(`Name the group: weir groups ${action} <group> --cluster <name>`);
    return changeGroup(session, cluster.id, action, groupId, values);
  }
}

/** `--topic orders` or `--topic orders:0,2`. */
function scope(values: Values) {
  const topics = (values.topic as string[] | undefined)?.map((entry) => {
    const [topic = '', list] = entry.split(':');
    return list
      ? { topic, partitions: list.split(',').map((p) => integer(p, 'topic partition') as number) }
      : { topic };
  });
  return topics?.length ? topics : undefined;
}

function resetTarget(value: string | undefined) {
  if (!value) throw new CliError('--to is required: earliest, latest, offset:N, timestamp:T or shift:N.', 2);
  const to = tagged(value, 'to', ['earliest', 'latest', 'offset', 'timestamp', 'shift']);
  switch (to.kind) {
    case 'offset':
      return { type: 'offset', offset: integer(to.argument ?? '', 'to offset') };
    case 'timestamp':
      return { type: 'timestamp', timestamp: timestamp(to.argument ?? '', 'to timestamp') };
    case 'shift':
      return { type: 'shift', by: integer(to.argument ?? '', 'to shift') };
    default:
      return { type: to.kind };
  }
}

/** The change verbs of `weir groups`; offset resets always print their before/after first. */
async function changeGroup(
  session: Session,
  clusterId: string,
  action: string,
  groupId: string,
  values: Values,
): Promise<void> {
  const output = outputOf(values);
  const groups = session.api.groups;
  if (values.confirm !== undefined && values.confirm !== groupId)
    throw new CliError(`--confirm must repeat the group's name exactly: --confirm ${groupId}`, 2);
  if (action === 'reset-offsets') {
    const body = {
      to: resetTarget(values.to as string | undefined),
      topics: scope(values),
    } as OffsetResetPreview;
    const apply = values.confirm !== undefined;
    const plan = await (apply
      ? groups.reset(clusterId, groupId, { ...body, confirmName: groupId })
      : groups.previewReset(clusterId, groupId, body));
    return print(output, plan, () =>
      [
        renderTable(
          ['TOPIC', 'PARTITION', 'CURRENT', 'NEW', 'LAG BEFORE', 'LAG AFTER'],
          plan.partitions.map((p) => [
            p.topic,
            String(p.partition),
            p.current ?? '-',
            p.target,
            p.lagBefore ?? '-',
            p.lagAfter,
          ]),
        ),
        apply
          ? 'Offsets reset.'
          : plan.blockedBy
            ? `Cannot apply now: ${plan.blockedBy}`
            : `Preview only: add --confirm ${groupId} to apply.`,
      ].join('\n'),
    );
  }
  if (values.confirm !== groupId)
    throw new CliError(`This cannot be undone: repeat the group's name, --confirm ${groupId}`, 2);
  if (action === 'delete') {
    await groups.delete(clusterId, groupId, groupId);
    return print(output, { deleted: groupId }, () => `Deleted group ${groupId}.`);
  }
  const topics = (values.topic as string[] | undefined) ?? [];
  if (topics.length !== 1) throw new CliError('Name one topic: --topic <topic>.', 2);
  const topic = topics[0] as string;
  await groups.deleteOffsets(clusterId, groupId, topic, groupId);
  return print(output, { groupId, topic }, () => `Deleted ${groupId}'s offsets for ${topic}.`);
}
