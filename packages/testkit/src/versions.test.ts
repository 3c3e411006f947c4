import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveRelease } from './versions.ts';

test('release lines, tested patches and other patches of known lines resolve', () => {
  assert.equal(resolveRelease('3.9').version, '3.9.2');
  assert.equal(resolveRelease('4.1.2').mode, 'kraft');
  assert.deepEqual(resolveRelease('3.9.1'), {
    version: '3.9.1',
    mode: 'kraft',
    scala: '2.13',
    logging: 'reload4j',
  });
  assert.equal(resolveRelease('2.8.1').mode, 'zookeeper');
  // Kafka 2.2's own ZooKeeper 3.4 client cannot connect on Java 17; the harness swaps in 3.5.9.
  assert.deepEqual(resolveRelease('2.2'), {
    version: '2.2.2',
    mode: 'zookeeper',
    scala: '2.12',
    logging: 'log4j1',
    extraArtifacts: ['org.apache.zookeeper:zookeeper:3.5.9'],
  });
});

test('an unknown release names the ones that work', () => {
  assert.throws(
    () => resolveRelease('3.7.0'),
    /Kafka 3\.7\.0 is not one the harness runs; use one of 4\.1\.2, 3\.9\.2, 2\.8\.2/,
  );
  assert.throws(() => resolveRelease('3.91'), /not one the harness runs/);
});
