import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHostPort, parseHostPort, parseZooKeeperConnect } from './broker-address.ts';

const problemOf = (address: string) => {
  const parsed = parseHostPort(address);
  assert.ok('problem' in parsed, `${JSON.stringify(address)} should be refused`);
  return parsed.problem;
};

test('host names, IPv4 and bracketed IPv6 addresses with ports 1–65535 are accepted', () => {
  assert.deepEqual(parseHostPort('broker1:9092'), { host: 'broker1', port: 9092 });
  assert.deepEqual(parseHostPort('kafka-0.kafka_headless.svc:1'), {
    host: 'kafka-0.kafka_headless.svc',
    port: 1,
  });
  assert.deepEqual(parseHostPort('10.0.0.5:65535'), { host: '10.0.0.5', port: 65535 });
  assert.deepEqual(parseHostPort('[::1]:9092'), { host: '::1', port: 9092 });
  assert.deepEqual(parseHostPort('[fe80::1%eth0]:9092'), { host: 'fe80::1%eth0', port: 9092 });
  assert.equal(formatHostPort({ host: '::1', port: 9092 }), '[::1]:9092');
  assert.equal(formatHostPort({ host: 'broker1', port: 9092 }), 'broker1:9092');
});

test('a port outside 1–65535 or not a number is refused with the range and an example', () => {
  for (const address of [
    'broker1:99999',
    'broker1:0',
    'broker1:65536',
    'broker1:-1',
    'broker1:90x',
    'broker1:',
  ]) {
    const problem = problemOf(address);
    assert.match(problem, /is not a number from 1 to 65535/);
    assert.match(problem, /use host:port, e\.g\. broker1:9092/);
  }
});

test('a missing port, a scheme, spaces and control characters are each named', () => {
  assert.match(problemOf('broker1'), /has no port; use host:port, e\.g\. broker1:9092/);
  assert.match(problemOf('PLAINTEXT://broker1:9092'), /remove "PLAINTEXT:\/\/"/);
  assert.match(problemOf('broker 1:9092'), /contains a space/);
  assert.match(problemOf('broker1\u0000:9092'), /contains a control character/);
  assert.match(problemOf('bro\u0085ker:9092'), /contains a control character/);
  assert.match(problemOf(':9092'), /has no host/);
  assert.match(problemOf('bro/ker:9092'), /is not a host name or IP address \(it contains "\/"\)/);
  assert.match(problemOf('a..b:9092'), /is not a host name/);
});

test('IPv6 without brackets is refused with the bracketed form to use', () => {
  assert.match(problemOf('::1:9092'), /put it in brackets, e\.g\. \[::1:9092\]:9092/);
  assert.match(problemOf('fe80::1'), /put it in brackets, e\.g\. \[fe80::1\]:9092/);
  assert.match(problemOf('[not-v6]:9092'), /is not an IPv6 address/);
  assert.match(problemOf('[::1]'), /has no port/);
});

test('ZooKeeper connect strings: default port 2181, chroot, IPv6 in brackets, each bad server named', () => {
  assert.deepEqual(parseZooKeeperConnect('zk1:2181,zk2,[::1]:2182/kafka'), {
    servers: [
      { host: 'zk1', port: 2181 },
      { host: 'zk2', port: 2181 },
      { host: '::1', port: 2182 },
    ],
    chroot: '/kafka',
  });
  assert.deepEqual(parseZooKeeperConnect('zk1'), { servers: [{ host: 'zk1', port: 2181 }], chroot: null });
  const bad = parseZooKeeperConnect('zk1:99999,,zk 3/kafka/');
  assert.ok('problems' in bad);
  assert.equal(bad.problems.length, 4);
  assert.match(
    bad.problems[0]!,
    /^server 1: port "99999" is not a number from 1 to 65535; .*zk|^server 1: port "99999"/,
  );
  assert.match(bad.problems[1]!, /^server 2: is empty/);
  assert.match(bad.problems[2]!, /^server 3: .*contains a space/);
  assert.match(bad.problems[3]!, /chroot "\/kafka\/" must be an absolute path/);
  assert.ok('problems' in parseZooKeeperConnect('/kafka'));
});
