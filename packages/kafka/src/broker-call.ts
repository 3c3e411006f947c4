import { failedSilently, toGatewayError } from './errors.ts';

/** A broker that did not answer one request, and why; what lives only on it is unknown. */
export interface BrokerFailure {
  nodeId: number;
  error: string;
}

/** The broker a request goes to, as Metadata or FindCoordinator named it. */
export interface BrokerAddress {
  nodeId: number;
  host: string;
  port: number;
}

export const describeBroker = (broker: BrokerAddress) =>
  `broker ${broker.nodeId} (${broker.host}:${broker.port})`;

/**
 * Runs one request against one broker with its own deadline, so a hung broker (a stopped JVM keeps
 * its sockets open and never answers) costs only its own answer. Failures name that broker.
 * @throws KafkaGatewayError with `coordinates.broker` set.
 */
export async function askBroker<T>(
  broker: BrokerAddress,
  api: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const where = describeBroker(broker);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${where} did not answer ${api} within ${timeoutMs} ms (timed out)`)),
      timeoutMs,
    );
  });
  const started = Date.now();
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    const waited = Date.now() - started;
    if (failedSilently(error, waited, timeoutMs))
      throw toGatewayError(new Error(`${where} did not answer ${api} within ${waited} ms (timed out)`), {
        api,
        broker: where,
      });
    throw toGatewayError(error, { api, broker: where });
  } finally {
    clearTimeout(timer);
  }
}
