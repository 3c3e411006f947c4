import type { ClusterInput, ConnectionReport } from '@weir/api';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { readStdin } from '../prompt.ts';
import { openSession, resolveCluster, SESSION_OPTIONS } from '../session.ts';
import { output, renderTable } from '../table.ts';

const HELP = `weir clusters — register and inspect Kafka clusters

  weir clusters list
  weir clusters add  --name <name> --bootstrap <host:port,...> [connection options]
  weir clusters test --bootstrap <host:port,...> [connection options]
  weir clusters remove <name or id> --yes

Connection options:
  --security-protocol PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL   (default PLAINTEXT)
  --sasl-mechanism PLAIN|SCRAM-SHA-256|SCRAM-SHA-512|OAUTHBEARER
  --sasl-username <user>   --sasl-password-stdin (or $WEIR_SASL_PASSWORD)
  --zookeeper <connect>    --description <text>   --tag <tag> (repeatable)

Common: --url, --token (default: from "weir login"), --json`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  name: { type: 'string' },
  bootstrap: { type: 'string' },
  'security-protocol': { type: 'string' },
  'sasl-mechanism': { type: 'string' },
  'sasl-username': { type: 'string' },
  'sasl-password-stdin': { type: 'boolean' },
  zookeeper: { type: 'string' },
  description: { type: 'string' },
  tag: { type: 'string', multiple: true },
  yes: { type: 'boolean' },
} as const;

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

export async function clustersCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, HELP);
  const [action, target] = positionals;
  const session = openSession(values);
  switch (action) {
    case 'list': {
      const clusters = await session.api.clusters.list();
      return output(values.json as boolean, clusters, () =>
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
    case 'test': {
      const report = await session.api.clusters.test(await clusterInput(values, false));
      output(
        values.json as boolean,
        report,
        () => `${report.ok ? 'Connection OK' : 'Connection FAILED'}\n${describeReport(report)}`,
      );
      if (!report.ok) process.exitCode = 1;
      return;
    }
    case 'add': {
      const saved = await session.api.clusters.create(await clusterInput(values, true));
      return output(
        values.json as boolean,
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
      return console.log(`Removed ${cluster.name}.`);
    }
    default:
      throw new CliError(`${HELP}`);
  }
}
