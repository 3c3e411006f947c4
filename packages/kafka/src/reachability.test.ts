import assert from 'node:assert/strict';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { after, before, test } from 'node:test';
import { probeBrokerAddresses, probeZooKeeperConnect } from './reachability.ts';

let listening: Server;
let openPort: number;
let closedPort: number;

before(async () => {
  listening = createServer((socket) => socket.destroy());
  await new Promise<void>((resolvePromise) => listening.listen(0, '127.0.0.1', resolvePromise));
  openPort = (listening.address() as AddressInfo).port;
  // A port the system just handed out and that nothing listens on any more refuses connections.
  const released = createServer();
  await new Promise<void>((resolvePromise) => released.listen(0, '127.0.0.1', resolvePromise));
  closedPort = (released.address() as AddressInfo).port;
  await new Promise((resolvePromise) => released.close(resolvePromise));
});

after(() => new Promise((resolvePromise) => listening.close(resolvePromise)));

test('a listening address is reachable with its latency; a closed port is refused; rows keep their order', async () => {
  const [closed, open] = await probeBrokerAddresses([`127.0.0.1:${closedPort}`, `127.0.0.1:${openPort}`]);
  assert.deepEqual(closed, {
    address: `127.0.0.1:${closedPort}`,
    reachable: false,
    latencyMs: null,
    error: 'ECONNREFUSED',
  });
  assert.ok(open);
  assert.equal(open.address, `127.0.0.1:${openPort}`);
  assert.equal(open.reachable, true);
  assert.equal(open.error, null);
  const latencyMs = open.latencyMs ?? Number.NaN;
  assert.ok(Number.isInteger(latencyMs) && latencyMs >= 0 && latencyMs < 3000, String(latencyMs));
});

test('an IPv6 address in brackets is dialled without its brackets and reported as given', async (t) => {
  const v6 = createServer((socket) => socket.destroy());
  const bound = await new Promise<boolean>((resolvePromise) => {
    v6.once('error', () => resolvePromise(false));
    v6.listen(0, '::1', () => resolvePromise(true));
  });
  if (!bound) return t.skip('no IPv6 loopback on this machine');
  t.after(() => new Promise((resolvePromise) => v6.close(resolvePromise)));
  const address = `[::1]:${(v6.address() as AddressInfo).port}`;
  const [row] = await probeBrokerAddresses([address]);
  assert.equal(row?.address, address);
  assert.equal(row?.reachable, true, row?.error ?? undefined);
});

test('an address that is not host:port is refused before anything is dialled', async () => {
  await assert.rejects(probeBrokerAddresses(['broker1']), {
    name: 'TypeError',
    message: /^unchecked address broker1: "broker1" has no port/,
  });
});

test('ZooKeeper: the first server of the connect string is dialled, with 2181 when the port is left out', async () => {
  assert.deepEqual(await probeZooKeeperConnect(`127.0.0.1:${closedPort},127.0.0.1:${openPort}/kafka`), {
    address: `127.0.0.1:${closedPort}`,
    reachable: false,
    latencyMs: null,
    error: 'ECONNREFUSED',
  });
  const open = await probeZooKeeperConnect(`127.0.0.1:${openPort}/kafka`);
  assert.equal(open.reachable, true, open.error ?? undefined);
  assert.equal(open.address, `127.0.0.1:${openPort}`);
  const defaulted = await probeZooKeeperConnect('127.0.0.1', { timeoutMs: 500 });
  assert.equal(defaulted.address, '127.0.0.1:2181');
});

test('ZooKeeper: a string that names no server is unreachable as "not a connect string"', async () => {
  assert.deepEqual(await probeZooKeeperConnect('/kafka'), {
    address: '/kafka',
    reachable: false,
    latencyMs: null,
    error: 'not a connect string',
  });
});
