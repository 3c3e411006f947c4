import type { ConnectionReport } from '@weir/api';
import {
  type ClusterConnection,
  createKafkaGateway,
  inferClusterMode,
  KafkaGatewayError,
  probeBrokerAddresses,
  probeZooKeeperConnect,
  REACHABILITY_TIMEOUT_MS,
  readKafkaVersion,
} from '@weir/kafka';

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
  report.addresses = await probeBrokerAddresses(connection.bootstrapServers);
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
    connectTimeoutMs: REACHABILITY_TIMEOUT_MS,
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
      const zookeeper = await probeZooKeeperConnect(options.zookeeperConnect);
      if (!zookeeper.reachable) {
        report.problems.push({
          step: 'zookeeper',
          message: `ZooKeeper at ${zookeeper.address} cannot be reached (${zookeeper.error}): check the connect string or leave it empty.`,
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
