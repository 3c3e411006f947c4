import {
  type JobDetailView,
  type MessageCountProgress,
  TOPIC_SORTS,
  type TopicDetail,
  type TopicsQuery,
  type TruncatePreview,
} from '@weir/api';
import { formatBytes } from '@weir/api/display';
import { type Flags, parseCommandArgs, type Values } from '../args.ts';
import { applyConfigChanges } from '../config-changes.ts';
import { renderConfigs } from '../config-table.ts';
import { CliError } from '../errors.ts';
import { type Output, outputOf, print, printList, SESSION_OPTIONS, showTime } from '../output.ts';
import { startProgress } from '../progress.ts';
import { openSession, resolveCluster, type Session } from '../session.ts';
import { formatCount, formatTotal, renderTable } from '../table.ts';
import { assignments, integer, tagged, timestamp } from '../values.ts';

/** End − start offsets is an estimate (compaction, transaction markers): shown as ≈N. */
const estimate = (messages: Parameters<typeof formatTotal>[0]) =>
  messages.value === null ? formatTotal(messages) : `≈${formatTotal(messages)}`;

const HELP = `weir topics — topics of a cluster

  weir topics list --cluster <name> [--search <text>] [--internal] [--sort name|partitions|size|messages|underReplicated]
                   [--desc] [--page N] [--page-size N] [--refresh]
  weir topics describe <topic> --cluster <name> [--refresh] [--all-configs]
      partitions, then configs (set on the topic or broker; --all-configs adds Kafka's defaults),
      then the consumer groups reading it with their lag
  weir topics count <topic> --cluster <name> [--wait]   exact record count (a job; MESSAGES is an estimate)
  weir topics create <topic> --cluster <name> --partitions N --replication-factor N [--config k=v]... [--dry-run]
  weir topics delete <topic> --cluster <name> --confirm <topic>
  weir topics add-partitions <topic> --cluster <name> --count <new total> [--dry-run]
  weir topics set-config <topic> --cluster <name> [--set k=v]... [--remove k]... [--dry-run]
  weir topics truncate <topic> --cluster <name> --to end|offset:N|timestamp:<ms or ISO> [--partition P]...
                       --confirm <topic>   (without --confirm: shows what would be deleted)
  weir topics clone <topic> --cluster <name> --name <new topic>
  weir topics set-replication-factor <topic> --cluster <name> --replication-factor N [--throttle bytes/s]

Common: --url, --token, --json, --utc | --local`;

/** The verbs that change a topic (each one API call). */
const TOPIC_CHANGES = [
  'create',
  'delete',
  'add-partitions',
  'set-config',
  'truncate',
  'clone',
  'set-replication-factor',
];

const OPTIONS = {
  ...SESSION_OPTIONS,
  cluster: { type: 'string' },
  search: { type: 'string' },
  internal: { type: 'boolean' },
  sort: { type: 'string', choices: TOPIC_SORTS },
  desc: { type: 'boolean' },
  page: { type: 'string' },
  'page-size': { type: 'string' },
  refresh: { type: 'boolean' },
  wait: { type: 'boolean' },
  'all-configs': { type: 'boolean' },
  // The change verbs' options:
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
} as const satisfies Flags;

/** `weir topics`: reads (list, describe), the exact count job and the change verbs; exits 2 on bad usage. */
export async function topicsCommand(args: string[]): Promise<void> {
  const { values, positionals, action } = parseCommandArgs(args, OPTIONS, HELP, {
    command: 'topics',
    actions: ['list', 'describe', 'count', ...TOPIC_CHANGES],
  });
  const topic = positionals[1];
  const output = outputOf(values);
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  if (action === 'list') {
    // Numbers go as given (NaN included): the server's query validation words the refusal.
    const page = await session.api.topics.list(cluster.id, {
      search: values.search ? String(values.search) : undefined,
      internal: values.internal ? true : undefined,
      sort: values.sort ? (String(values.sort) as TopicsQuery['sort']) : undefined,
      order: values.desc ? 'desc' : undefined,
      page: values.page ? Number(values.page) : undefined,
      pageSize: Number(values['page-size'] ?? 500),
      refresh: values.refresh ? true : undefined,
    });
    return printList(output, page, () =>
      [
        renderTable(
          ['TOPIC', 'PARTITIONS', 'RF', 'SIZE', 'MESSAGES(EST.)', 'URP', 'OFFLINE'],
          page.items.map((t) => [
            t.name,
            t.partitions,
            t.replicationFactor,
            formatTotal(t.sizeBytes, formatBytes),
            estimate(t.messages),
            t.underReplicated,
            t.offline,
          ]),
        ),
        `${formatCount(page.items.length)} of ${formatCount(page.total)} topics`,
      ].join('\n'),
    );
  }
  if (action === 'describe') {
    if (!topic) throw new CliError('Name the topic: weir topics describe <topic> --cluster <name>');
    const detail = await session.api.topics.get(cluster.id, topic, {
      refresh: values.refresh ? true : undefined,
    });
    return print(output, detail, () => renderTopic(detail, Boolean(values['all-configs'])), detail.freshness);
  }
  if (action === 'count') {
    if (!topic) throw new CliError('Name the topic: weir topics count <topic> --cluster <name> [--wait]');
    return countTopic(session, cluster.id, topic, output, Boolean(values.wait));
  }
  if (action && TOPIC_CHANGES.includes(action)) {
    if (!topic) throw new CliError(`Name the topic: weir topics ${action} <topic> --cluster <name>`);
    return changeTopic(session, cluster.id, action, topic, values);
  }
}

/** `weir topics describe`: the summary line, partitions, configs, then the groups reading it. */
function renderTopic(detail: TopicDetail, allConfigs: boolean): string {
  const t = detail.topic;
  return [
    `Topic: ${t.name}  Partitions: ${formatCount(t.partitions)}  RF: ${t.replicationFactor}  Size: ${formatTotal(t.sizeBytes, formatBytes)}  Messages: ${estimate(t.messages)} (estimate: end − start offsets; weir topics count for the exact number)`,
    renderTable(
      ['PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'START', 'END'],
      detail.partitions.map((p) => [
        String(p.partition),
        p.leader === null ? 'none' : String(p.leader),
        p.replicas.join(','),
        p.isr.join(','),
        p.startOffset ?? 'unknown',
        p.endOffset ?? 'unknown',
      ]),
    ),
    '',
    renderConfigs(detail.configs, detail.configsError, allConfigs),
    '',
    detail.consumerGroups.length === 0
      ? 'Consumer groups: none has committed offsets on this topic or members assigned to it.'
      : renderTable(
          ['GROUP', 'STATE', 'LAG'],
          detail.consumerGroups.map((g) => [g.groupId, g.state, formatTotal(g.lag)]),
        ),
  ].join('\n');
}

type CountJob = Omit<JobDetailView, 'progress'> & { progress: MessageCountProgress | null };

const POLL_MS = 1000;

/** `weir topics count`: starts an exact count; with --wait follows it and prints the result per partition. */
async function countTopic(
  session: Session,
  clusterId: string,
  topic: string,
  output: Output,
  wait: boolean,
): Promise<void> {
  const started = await session.api.topics.startMessageCount(clusterId, topic);
  if (!wait)
    return print(
      output,
      started,
      () =>
        `Started counting ${topic}: job ${started.id}. Follow it: weir jobs show ${started.id}, or run again with --wait.`,
    );
  const poll = async () => (await session.api.jobs.get(clusterId, started.id)) as CountJob;
  const progress = startProgress();
  const counted = (job: CountJob) => {
    const partitions = job.progress?.partitions ?? [];
    return `counting ${topic}: ${formatCount(job.progress?.records ?? 0)} record(s) so far, ${partitions.length} partition(s) read`;
  };
  let job = await poll();
  while (job.state === 'running' || job.state === 'cancelling') {
    progress.update(counted(job));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await poll();
  }
  progress.done(`count ${job.state}`);
  return print(output, job, () => renderCount(output, topic, job));
}

function renderCount(output: Output, topic: string, job: CountJob): string {
  const progress = job.progress;
  const partitions = progress?.partitions ?? [];
  const total =
    job.state === 'succeeded' && progress?.complete
      ? `${topic}: ${formatCount(progress.records)} record(s), counted exactly (read_committed) at ${showTime(output, job.finishedAt)}`
      : `${topic}: count ${job.state}${job.error ? `: ${job.error}` : ''}; ${formatCount(progress?.records ?? 0)} record(s) counted so far (a lower bound)`;
  return [
    total,
    renderTable(
      ['PARTITION', 'START', 'END', 'RECORDS', 'MARKERS', 'ABORTED', 'ERROR'],
      partitions.map((p) => [
        String(p.partition),
        p.start,
        p.end,
        p.records,
        p.markers,
        p.aborted,
        p.error ?? '-',
      ]),
    ),
  ].join('\n');
}

/** The change verbs of `weir topics`: each one API call, previewed where the API previews. */
async function changeTopic(
  session: Session,
  clusterId: string,
  action: string,
  topic: string,
  values: Values,
): Promise<void> {
  const output = outputOf(values);
  const topics = session.api.topics;
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
      const created = await topics.create(clusterId, body);
      const warnings = (created.warnings ?? []).map((warning) => `\nWARNING: ${warning}`).join('');
      return print(output, created, () =>
        dryRun
          ? `The controller would create ${topic}.${warnings}`
          : `Created ${topic}: ${body.partitions} partition(s), RF ${body.replicationFactor}.${warnings}`,
      );
    }
    case 'delete': {
      confirmed(values, topic);
      await topics.delete(clusterId, topic, String(values.confirm));
      return print(output, { deleted: topic }, () => `Deleted ${topic}.`);
    }
    case 'add-partitions': {
      const count = required(integer(values.count as string, 'count'), 'count');
      const result = await topics.addPartitions(clusterId, topic, { count, validateOnly: dryRun });
      return print(output, result, () =>
        [`${dryRun ? 'Kafka would accept' : 'Now'} ${count} partitions for ${topic}.`, result.warning ?? '']
          .join('\n')
          .trim(),
      );
    }
    case 'set-config':
      return applyConfigChanges(topics.configs(clusterId, topic), values);
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
      const request = { target, partitions } as TruncatePreview;
      const result = await (preview
        ? topics.previewTruncate(clusterId, topic, request)
        : topics.truncate(clusterId, topic, { ...request, confirmName: String(values.confirm) }));
      return print(output, result, () =>
        [
          renderTable(
            ['PARTITION', 'START', 'NEW START', 'DELETED'],
            result.partitions.map((r) => [String(r.partition), r.start, r.newStart, r.deleted]),
          ),
          preview ? `Preview only: add --confirm ${topic} to delete these records.` : 'Records deleted.',
        ].join('\n'),
      );
    }
    case 'clone': {
      const name = required(values.name as string, 'name');
      const result = await topics.clone(clusterId, topic, name);
      return print(
        output,
        result,
        () => `Created ${name} with the partitions, replication factor and configs of ${topic}.`,
      );
    }
    case 'set-replication-factor': {
      const job = await session.api.replicas.changeReplicationFactor(clusterId, topic, {
        replicationFactor: required(
          integer(values['replication-factor'] as string, 'replication-factor'),
          'replication-factor',
        ),
        throttleBytesPerSecond: integer(values.throttle as string, 'throttle'),
      });
      return print(
        output,
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
