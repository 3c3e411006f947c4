import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  createKafkaGateway,
  inferClusterMode,
  inferKafkaVersion,
  KafkaGatewayError,
  readKafkaVersion,
} from '@weir/kafka';
import { type KafkaCluster, runKafkaTool, startKafkaCluster } from '../src/index.ts';

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function describeThrough(cluster: KafkaCluster, sasl?: Parameters<KafkaCluster['connection']>[0]) {
  const gateway = createKafkaGateway(cluster.connection(sasl));
  try {
    return { apis: await gateway.apiVersions(), description: await gateway.describeCluster() };
  } finally {
    await gateway.close();
  }
}

/** metadata.version as kafka-features describe prints it: the supported maximum and the finalized level. */
async function metadataVersionWithKafka(cluster: KafkaCluster) {
  const output = await runKafkaTool(cluster.version, 'kafka-features', [
    '--bootstrap-server',
    cluster.bootstrapServers.plaintext,
    'describe',
  ]);
  const line = output.split('\n').find((l) => /Feature: metadata\.version\s/.test(l)) ?? '';
  return {
    supportedMax: /SupportedMaxVersion: (\S+)/.exec(line)?.[1],
    finalized: /FinalizedVersionLevel: (\S+)/.exec(line)?.[1],
  };
}

/** Weir's answer with every report it reads, and the features it read them from. */
async function versionThrough(cluster: KafkaCluster) {
  const gateway = createKafkaGateway(cluster.connection());
  try {
    const apis = await gateway.apiVersions();
    const { brokers } = await gateway.describeCluster();
    return {
      version: await readKafkaVersion(gateway, apis, brokers[0]?.nodeId ?? null),
      features: await gateway.features(),
    };
  } finally {
    await gateway.close();
  }
}

describe('Kafka 4.1, KRaft, one node', () => {
  let cluster: KafkaCluster;
  before(async () => {
    cluster = await startKafkaCluster({ version: '4.1' });
  });
  after(() => cluster?.stop());

  test('answers ApiVersions and Metadata; inferred as 4.1+ in KRaft mode', async () => {
    const { apis, description } = await describeThrough(cluster);
    assert.equal(cluster.version, '4.1.2');
    assert.deepEqual(inferKafkaVersion(apis), {
      label: '>= 4.1',
      minimum: '4.1',
      maximum: null,
      exact: false,
      certainty: 'at-least',
      evidence: ['ApiVersions: 4.1 or newer'],
    });
    assert.equal(inferClusterMode(apis), 'kraft');
    assert.equal(description.brokers.length, 1);
    assert.equal(description.clusterId, cluster.clusterId);
    assert.equal(
      `${description.brokers[0]!.host}:${description.brokers[0]!.port}`,
      cluster.bootstrapServers.plaintext,
    );
  });

  test('the supported metadata.version narrows ">= 4.1" to exactly 4.1, as kafka-features reports it', async () => {
    const { version, features } = await versionThrough(cluster);
    const oracle = await metadataVersionWithKafka(cluster);
    assert.equal(oracle.supportedMax, '4.1-IV1');
    assert.equal(features.supported.find((f) => f.name === 'metadata.version')?.maxVersion, 27);
    assert.equal(features.finalized.find((f) => f.name === 'metadata.version')?.maxVersionLevel, 27);
    assert.equal(oracle.finalized, '4.1-IV1');
    assert.deepEqual(version, {
      label: '4.1',
      minimum: '4.1',
      maximum: '4.1',
      exact: true,
      certainty: 'exact',
      evidence: [
        'ApiVersions: 4.1 or newer',
        'supported metadata.version up to 27 (4.1-IV1), the newest level 4.1 ships',
        'finalized metadata.version 27 (the level the cluster runs at)',
      ],
    });
    // Never wrong: the running release (4.1.2) is on the line Weir names.
    assert.ok(cluster.version.startsWith(`${version.label}.`), cluster.version);
  });

  test('stop() kills every process and removes the data directory', async () => {
    const scratch = await startKafkaCluster({ version: '4.1' });
    const pids = scratch.pids();
    assert.equal(pids.length, 1);
    await scratch.stop();
    assert.equal(pids.some(pidAlive), false);
    assert.equal(existsSync(scratch.dataDir), false);
  });
});

describe('Kafka 2.8.2, ZooKeeper, one broker with SASL', () => {
  let cluster: KafkaCluster;
  before(async () => {
    cluster = await startKafkaCluster({ version: '2.8', sasl: true });
  });
  after(() => cluster?.stop());

  test('runs its own ZooKeeper; inferred as exactly 2.8 in ZooKeeper mode', async () => {
    assert.match(cluster.zookeeper?.connect ?? '', /^127\.0\.0\.1:\d+$/);
    assert.equal(cluster.pids().length, 2);
    const { apis, description } = await describeThrough(cluster);
    assert.deepEqual(inferKafkaVersion(apis), {
      label: '2.8',
      minimum: '2.8',
      maximum: '2.8',
      exact: true,
      certainty: 'exact',
      evidence: ['ApiVersions: 2.8'],
    });
    assert.equal(inferClusterMode(apis), 'zookeeper');
    assert.equal(description.controllerId, 1);
  });

  test('SCRAM-SHA-512 and PLAIN logins succeed with the right password', async () => {
    for (const mechanism of ['SCRAM-SHA-512', 'PLAIN'] as const) {
      const { description } = await describeThrough(cluster, {
        sasl: { mechanism, username: 'alice', password: 'alice-secret' },
      });
      assert.equal(description.brokers.length, 1, mechanism);
    }
  });

  test('a wrong SCRAM password fails as an authentication error that names the user', async () => {
    await assert.rejects(
      describeThrough(cluster, {
        sasl: { mechanism: 'SCRAM-SHA-256', username: 'alice', password: 'wrong' },
      }),
      (error: unknown) => {
        assert.ok(error instanceof KafkaGatewayError, String(error));
        assert.equal(error.kind, 'authentication');
        assert.match(error.message, /Authentication failed for user alice with SCRAM-SHA-256/);
        return true;
      },
    );
  });
});

describe('Kafka 3.9, KRaft, three nodes with SASL', () => {
  let cluster: KafkaCluster;
  before(async () => {
    cluster = await startKafkaCluster({ version: '3.9', brokers: 3, sasl: true });
  });
  after(() => cluster?.stop());

  test('reports three brokers and a controller; inferred as exactly 3.9', async () => {
    const { apis, description } = await describeThrough(cluster);
    assert.deepEqual(
      description.brokers.map((b) => b.nodeId),
      [1, 2, 3],
    );
    assert.ok([1, 2, 3].includes(description.controllerId), `controller ${description.controllerId}`);
    assert.equal(inferKafkaVersion(apis).label, '3.9');
  });

  test('3.9 is exact from ApiVersions alone, and its features agree (kafka-features: 3.9-IV0)', async () => {
    const { version, features } = await versionThrough(cluster);
    assert.equal(version.label, '3.9');
    assert.equal(version.certainty, 'exact');
    assert.deepEqual(version.evidence, ['ApiVersions: 3.9']);
    assert.ok(cluster.version.startsWith('3.9.'), cluster.version);
    assert.equal((await metadataVersionWithKafka(cluster)).supportedMax, '3.9-IV0');
    // 21 is the level 3.9 ships as its newest (3.9-IV0), the mapping the unit tests pin.
    assert.equal(features.supported.find((f) => f.name === 'metadata.version')?.maxVersion, 21);
  });

  test('SCRAM-SHA-256 login succeeds on KRaft (users created at storage format)', async () => {
    const { description } = await describeThrough(cluster, {
      sasl: { mechanism: 'SCRAM-SHA-256', username: 'admin', password: 'admin-secret' },
    });
    assert.equal(description.brokers.length, 3);
  });

  test('a wrong password on KRaft is an authentication error too', async () => {
    await assert.rejects(
      describeThrough(cluster, { sasl: { mechanism: 'SCRAM-SHA-512', username: 'admin', password: 'nope' } }),
      (error: unknown) => error instanceof KafkaGatewayError && error.kind === 'authentication',
    );
  });

  test('one broker stops and starts again with the same ports', async () => {
    const before = cluster.brokers().find((b) => b.nodeId === 3)!;
    await cluster.stopBroker(3);
    assert.equal(cluster.brokers().find((b) => b.nodeId === 3)?.running, false);
    assert.equal(pidAlive(before.pid!), false);
    await cluster.startBroker(3);
    const restarted = cluster.brokers().find((b) => b.nodeId === 3)!;
    assert.equal(restarted.running, true);
    assert.equal(restarted.plaintext, before.plaintext);
    const gateway = createKafkaGateway({ bootstrapServers: [restarted.plaintext] });
    try {
      assert.equal((await gateway.describeCluster()).brokers.length, 3);
    } finally {
      await gateway.close();
    }
  });
});

test('an unreachable bootstrap address fails fast as unreachable, naming the address', async () => {
  const gateway = createKafkaGateway({ bootstrapServers: ['127.0.0.1:9'], connectTimeoutMs: 2000 });
  try {
    await assert.rejects(gateway.describeCluster(), (error: unknown) => {
      assert.ok(error instanceof KafkaGatewayError);
      assert.equal(error.kind, 'unreachable');
      assert.match(error.message, /Could not connect to 127\.0\.0\.1:9/);
      return true;
    });
  } finally {
    await gateway.close();
  }
});
