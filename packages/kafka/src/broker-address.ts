import { isIPv6 } from 'node:net';

export interface HostPort {
  /** A host name or IP address; an IPv6 address without its brackets. */
  host: string;
  /** 1–65535. */
  port: number;
}

const EXAMPLE = 'use host:port, e.g. broker1:9092 or [::1]:9092';
// A DNS name or IPv4 address: dot-separated labels of letters, digits, "-" and "_" (Kafka's own
// address pattern, Utils.HOST_PORT_PATTERN, allows these; "_" appears in container host names).
const HOST_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Parses `host:port` as Kafka clients take it in bootstrap.servers, with IPv6 in brackets
 * (`[::1]:9092`, as in Kafka's Utils.getHost). Returns the parts, or the reason it is not an address
 * with how to write it instead.
 *
 * @param defaultPort used when the port is left out (ZooKeeper's 2181); without it a port is required.
 */
export function parseHostPort(address: string, defaultPort?: number): HostPort | { problem: string } {
  if (address.length === 0) return { problem: `is empty; ${EXAMPLE}` };
  if (CONTROL.test(address))
    return { problem: `${JSON.stringify(address)} contains a control character; remove it` };
  if (/\s/.test(address)) return { problem: `${JSON.stringify(address)} contains a space; remove it` };
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(address);
  if (scheme) return { problem: `remove "${scheme[0]}": Kafka addresses have no scheme; ${EXAMPLE}` };
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(address);
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2];
    if (!isIPv6(host)) return { problem: `"${host}" in brackets is not an IPv6 address; ${EXAMPLE}` };
  } else {
    const colons = address.split(':').length - 1;
    if (colons > 1) {
      return {
        problem: `"${address}" looks like an IPv6 address; put it in brackets, e.g. [${isIPv6(address) ? address : '::1'}]:9092`,
      };
    }
    [host, portText] = colons === 1 ? (address.split(':') as [string, string]) : [address, undefined];
    if (host.length === 0) return { problem: `"${address}" has no host; ${EXAMPLE}` };
    if (host.length > 253 || !HOST_NAME.test(host)) {
      const bad = [...new Set([...host].filter((c) => !/[A-Za-z0-9._-]/.test(c)))].map((c) =>
        JSON.stringify(c),
      );
      return {
        problem: `host "${host}" is not a host name or IP address${bad.length > 0 ? ` (it contains ${bad.join(', ')})` : ''}; ${EXAMPLE}`,
      };
    }
  }
  if (portText === undefined) {
    if (defaultPort !== undefined) return { host, port: defaultPort };
    return { problem: `"${address}" has no port; ${EXAMPLE}` };
  }
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    return { problem: `port "${portText}" is not a number from 1 to 65535; ${EXAMPLE}` };
  }
  return { host, port };
}

/** `host:port` again, with brackets around an IPv6 host. */
export const formatHostPort = ({ host, port }: HostPort) =>
  `${host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * Parses a ZooKeeper connect string, `host[:port][,host[:port]…][/chroot]` (ZooKeeper's
 * ConnectStringParser: port 2181 when left out; a chroot is an absolute path without a trailing
 * slash). Returns the servers, or every problem with how to fix it.
 */
export function parseZooKeeperConnect(
  connect: string,
): { servers: HostPort[]; chroot: string | null } | { problems: string[] } {
  const slash = connect.indexOf('/');
  const hosts = slash === -1 ? connect : connect.slice(0, slash);
  const chroot = slash === -1 ? null : connect.slice(slash);
  const problems: string[] = [];
  const servers: HostPort[] = [];
  if (hosts.length === 0)
    problems.push('names no server; use host:port[,host:port…], e.g. zk1:2181,zk2:2181');
  else {
    for (const [index, part] of hosts.split(',').entries()) {
      const parsed = parseHostPort(part, 2181);
      if ('problem' in parsed)
        problems.push(`server ${index + 1}: ${parsed.problem.replace(/9092/g, '2181')}`);
      else servers.push(parsed);
    }
  }
  // "/" alone means no chroot, as in ZooKeeper.
  const badPath = chroot !== null && chroot.length > 1 && (chroot.endsWith('/') || chroot.includes('//'));
  if (chroot !== null && (badPath || /\s/.test(chroot) || CONTROL.test(chroot))) {
    problems.push(
      `chroot ${JSON.stringify(chroot)} must be an absolute path without spaces, empty segments or a trailing "/", e.g. /kafka`,
    );
  }
  return problems.length > 0 ? { problems } : { servers, chroot };
}
