import { type KafkaGateway, KafkaGatewayError } from '@weir/kafka';
import { UnavailableError } from '../errors.ts';
import type { Gateways } from './cluster-connections.ts';

/**
 * A detail read straight from the cluster (configs, ACLs, quotas): not kept in the snapshot.
 * `whenUnsupported` answers instead when the brokers lack the API.
 * @throws UnavailableError with the cluster's message when the read fails.
 */
export async function readLive<T>(
  connections: Gateways,
  clusterId: string,
  work: (gateway: KafkaGateway) => Promise<T>,
  whenUnsupported?: (error: KafkaGatewayError) => Promise<T>,
): Promise<T> {
  const gateway = await connections.gateway(clusterId);
  try {
    return await work(gateway);
  } catch (error) {
    if (whenUnsupported && error instanceof KafkaGatewayError && error.kind === 'unsupported')
      return whenUnsupported(error);
    throw new UnavailableError((error as Error).message, { cause: error });
  }
}
