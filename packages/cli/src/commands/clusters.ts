import {
  type ClusterInput,
  type ClusterOverview,
  type ClusterView,
  type ConnectionReport,
  SASL_MECHANISMS,
  SECURITY_PROTOCOLS,
} from '@weir/api';
import { type Flags, parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { outputOf, print, printList, SESSION_OPTIONS } from '../output.ts';
import { readStdin } from '../prompt.ts';
import { openSession, resolveCluster } from '../session.ts';
import { formatCount, formatTotal, renderFields, renderTable } from '../table.ts';
import { renderBrokers } from './brokers.ts';

const HELP = `weir clusters — register and inspect Kafka clusters

  weir clusters list
  weir clusters describe <name or id> [--refresh]
      Kafka version, mode, controller and quorum, brokers, topic and partition counts, health totals
  weir clusters add  --name <name> --bootstrap <host:port,...> [connection options]
  weir clusters test --bootstrap <host:port,...> [connection options]
  weir clusters remove <name or id> --yes

Connection options:
  --security-protocol PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL   (default PLAINTEXT)
  --sasl-mechanism PLAIN|SCRAM-SHA-256|SCRAM-SHA-512|OAUTHBEARER
  --sasl-username <user>   --sasl-password-stdin (or $WEIR_SASL_PASSWORD)
  --zookeeper <connect>    --description <text>   --tag <tag> (repeatable)

Common: --url, --token (default: from "weir login"), --json, --utc | --local`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  name: { type: 'string' },
  bootstrap: { type: 'string' },
  'security-protocol': { type: 'string', choices: SECURITY_PROTOCOLS },
  'sasl-mechanism': { type: 'string', choices: SASL_MECHANISMS },
  'sasl-username': { type: 'string' },
  'sasl-password-stdin': { type: 'boolean' },
  zookeeper: { type: 'string' },
  description: { type: 'string' },
  tag: { type: 'string', multiple: true },
  yes: { type: 'boolean' },
  refresh: { type: 'boolean' },
} as const satisfies Flags;

const ACTIONS = ['list', 'describe', 'test', 'add', 'remove'] as const;

/** The connection flags as the API's cluster input; the server validates them (protocol, mechanism, …). */
async function clusterInput(values: Record<string, unknown>, requireName: boolean): Promise<ClusterInput> {
  if (requireName && !values.name) throw new CliError('--name is required.');
  if (!values.bootstrap) throw new CliError('--bootstrap host:port[,host:port] is required.');
  const input: Record<string, unknown> = {
    name: (values.name as string | undefined) ?? 'connection-test',
    bootstrapServers: String(values.bootstrap)
      .split(',')
      .map((s) => s.trim()),
    securityProtocol: values['security-protocol'] ?? 'PLAINTEXT',
    tags: (values.tag as string[] | undefined) ?? [],
    description: values.description ?? '',
  };
  if (values.zookeeper) input.zookeeperConnect = values.zookeeper;
  if (values['sasl-mechanism']) {
    const password = values['sasl-password-stdin'] ? await readStdin() : process.env.WEIR_SASL_PASSWORD;
    input.sasl = {
      mechanism: values['sasl-mechanism'],
      username: values['sasl-username'],
      password: password || undefined,
    };
  }
  return input as ClusterInput;
}

const describeReport = (report: ConnectionReport) =>
  [
    ...report.addresses.map(
      (a) => `  ${a.reachable ? 'ok  ' : 'FAIL'} reach ${a.address}${a.error ? ` (${a.error})` : ''}`,
    ),
    ...(report.authentication ? [`  ${report.authentication.ok ? 'ok  ' : 'FAIL'} authentication`] : []),
    ...(report.cluster
      ? [
          `  ok   cluster ${report.cluster.clusterId}: ${report.cluster.mode}, Kafka ${report.cluster.version.label} (${report.cluster.version.certainty}: ${report.cluster.version.evidence.join('; ')}), ${report.cluster.brokers.length} broker(s), controller ${report.cluster.controllerId}`,
        ]
      : []),
    ...report.problems.map((p) => `  FAIL ${p.step}: ${p.message}`),
  ].join('\n');

/** `weir clusters`: the registry (list, add, test, remove) and one cluster's summary (describe). */
export async function clustersCommand(args: string[]): Promise<void> {
  const { values, positionals, action } = parseCommandArgs(args, OPTIONS, HELP, {
    command: 'clusters',
    actions: ACTIONS,
  });
  const target = positionals[1];
  const output = outputOf(values);
  const session = openSession(values);
  switch (action) {
    case 'list': {
      const clusters = await session.api.clusters.list();
      return printList(output, { items: clusters, total: clusters.length }, () =>
        renderTable(
          ['NAME', 'BOOTSTRAP', 'SECURITY', 'TAGS', 'ID'],
          clusters.map((c) => [
            c.name,
            c.bootstrapServers.join(','),
            c.securityProtocol,
            c.tags.join(','),
            c.id,
          ]),
        ),
      );
    }
    case 'describe': {
      if (!target) throw new CliError('Name the cluster: weir clusters describe <name or id>');
      const cluster = await resolveCluster(session, target);
      // One read of the cluster: the brokers come from the snapshot the overview just used.
      const { overview, freshness } = await session.api.clusters.overview(cluster.id, {
        refresh: values.refresh ? true : undefined,
      });
      const { brokers } = await session.api.brokers.list(cluster.id);
      return print(
        output,
        { cluster, overview, brokers, freshness },
        () => `${renderOverview(cluster, overview)}\n\n${renderBrokers(brokers)}`,
        freshness,
      );
    }
    case 'test': {
      const report = await session.api.clusters.test(await clusterInput(values, false));
      print(
        output,
        report,
        () => `${report.ok ? 'Connection OK' : 'Connection FAILED'}\n${describeReport(report)}`,
      );
      if (!report.ok) process.exitCode = 1;
      return;
    }
    case 'add': {
      const saved = await session.api.clusters.create(await clusterInput(values, true));
      return print(
        output,
        saved,
        () => `Added ${saved.cluster.name} (${saved.cluster.id})\n${describeReport(saved.connection)}`,
      );
    }
    case 'remove': {
      const cluster = await resolveCluster(session, target);
      if (!values.yes)
        throw new CliError(
          `Removing "${cluster.name}" from Weir needs --yes (the Kafka cluster itself is untouched).`,
        );
      await session.api.clusters.remove(cluster.id, cluster.name);
      return print(output, { removed: cluster.name }, () => `Removed ${cluster.name}.`);
    }
  }
}

/** `weir clusters describe`'s summary: what a Kafka operator checks first, health totals last. */
function renderOverview(cluster: ClusterView, overview: ClusterOverview): string {
  const quorum = overview.quorum;
  const groupStates = Object.entries(overview.groupsByState ?? {})
    .map(([state, count]) => `${state} ${formatCount(count)}`)
    .join(', ');
  return renderFields([
    ['Cluster', `${cluster.name} (${cluster.id})`],
    ['Kafka cluster id', overview.clusterId],
    [
      'Kafka',
      `${overview.version.label} (${overview.version.certainty}: ${overview.version.evidence.join('; ')})`,
    ],
    ['Mode', overview.mode],
    ['Controller', overview.controllerId === null ? 'none' : String(overview.controllerId)],
    ...(quorum
      ? ([
          [
            'Quorum',
            `leader ${quorum.leaderId}, epoch ${quorum.leaderEpoch}, voters ${quorum.voters.map((v) => v.nodeId).join(',')}, max voter lag ${formatCount(Math.max(0, ...quorum.voters.map((v) => v.lag)))}`,
          ],
        ] as [string, string][])
      : []),
    ['Brokers', `${formatCount(overview.brokers.alive)} alive`],
    ['Topics', `${formatCount(overview.topics)} (${formatCount(overview.internalTopics)} internal)`],
    ['Partitions', overview.partitions],
    ['Replicas', overview.replicas],
    ['Under-replicated', overview.underReplicatedPartitions],
    ['Under min ISR', formatTotal(overview.underMinIsrPartitions)],
    ['Offline', overview.offlinePartitions],
    ['Leaderless', overview.leaderlessPartitions],
    ['Groups', `${formatTotal(overview.groups)}${groupStates ? ` (${groupStates})` : ''}`],
    ['ACLs', overview.aclCount === null ? 'unknown (no authorizer, or not readable)' : overview.aclCount],
  ]);
}
