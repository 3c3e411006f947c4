import { type Base, type Broker, type Connection, TimeoutError } from '@platformatic/kafka';

/**
 * How long a broker whose request timed out is tried last for requests any broker may answer, unless
 * it answers something sooner. A stopped JVM keeps its listening socket: the kernel still accepts the
 * TCP connection, so only a request's timeout shows the broker is silent.
 */
export const SILENT_BROKER_MS = 60_000;

/**
 * Brokers that let a request time out (by `host:port`), as one client saw them. Kafka's own clients
 * do the same with the node they pick for a request any broker may answer: the least loaded node,
 * never one with requests stuck in flight (NetworkClient.leastLoadedNode).
 */
export class SilentBrokers {
  readonly #since = new Map<string, number>();
  #marks = 0;

  readonly #now: () => number;

  /** `now` gives the time in ms (a test passes its own clock). */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Records that `address` (host:port) let a request time out. */
  markSilent(address: string): void {
    this.#since.set(address, this.#now());
    this.#marks += 1;
  }

  /** Records that `address` answered: it is tried in its bootstrap order again. */
  markAnswered(address: string): void {
    this.#since.delete(address);
  }

  isSilent(address: string): boolean {
    const since = this.#since.get(address);
    if (since === undefined) return false;
    if (this.#now() - since < SILENT_BROKER_MS) return true;
    this.#since.delete(address);
    return false;
  }

  /** Grows by one at every timeout; a caller compares it before and after a request. */
  get marks(): number {
    return this.#marks;
  }

  /** Brokers to try in order: the ones that answer first, the silent ones last (never dropped). */
  order<T extends { host: string; port: number }>(brokers: T[]): T[] {
    const silent = (b: T) => this.isSilent(`${b.host}:${b.port}`);
    return [...brokers.filter((b) => !silent(b)), ...brokers.filter(silent)];
  }
}

type Callback<T> = (error: Error | null, value: T) => void;
interface Pool {
  get(broker: Broker, callback: Callback<Connection>): unknown;
  getFirstAvailable(brokers: Broker[], callback: Callback<Connection>): unknown;
}
type Send = (...args: unknown[]) => unknown;
// biome-ignore lint/suspicious/noExplicitAny: Admin, Producer and Consumer share Base with different generics.
type AnyClient = Base<any>;

const CONNECTIONS = 'plt.kafka.base.connections';
const instrumented = new WeakSet<object>();

/** The client's connection pool; the library keeps it under a private symbol. */
function connectionPool(client: AnyClient): Pool {
  const symbol = Object.getOwnPropertySymbols(client).find((s) => s.description === CONNECTIONS);
  const pool = symbol ? (client as unknown as Record<symbol, Pool | undefined>)[symbol] : undefined;
  if (!pool || typeof pool.getFirstAvailable !== 'function' || typeof pool.get !== 'function')
    throw new Error(
      `@platformatic/kafka no longer keeps its connection pool under "${CONNECTIONS}": bootstrap failover needs updating`,
    );
  return pool;
}

// The library's TimeoutError carries the network error's code, so the class is what tells them apart.
const isRequestTimeout = (error: unknown) => error instanceof TimeoutError;

/** Watches every request on `connection`: a timeout marks its broker silent, an answer clears it. */
function watchRequests(connection: Connection, address: string, silent: SilentBrokers): void {
  if (instrumented.has(connection)) return;
  instrumented.add(connection);
  const target = connection as unknown as { send: Send };
  const send = target.send.bind(connection);
  target.send = (...args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: Error | null, payload: unknown) => {
        if (isRequestTimeout(error)) silent.markSilent(address);
        else if (!error) silent.markAnswered(address);
        return callback(error, payload);
      };
    }
    return send(...args);
  };
}

/**
 * Makes `client` send requests any broker may answer (Metadata, FindCoordinator, DescribeConfigs of a
 * topic, ApiVersions…) to a broker that answers, not to the first bootstrap address when that broker
 * hangs. Requests addressed to one broker (a leader, a coordinator, a broker's own configs) still go
 * to that broker. Returns the registry the client fills.
 * @throws Error when the library's internals moved (caught by this module's unit test).
 */
export function installBootstrapFailover(client: AnyClient, silent = new SilentBrokers()): SilentBrokers {
  const pool = connectionPool(client);
  const get = pool.get.bind(pool);
  const getFirstAvailable = pool.getFirstAvailable.bind(pool);
  // The pool's getFirstAvailable calls `this.get` for each broker it tries, so both paths are watched.
  pool.get = (broker, callback) =>
    get(broker, (error, connection) => {
      if (!error && connection) watchRequests(connection, `${broker.host}:${broker.port}`, silent);
      callback(error, connection);
    });
  pool.getFirstAvailable = (brokers, callback) => getFirstAvailable(silent.order(brokers), callback);
  return silent;
}
