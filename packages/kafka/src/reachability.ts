import { createConnection } from 'node:net';
import { formatHostPort, type HostPort, parseHostPort, parseZooKeeperConnect } from './broker-address.ts';

/** Whether a TCP connection to one address opened, and how long it took. */
export interface AddressReachability {
  /** As given (brokers), as `host:port` (ZooKeeper), or the whole connect string when it names no server. */
  address: string;
  reachable: boolean;
  /** Milliseconds from dialling to the open connection, rounded; null when it did not open. */
  latencyMs: number | null;
  /**
   * Null when reachable. Otherwise the socket's error code (`ECONNREFUSED`, `ENOTFOUND`, …, or the
   * error's message when it has none), `no answer within <timeoutMs> ms`, or `not a connect string`.
   */
  error: string | null;
}

/** How long a connection may take to open before the address counts as unreachable, in ms. */
export const REACHABILITY_TIMEOUT_MS = 3000;

/**
 * Opens a TCP connection to each bootstrap address at once and closes it again: the first step of a
 * connection test, before any Kafka request. Only the socket is opened, so a TLS or SASL listener
 * counts as reachable here; its handshake is the next step's concern. Never rejects for an address
 * that does not answer: each gets its own row, in the order given.
 *
 * @param addresses `host:port` strings already checked with {@link parseHostPort} (IPv6 in brackets).
 * @param options.timeoutMs per address, in ms; {@link REACHABILITY_TIMEOUT_MS} by default.
 * @throws TypeError (as a rejection) when an address is not `host:port`: callers check them first.
 */
export async function probeBrokerAddresses(
  addresses: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<AddressReachability[]> {
  const targets = addresses.map((address) => ({ address, target: checkedAddress(address) }));
  return Promise.all(targets.map(({ address, target }) => reach(address, target, options.timeoutMs)));
}

/**
 * Opens a TCP connection to the first server of a ZooKeeper connect string and closes it again, to
 * tell whether the string given for a cluster points at a ZooKeeper that listens. Never rejects: a
 * string that names no server is reported as unreachable with the error `not a connect string`.
 *
 * @param connect `host[:port][,host[:port]…][/chroot]`, port 2181 when left out.
 * @param options.timeoutMs in ms; {@link REACHABILITY_TIMEOUT_MS} by default.
 */
export async function probeZooKeeperConnect(
  connect: string,
  options: { timeoutMs?: number } = {},
): Promise<AddressReachability> {
  const parsed = parseZooKeeperConnect(connect);
  const server = 'servers' in parsed ? parsed.servers[0] : undefined;
  if (!server) return { address: connect, reachable: false, latencyMs: null, error: 'not a connect string' };
  return reach(formatHostPort(server), server, options.timeoutMs);
}

function checkedAddress(address: string): HostPort {
  const parsed = parseHostPort(address);
  if ('problem' in parsed) throw new TypeError(`unchecked address ${address}: ${parsed.problem}`);
  return parsed;
}

function reach(
  address: string,
  { host, port }: HostPort,
  timeoutMs = REACHABILITY_TIMEOUT_MS,
): Promise<AddressReachability> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const socket = createConnection({ host, port });
    const finish = (result: AddressReachability) => {
      socket.destroy();
      resolvePromise(result);
    };
    const unreachable = (error: string) => finish({ address, reachable: false, latencyMs: null, error });
    socket.setTimeout(timeoutMs, () => unreachable(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () =>
      finish({ address, reachable: true, latencyMs: Math.round(performance.now() - started), error: null }),
    );
    socket.once('error', (error: NodeJS.ErrnoException) => unreachable(error.code ?? error.message));
  });
}
