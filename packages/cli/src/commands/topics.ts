import type { TopicDetail, TopicSummary } from '@weir/server/api-types';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { pathName } from '../path-names.ts';
import { openSession, resolveCluster, SESSION_OPTIONS } from '../session.ts';
import { formatBytes, formatTotal, output, renderTable } from '../table.ts';
import { countTopic } from './message-count.ts';
import { changeTopic, TOPIC_CHANGE_OPTIONS, TOPIC_CHANGES } from './topic-changes.ts';

/** End − start offsets is an estimate (compaction, transaction markers): shown as ≈N. */
const estimate = (messages: Parameters<typeof formatTotal>[0]) =>
  messages.value === null ? formatTotal(messages) : `≈${formatTotal(messages)}`;

const HELP = `weir topics — topics of a cluster

  weir topics list --cluster <name> [--search <text>] [--internal] [--sort name|partitions|size|messages|underReplicated]
                   [--desc] [--page N] [--page-size N] [--refresh]
  weir topics describe <topic> --cluster <name> [--refresh]
  weir topics count <topic> --cluster <name> [--wait]   exact record count (a job; MESSAGES is an estimate)
  weir topics create <topic> --cluster <name> --partitions N --replication-factor N [--config k=v]... [--dry-run]
  weir topics delete <topic> --cluster <name> --confirm <topic>
  weir topics add-partitions <topic> --cluster <name> --count <new total> [--dry-run]
  weir topics set-config <topic> --cluster <name> [--set k=v]... [--remove k]... [--dry-run]
  weir topics truncate <topic> --cluster <name> --to end|offset:N|timestamp:<ms or ISO> [--partition P]...
                       --confirm <topic>   (without --confirm: shows what would be deleted)
  weir topics clone <topic> --cluster <name> --name <new topic>
  weir topics set-replication-factor <topic> --cluster <name> --replication-factor N [--throttle bytes/s]

Common: --url, --token, --json`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  cluster: { type: 'string' },
  search: { type: 'string' },
  internal: { type: 'boolean' },
  sort: { type: 'string' },
  desc: { type: 'boolean' },
  page: { type: 'string' },
  'page-size': { type: 'string' },
  refresh: { type: 'boolean' },
  wait: { type: 'boolean' },
  ...TOPIC_CHANGE_OPTIONS,
} as const;

export async function topicsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, HELP);
  const [action, topic] = positionals;
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  if (action === 'list') {
    const query = new URLSearchParams();
    if (values.search) query.set('search', String(values.search));
    if (values.internal) query.set('internal', 'true');
    if (values.sort) query.set('sort', String(values.sort));
    if (values.desc) query.set('order', 'desc');
    if (values.page) query.set('page', String(values.page));
    query.set('pageSize', String(values['page-size'] ?? 500));
    if (values.refresh) query.set('refresh', 'true');
    const page = await session.call<{ total: number; items: TopicSummary[]; freshness: { ageMs: number } }>(
      `/clusters/${cluster.id}/topics?${query}`,
    );
    return output(values.json as boolean, page, () =>
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
        `${page.items.length} of ${page.total} topics; data ${Math.round(page.freshness.ageMs / 1000)} s old`,
      ].join('\n'),
    );
  }
  if (action === 'describe') {
    if (!topic) throw new CliError('Name the topic: weir topics describe <topic> --cluster <name>');
    const detail = await session.call<TopicDetail>(
      `/clusters/${cluster.id}/topics/${pathName(topic)}${values.refresh ? '?refresh=true' : ''}`,
    );
    return output(values.json as boolean, detail, () =>
      [
        `Topic: ${detail.topic.name}  Partitions: ${detail.topic.partitions}  RF: ${detail.topic.replicationFactor}  Size: ${formatTotal(detail.topic.sizeBytes, formatBytes)}  Messages: ${estimate(detail.topic.messages)} (estimate: end − start offsets; weir topics count for the exact number)`,
        renderTable(
          ['PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'START', 'END'],
          detail.partitions.map((p) => [
            p.partition,
            p.leader ?? 'none',
            p.replicas.join(','),
            p.isr.join(','),
            p.startOffset ?? 'unknown',
            p.endOffset ?? 'unknown',
          ]),
        ),
      ].join('\n'),
    );
  }
  if (action === 'count') {
    if (!topic) throw new CliError('Name the topic: weir topics count <topic> --cluster <name> [--wait]');
    return countTopic(session, cluster.id, topic, { wait: Boolean(values.wait), json: Boolean(values.json) });
  }
  if (action && TOPIC_CHANGES.includes(action)) {
    if (!topic) throw new CliError(`Name the topic: weir topics ${action} <topic> --cluster <name>`);
    return changeTopic(session, cluster.id, action, topic, values);
  }
  throw new CliError(HELP);
}
