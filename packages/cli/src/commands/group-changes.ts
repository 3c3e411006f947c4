import type { ResetPlan } from '@weir/server/api-types';
import { CliError } from '../errors.ts';
import { pathName } from '../path-names.ts';
import type { Session } from '../session.ts';
import { output, renderTable } from '../table.ts';
import { integer, tagged, timestamp } from '../values.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

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
export async function changeGroup(
  session: Session,
  clusterId: string,
  action: string,
  groupId: string,
  values: Values,
): Promise<void> {
  const json = values.json as boolean | undefined;
  const path = `/clusters/${clusterId}/groups/${pathName(groupId)}`;
  if (values.confirm !== undefined && values.confirm !== groupId)
    throw new CliError(`--confirm must repeat the group's name exactly: --confirm ${groupId}`, 2);
  if (action === 'reset-offsets') {
    const body = { to: resetTarget(values.to as string | undefined), topics: scope(values) };
    const apply = values.confirm !== undefined;
    const plan = await session.call<ResetPlan>(apply ? `${path}/offsets/reset` : `${path}/offsets/preview`, {
      method: 'POST',
      body: apply ? { ...body, confirmName: groupId } : body,
    });
    return output(json, plan, () =>
      [
        renderTable(
          ['TOPIC', 'PARTITION', 'CURRENT', 'NEW', 'LAG BEFORE', 'LAG AFTER'],
          plan.partitions.map((p) => [
            p.topic,
            p.partition,
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
    await session.call(path, { method: 'DELETE', body: { confirmName: groupId } });
    return output(json, { deleted: groupId }, () => `Deleted group ${groupId}.`);
  }
  const topics = (values.topic as string[] | undefined) ?? [];
  if (topics.length !== 1) throw new CliError('Name one topic: --topic <topic>.', 2);
  const topic = topics[0] as string;
  await session.call(`${path}/offsets/${pathName(topic)}`, {
    method: 'DELETE',
    body: { confirmName: groupId },
  });
  return output(json, { groupId, topic }, () => `Deleted ${groupId}'s offsets for ${topic}.`);
}
