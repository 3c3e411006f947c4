import { createConnection } from 'node:net';
import {
  type ClusterConnection,
  createKafkaGateway,
  inferClusterMode,
  KafkaGatewayError,
  readKafkaVersion,
} from '@weir/kafka';
import { formatHostPort, type HostPort, parseHostPort, parseZooKeeperConnect } from './broker-address.ts';
import type { ConnectionReport } from './read-model.types.ts';

const TCP_TIMEOUT_MS = 3000;

function checkTcp(
  host: string,
  port: number,
  timeoutMs = TCP_TIMEOUT_MS,
): Promise<{ latencyMs: number } | { error: string }> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const socket = createConnection({ host, port });
    const finish = (result: { latencyMs: number } | { error: string }) => {
      socket.destroy();
      resolvePromise(result);
    };
    socket.setTimeout(timeoutMs, () => finish({ error: `no answer within ${timeoutMs} ms` }));
    socket.once('connect', () => finish({ latencyMs: Math.round(performance.now() - started) }));
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
  });
}

/** Host and port of an address the service has already checked (broker-address.ts). */
function splitAddress(address: string, defaultPort?: number): HostPort {
  const parsed = parseHostPort(address, defaultPort);
  if ('problem' in parsed) throw new TypeError(`unchecked address ${address}: ${parsed.problem}`);
  return parsed;
}

/**
 * Tests a connection step by step, as a person would: can each address be reached, does login
 * work, what cluster answers, which mode and version it runs, and whether a ZooKeeper string fits it.
 */
export async function probeConnection(
  connection: ClusterConnection,
  options: { zookeeperConnect?: string; timeoutMs?: number } = {},
): Promise<ConnectionReport> {
  const report: ConnectionReport = {
    ok: false,
    addresses: [],
    authentication: null,
    cluster: null,
    problems: [],
  };
  report.addresses = await Promise.all(
    connection.bootstrapServers.map(async (address) => {
      const { host, port } = splitAddress(address);
      const result = await checkTcp(host, port);
      return 'error' in result
        ? { address, reachable: false, latencyMs: null, error: result.error }
        : { address, reachable: true, latencyMs: result.latencyMs, error: null };
    }),
  );
  const unreachable = report.addresses.filter((a) => !a.reachable);
  for (const address of unreachable) {
    report.problems.push({
      step: 'reachability',
      message: `${address.address} cannot be reached (${address.error}): check the host and port, and that a broker listens there.`,
    });
  }
  if (unreachable.length === report.addresses.length) return report;

  const reachable = report.addresses.filter((a) => a.reachable).map((a) => a.address);
  const gateway = createKafkaGateway({
    ...connection,
    bootstrapServers: reachable,
    requestTimeoutMs: options.timeoutMs ?? 8000,
    connectTimeoutMs: TCP_TIMEOUT_MS,
  });
  if (connection.sasl) {
    report.authentication = {
      mechanism: connection.sasl.mechanism,
      username: connection.sasl.username ?? null,
      ok: false,
    };
  }
  try {
    const apis = await gateway.apiVersions();
    const description = await gateway.describeCluster();
    if (report.authentication) report.authentication.ok = true;
    const mode = inferClusterMode(apis);
    let controllerId = description.controllerId;
    if (mode === 'kraft') {
      controllerId = await gateway.describeQuorum().then(
        (quorum) => quorum.leaderId,
        () => description.controllerId,
      );
    }
    report.cluster = {
      clusterId: description.clusterId,
      brokers: description.brokers,
      controllerId,
      mode,
      version: await readKafkaVersion(gateway, apis, description.brokers[0]?.nodeId ?? null),
    };
    if (options.zookeeperConnect && mode === 'kraft') {
      report.problems.push({
        step: 'zookeeper',
        message: 'This cluster runs in KRaft mode and has no ZooKeeper: remove the ZooKeeper connect string.',
      });
    } else if (options.zookeeperConnect) {
      const parsed = parseZooKeeperConnect(options.zookeeperConnect);
      const zk = 'servers' in parsed ? parsed.servers[0] : undefined;
      const result = zk ? await checkTcp(zk.host, zk.port) : { error: 'not a connect string' };
      if ('error' in result) {
        report.problems.push({
          step: 'zookeeper',
          message: `ZooKeeper at ${zk ? formatHostPort(zk) : options.zookeeperConnect} cannot be reached (${result.error}): check the connect string or leave it empty.`,
        });
      }
    }
  } catch (error) {
    const gatewayError = error instanceof KafkaGatewayError ? error : undefined;
    const step = gatewayError?.kind === 'authentication' ? 'authentication' : 'metadata';
    report.problems.push({ step, message: (error as Error).message });
  } finally {
    await gateway.close();
  }
  // Some unreachable addresses are worth reporting but do not stop a cluster that answered.
  report.ok = report.cluster !== null && report.problems.every((p) => p.step === 'reachability');
  return report;
}
