import { CliError } from '../errors.ts';
import { pathName } from '../path-names.ts';
import type { Session } from '../session.ts';
import { output, renderTable } from '../table.ts';
import { assignments, integer, tagged, timestamp } from '../values.ts';
import { applyConfigChanges } from './config-changes.ts';

export const TOPIC_CHANGES = [
  'create',
  'delete',
  'add-partitions',
  'set-config',
  'truncate',
  'clone',
  'set-replication-factor',
];

export const TOPIC_CHANGE_OPTIONS = {
  partitions: { type: 'string' },
  'replication-factor': { type: 'string' },
  config: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  remove: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  confirm: { type: 'string' },
  count: { type: 'string' },
  to: { type: 'string' },
  partition: { type: 'string', multiple: true },
  name: { type: 'string' },
  throttle: { type: 'string' },
} as const;

type Values = Record<string, string | boolean | string[] | undefined>;

/** The change verbs of `weir topics`: each one API call, previewed where the API previews. */
export async function changeTopic(
  session: Session,
  clusterId: string,
  action: string,
  topic: string,
  values: Values,
): Promise<void> {
  const json = values.json as boolean | undefined;
  const path = `/clusters/${clusterId}/topics/${pathName(topic)}`;
  const dryRun = Boolean(values['dry-run']);
  switch (action) {
    case 'create': {
      const body = {
        name: topic,
        partitions: required(integer(values.partitions as string, 'partitions'), 'partitions'),
        replicationFactor: required(
          integer(values['replication-factor'] as string, 'replication-factor'),
          'replication-factor',
        ),
        configs: Object.fromEntries(assignments(values.config as string[], 'config')),
        validateOnly: dryRun,
      };
      const created = await session.call<{ warnings?: string[] }>(`/clusters/${clusterId}/topics`, {
        method: 'POST',
        body,
      });
      const warnings = (created.warnings ?? []).map((warning) => `\nWARNING: ${warning}`).join('');
      return output(json, created, () =>
        dryRun
          ? `The controller would create ${topic}.${warnings}`
          : `Created ${topic}: ${body.partitions} partition(s), RF ${body.replicationFactor}.${warnings}`,
      );
    }
    case 'delete': {
      confirmed(values, topic);
      await session.call(path, { method: 'DELETE', body: { confirmName: values.confirm } });
      return output(json, { deleted: topic }, () => `Deleted ${topic}.`);
    }
    case 'add-partitions': {
      const count = required(integer(values.count as string, 'count'), 'count');
      const result = await session.call<{ warning?: string }>(`${path}/partitions`, {
        method: 'POST',
        body: { count, validateOnly: dryRun },
      });
      return output(json, result, () =>
        [`${dryRun ? 'Kafka would accept' : 'Now'} ${count} partitions for ${topic}.`, result.warning ?? '']
          .join('\n')
          .trim(),
      );
    }
    case 'set-config':
      return applyConfigChanges(session, `${path}/configs`, values);
    case 'truncate': {
      const to = tagged(required(values.to as string, 'to'), 'to', ['end', 'offset', 'timestamp']);
      const target =
        to.kind === 'end'
          ? { type: 'end' }
          : to.kind === 'offset'
            ? { type: 'offset', offset: integer(to.argument ?? '', 'to offset') }
            : { type: 'timestamp', timestamp: timestamp(to.argument ?? '', 'to timestamp') };
      const partitions = (values.partition as string[] | undefined)?.map(
        (p) => integer(p, 'partition') as number,
      );
      const preview = !values.confirm;
      if (!preview) confirmed(values, topic);
      const result = await session.call<{
        partitions: { partition: number; start: number; newStart: number; deleted: number }[];
      }>(preview ? `${path}/truncate/preview` : `${path}/truncate`, {
        method: 'POST',
        body: { target, partitions, ...(preview ? {} : { confirmName: values.confirm }) },
      });
      return output(json, result, () =>
        [
          renderTable(
            ['PARTITION', 'START', 'NEW START', 'DELETED'],
            result.partitions.map((r) => [r.partition, r.start, r.newStart, r.deleted]),
          ),
          preview ? `Preview only: add --confirm ${topic} to delete these records.` : 'Records deleted.',
        ].join('\n'),
      );
    }
    case 'clone': {
      const name = required(values.name as string, 'name');
      const result = await session.call(`${path}/clone`, { method: 'POST', body: { name } });
      return output(
        json,
        result,
        () => `Created ${name} with the partitions, replication factor and configs of ${topic}.`,
      );
    }
    case 'set-replication-factor': {
      const job = await session.call<{ id: string }>(`${path}/replication-factor`, {
        method: 'POST',
        body: {
          replicationFactor: required(
            integer(values['replication-factor'] as string, 'replication-factor'),
            'replication-factor',
          ),
          throttleBytesPerSecond: integer(values.throttle as string, 'throttle'),
        },
      });
      return output(
        json,
        job,
        () => `Started job ${job.id}; follow it with: weir jobs show ${job.id} --cluster <name>`,
      );
    }
  }
  throw new CliError(`Unknown topic action "${action}".`, 2);
}

function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new CliError(`--${flag} is required here.`, 2);
  return value;
}

function confirmed(values: Values, name: string): void {
  if (values.confirm !== name)
    throw new CliError(`This cannot be undone: repeat the name to confirm, --confirm ${name}`, 2);
}
