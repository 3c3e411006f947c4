import { connect } from 'node:net';

export interface ZooKeeperServerStatus {
  address: string;
  reachable: boolean;
  /** standalone, leader or follower (observer too). */
  mode: string | null;
  version: string | null;
  latencyMs: { min: number; avg: number; max: number } | null;
  connections: number | null;
  outstanding: number | null;
  nodeCount: number | null;
  zxid: string | null;
  error: string | null;
}

const DEFAULT_PORT = 2181;

/**
 * `h1:2181,h2:2181/kafka` → the server addresses; the chroot path does not matter here. IPv6 hosts
 * come in brackets (`[::1]:2181`), as ZooKeeper's ConnectStringParser takes them.
 */
export function zookeeperServers(connectString: string): { host: string; port: number }[] {
  const hosts = connectString.split('/')[0] ?? '';
  return hosts
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
      if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2]) || DEFAULT_PORT };
      const colon = entry.lastIndexOf(':');
      return colon === -1
        ? { host: entry, port: DEFAULT_PORT }
        : { host: entry.slice(0, colon), port: Number(entry.slice(colon + 1)) || DEFAULT_PORT };
    });
}

/** Reads ZooKeeper's `srvr` answer (the one four-letter word allowed by default since 3.5.3). */
export function parseSrvr(text: string): Omit<ZooKeeperServerStatus, 'address' | 'reachable' | 'error'> {
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  const number = (name: string) => {
    const value = field(name);
    return value === null ? null : Number(value);
  };
  const latency = field('Latency min/avg/max')?.split('/').map(Number);
  return {
    mode: field('Mode'),
    version: field('Zookeeper version')?.split(/[-,\s]/)[0] ?? null,
    latencyMs:
      latency && latency.length === 3
        ? { min: latency[0] ?? 0, avg: latency[1] ?? 0, max: latency[2] ?? 0 }
        : null,
    connections: number('Connections'),
    outstanding: number('Outstanding'),
    nodeCount: number('Node count'),
    zxid: field('Zxid'),
  };
}

function askSrvr(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let answer = '';
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('connect', () => socket.write('srvr'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolvePromise(answer));
  });
}

/**
 * Each server of a ZooKeeper ensemble as its own `srvr` command reports it: mode, version, latency,
 * connections, znode count. Read-only, and a server that does not answer only costs its own row.
 */
export async function zookeeperStatus(
  connectString: string,
  timeoutMs = 3000,
): Promise<ZooKeeperServerStatus[]> {
  return Promise.all(
    zookeeperServers(connectString).map(async ({ host, port }) => {
      const address = `${host}:${port}`;
      const empty = {
        mode: null,
        version: null,
        latencyMs: null,
        connections: null,
        outstanding: null,
        nodeCount: null,
        zxid: null,
      };
      try {
        const answer = await askSrvr(host, port, timeoutMs);
        if (/not in the whitelist|not executed/i.test(answer))
          return {
            address,
            reachable: true,
            ...empty,
            error: 'ZooKeeper refused "srvr": add it to 4lw.commands.whitelist on this server.',
          };
        if (!answer.includes('Mode:'))
          return {
            address,
            reachable: true,
            ...empty,
            error: `Unexpected answer to "srvr": ${answer.slice(0, 200)}`,
          };
        return { address, reachable: true, ...parseSrvr(answer), error: null };
      } catch (error) {
        return {
          address,
          reachable: false,
          ...empty,
          error: `Cannot reach ZooKeeper at ${address}: ${(error as Error).message}.`,
        };
      }
    }),
  );
}
