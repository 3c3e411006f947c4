import { readFileSync } from 'node:fs';
import type { ReassignmentPlan, ReassignmentPlanRequest } from '@weir/api';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { outputOf, print, SESSION_OPTIONS } from '../output.ts';
import { openSession, resolveCluster } from '../session.ts';
import { renderTable } from '../table.ts';
import { integer } from '../values.ts';

const HELP = `weir replicas — reassignments and leader elections

  weir replicas plan --cluster <name> --topic <topic>... [--brokers 1,2,3] [--replication-factor N]
      prints the moves (save with --json > plan.json)
  weir replicas execute --cluster <name> --plan plan.json [--throttle bytes/s]
      starts a reassignment job; throttles are removed when it ends or is cancelled
  weir replicas elect --cluster <name> [--topic <topic>[:p,p]]... [--unclean --accept-data-loss]
      preferred leader election (all partitions when no --topic)

Common: --url, --token, --json, --utc | --local`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  cluster: { type: 'string' },
  topic: { type: 'string', multiple: true },
  brokers: { type: 'string' },
  'replication-factor': { type: 'string' },
  plan: { type: 'string' },
  throttle: { type: 'string' },
  unclean: { type: 'boolean' },
  'accept-data-loss': { type: 'boolean' },
} as const;

export async function replicasCommand(args: string[]): Promise<void> {
  const { values, action } = parseCommandArgs(args, OPTIONS, HELP, {
    command: 'replicas',
    actions: ['plan', 'execute', 'elect'],
  });
  const output = outputOf(values);
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  const topics = (values.topic as string[] | undefined) ?? [];
  if (action === 'plan') {
    if (topics.length === 0)
      throw new CliError('Name the topics to spread: --topic <topic> (repeatable).', 2);
    const plan = await session.api.replicas.plan(cluster.id, {
      topics,
      brokers: values.brokers
        ? String(values.brokers)
            .split(',')
            .map((b) => integer(b, 'brokers'))
        : undefined,
      replicationFactor: integer(values['replication-factor'], 'replication-factor'),
    } as ReassignmentPlanRequest);
    return print(output, plan, () =>
      [
        renderTable(
          ['TOPIC', 'PARTITION', 'FROM', 'TO'],
          plan.moves.map((m) => [m.topic, String(m.partition), m.from.join(','), m.to.join(',')]),
        ),
        renderTable(
          ['BROKER', 'REPLICAS', 'LEADERS'],
          plan.brokers.map((b) => [
            String(b.nodeId),
            `${b.replicasBefore} -> ${b.replicasAfter}`,
            `${b.leadersBefore} -> ${b.leadersAfter}`,
          ]),
        ),
        `${plan.moves.length} partition(s) move. Save with --json > plan.json, then: weir replicas execute --plan plan.json`,
      ].join('\n\n'),
    );
  }
  if (action === 'execute') {
    if (!values.plan)
      throw new CliError('--plan <file> is required: the JSON "weir replicas plan --json" printed.', 2);
    let plan: ReassignmentPlan;
    try {
      plan = JSON.parse(readFileSync(String(values.plan), 'utf8')) as ReassignmentPlan;
    } catch (error) {
      throw new CliError(`Cannot read the plan ${String(values.plan)}: ${(error as Error).message}`, 2);
    }
    const job = await session.api.replicas.reassign(cluster.id, {
      moves: plan.moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to })),
      throttleBytesPerSecond: integer(values.throttle, 'throttle'),
    });
    return print(
      output,
      job,
      () =>
        `Started reassignment job ${job.id}. Follow it: weir jobs show ${job.id} --cluster ${cluster.name}`,
    );
  }
  const partitions = topics.map((entry) => {
    const [topic = '', list] = entry.split(':');
    return list
      ? { topic, partitions: list.split(',').map((p) => integer(p, 'topic partition') as number) }
      : { topic };
  });
  const result = await session.api.replicas.elect(cluster.id, {
    type: values.unclean ? 'unclean' : 'preferred',
    partitions: partitions.length ? partitions : undefined,
    acceptDataLoss: values['accept-data-loss'] ? true : undefined,
  });
  return print(output, result, () =>
    renderTable(
      ['TOPIC', 'PARTITION', 'RESULT'],
      result.results.map((r) => [r.topic, String(r.partition), r.error ?? 'elected']),
    ),
  );
}
