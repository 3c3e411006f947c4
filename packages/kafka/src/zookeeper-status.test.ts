import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSrvr, zookeeperServers } from './zookeeper-status.ts';

test('connect strings: hosts, default port, chroot ignored', () => {
  assert.deepEqual(zookeeperServers('zk1:2181,zk2:2182,zk3/kafka'), [
    { host: 'zk1', port: 2181 },
    { host: 'zk2', port: 2182 },
    { host: 'zk3', port: 2181 },
  ]);
});

test('connect strings: IPv6 hosts in brackets, with and without a port', () => {
  assert.deepEqual(zookeeperServers('[::1]:2182,[fe80::1]/kafka'), [
    { host: '::1', port: 2182 },
    { host: 'fe80::1', port: 2181 },
  ]);
});

test("srvr's answer parsed field by field", () => {
  const answer = [
    'Zookeeper version: 3.5.9-83df9301aa5c2a5d284a9940177808c01bc35cef, built on 01/06/2021 20:03 GMT',
    'Latency min/avg/max: 0/0.4/12',
    'Received: 240',
    'Sent: 239',
    'Connections: 2',
    'Outstanding: 0',
    'Zxid: 0x9b',
    'Mode: standalone',
    'Node count: 134',
  ].join('\n');
  assert.deepEqual(parseSrvr(answer), {
    mode: 'standalone',
    version: '3.5.9',
    latencyMs: { min: 0, avg: 0.4, max: 12 },
    connections: 2,
    outstanding: 0,
    nodeCount: 134,
    zxid: '0x9b',
  });
});
