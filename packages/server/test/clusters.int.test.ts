import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  allowAcl,
  commitOffsets,
  createTopic,
  type KafkaCluster,
  produceRecords,
  setQuota,
  startConsumer,
  startKafkaCluster,
  unsecuredOauthToken,
} from '@weir/testkit';

import { createTestApp, type TestApp } from '../src/testing.ts';
import { apiClient } from './api-client.ts';
import { describeGroupWithKafka, describeTopicWithKafka } from './kafka-oracle.ts';

let app: TestApp;
let cookie: string;

const api = apiClient(
  () => app,
  () => cookie,
);

before(async () => {
  app = await createTestApp();
  cookie = await app.login();
});
after(() => app?.close());

describe('a 3-broker Kafka 3.9 cluster with SASL/SCRAM', () => {
  let kafka: KafkaCluster;
  let clusterId: string;
  let activeConsumer: Awaited<ReturnType<typeof startConsumer>>;
  const scram = (password: string) => ({
    name: 'kraft-39',
    bootstrapServers: kafka.bootstrapServers.sasl!.split(','),
    securityProtocol: 'SASL_PLAINTEXT',
    sasl: { mechanism: 'SCRAM-SHA-256', username: 'alice', password },
    tags: ['test'],
  });

  before(async () => {
    kafka = await startKafkaCluster({ version: '3.9', brokers: 3, sasl: true });
    await createTopic(kafka, 'orders', { partitions: 6, replicas: 2 });
    await createTopic(kafka, 'on-broker-3', {
      partitions: 2,
      assignments: [
        { partition: 0, brokers: [3] },
        { partition: 1, brokers: [3] },
      ],
    });
    for (let i = 0; i < 12; i += 1)
      await createTopic(kafka, `bulk-${String(i).padStart(2, '0')}`, { partitions: 1 });
    await produceRecords(kafka, 'orders', 3000);
    await produceRecords(kafka, 'on-broker-3', 40);
    await commitOffsets(
      kafka,
      'stopped-billing',
      'orders',
      [0, 1, 2, 3, 4, 5].map((partition) => ({ partition, offset: 100 })),
    );
    activeConsumer = await startConsumer(kafka, 'live-audit', 'orders');
  });
  after(async () => {
    await activeConsumer?.stop();
    await kafka?.stop();
  });

  test('a wrong password is refused with the authentication step named, and nothing is saved', async () => {
    const response = await api('POST', '/clusters', scram('wrong'));
    assert.equal(response.status, 400);
    assert.match(response.body.detail, /connection test failed, so nothing was saved/);
    assert.ok(
      response.body.problems.some((p: string) =>
        /^authentication: Authentication failed for user alice with SCRAM-SHA-256/.test(p),
      ),
    );
    assert.deepEqual((await api('GET', '/clusters')).body.clusters, []);
  });

  test('the connection test reports each step', async () => {
    const report = (await api('POST', '/clusters/test', scram('alice-secret'))).body;
    assert.equal(report.ok, true);
    assert.equal(report.addresses.length, 3);
    assert.ok(report.addresses.every((a: { reachable: boolean }) => a.reachable));
    assert.deepEqual(report.authentication, { mechanism: 'SCRAM-SHA-256', username: 'alice', ok: true });
    assert.equal(report.cluster.mode, 'kraft');
    assert.equal(report.cluster.version.label, '3.9');
    assert.equal(report.cluster.clusterId, kafka.clusterId);
    assert.equal(report.cluster.brokers.length, 3);
    assert.ok([1, 2, 3].includes(report.cluster.controllerId));
  });

  test('OAUTHBEARER: a valid token passes the connection test, an invalid one is explained', async () => {
    const oauth = (token: string) => ({
      name: 'oauth',
      bootstrapServers: kafka.bootstrapServers.sasl!.split(','),
      securityProtocol: 'SASL_PLAINTEXT',
      sasl: { mechanism: 'OAUTHBEARER', token },
    });
    const good = (await api('POST', '/clusters/test', oauth(unsecuredOauthToken('alice')))).body;
    assert.equal(good.ok, true, JSON.stringify(good.problems));
    assert.deepEqual(good.authentication, { mechanism: 'OAUTHBEARER', username: null, ok: true });
    const bad = (await api('POST', '/clusters/test', oauth('not-a-token'))).body;
    assert.equal(bad.ok, false);
    assert.match(
      bad.problems[0].message,
      /Authentication failed with OAUTHBEARER .*check that the token is valid, not expired/,
    );
  });

  test('a ZooKeeper string for a KRaft cluster is refused', async () => {
    const response = await api('POST', '/clusters', {
      ...scram('alice-secret'),
      zookeeperConnect: '127.0.0.1:2181',
    });
    assert.equal(response.status, 400);
    assert.ok(
      response.body.problems.some((p: string) => p.includes('runs in KRaft mode and has no ZooKeeper')),
    );
  });

  test('onboarding with the right password saves it; the password is never returned and is sealed at rest', async () => {
    const created = await api('POST', '/clusters', scram('alice-secret'));
    assert.equal(created.status, 201, created.raw);
    clusterId = created.body.cluster.id;
    assert.deepEqual(created.body.cluster.sasl, {
      mechanism: 'SCRAM-SHA-256',
      username: 'alice',
      hasPassword: true,
      hasToken: false,
    });
    const fetched = await api('GET', `/clusters/${clusterId}`);
    assert.equal(fetched.raw.includes('alice-secret'), false);
    const [row] = await app.store.db.query<{ definition_json: string; secrets_sealed: string }>(
      'SELECT * FROM clusters',
    );
    assert.equal(JSON.stringify(row).includes('alice-secret'), false);
    assert.match(row!.secrets_sealed, /^v1:/);
    const duplicate = await api('POST', '/clusters', scram('alice-secret'));
    assert.equal(duplicate.status, 409);
    assert.match(duplicate.body.detail, /"kraft-39" already exists/);
  });

  test('overview: brokers, controller from the quorum, counts, groups by state', async () => {
    const { body } = await api('GET', `/clusters/${clusterId}/overview?refresh=true`);
    const overview = body.overview;
    assert.equal(body.freshness.stale, false);
    assert.ok(body.freshness.ageMs >= 0 && body.freshness.ageMs < 60_000);
    assert.equal(overview.mode, 'kraft');
    assert.equal(overview.brokers.alive, 3);
    assert.equal(overview.controllerId, overview.quorum.leaderId);
    assert.deepEqual(
      overview.quorum.voters.map((v: { nodeId: number }) => v.nodeId),
      [1, 2, 3],
    );
    assert.equal(overview.topics - overview.internalTopics, 14);
    assert.equal(overview.offlinePartitions, 0);
    assert.equal(overview.underReplicatedPartitions, 0);
    assert.equal(overview.groupsByState.Empty, 1);
  });

  test('topics: internal hidden by default, server-side search, sort and paging', async () => {
    const firstPage = (await api('GET', `/clusters/${clusterId}/topics?pageSize=5`)).body;
    assert.equal(firstPage.total, 14);
    assert.deepEqual(
      firstPage.items.map((t: { name: string }) => t.name),
      ['bulk-00', 'bulk-01', 'bulk-02', 'bulk-03', 'bulk-04'],
    );
    const withInternal = (await api('GET', `/clusters/${clusterId}/topics?internal=true&search=consumer`))
      .body;
    assert.deepEqual(
      withInternal.items.map((t: { name: string }) => t.name),
      ['__consumer_offsets'],
    );
    const bySize = (await api('GET', `/clusters/${clusterId}/topics?sort=messages&order=desc&pageSize=2`))
      .body;
    assert.equal(bySize.items[0].name, 'orders');
    assert.deepEqual(bySize.items[0].messages, {
      value: 3000,
      complete: true,
      parts: 6,
      unknownParts: 0,
      unit: 'partition',
      reason: null,
    });
    assert.equal(bySize.items[0].replicationFactor, 2);
    assert.ok(bySize.items[0].sizeBytes.value > 0 && bySize.items[0].sizeBytes.complete);
    assert.equal(bySize.items[0].sizeBytes.parts, 12);
    const bad = await api('GET', `/clusters/${clusterId}/topics?sort=colour`);
    assert.equal(bad.status, 400);
  });

  test('oracle: topic partitions and group lag equal what kafka-topics and kafka-consumer-groups report', async () => {
    const detail = (await api('GET', `/clusters/${clusterId}/topics/orders`)).body;
    const oracle = await describeTopicWithKafka('3.9', kafka.bootstrapServers.plaintext, 'orders');
    assert.deepEqual(
      detail.partitions.map(
        (p: { partition: number; leader: number; replicas: number[]; isr: number[] }) => ({
          partition: p.partition,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
        }),
      ),
      oracle,
    );
    assert.equal(
      detail.partitions.reduce((sum: number, p: { endOffset: number }) => sum + p.endOffset, 0),
      3000,
    );
    assert.ok(
      detail.configs.some(
        (c: { name: string; source: string }) => c.name === 'retention.ms' && c.source === 'default',
      ),
    );
    assert.deepEqual(detail.consumerGroups.map((g: { groupId: string }) => g.groupId).sort(), [
      'live-audit',
      'stopped-billing',
    ]);

    const group = (await api('GET', `/clusters/${clusterId}/groups/stopped-billing?refresh=true`)).body;
    const weirLag = (await api('GET', `/clusters/${clusterId}/groups/stopped-billing`)).body.partitions.map(
      (p: { topic: string; partition: number; committedOffset: number; endOffset: number; lag: number }) => ({
        topic: p.topic,
        partition: p.partition,
        committedOffset: p.committedOffset,
        endOffset: p.endOffset,
        lag: p.lag,
      }),
    );
    assert.deepEqual(
      weirLag,
      await describeGroupWithKafka('3.9', kafka.bootstrapServers.plaintext, 'stopped-billing'),
    );
    assert.equal(group.group.state, 'Empty');
    assert.equal(group.group.totalLag.value, 3000 - 600);
    assert.equal(group.group.totalLag.complete, true);
  });

  test('groups: an active member with its assignment', async () => {
    const deadline = Date.now() + 30_000;
    let group:
      | { group: { state: string; members: { clientId: string; assignment: unknown[] }[] } }
      | undefined;
    while (Date.now() < deadline) {
      group = (await api('GET', `/clusters/${clusterId}/groups/live-audit?refresh=true`)).body;
      if (group?.group.state === 'Stable' && activeConsumer.consumed() >= 3000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(group?.group.state, 'Stable');
    assert.equal(group?.group.members.length, 1);
    assert.equal(group?.group.members[0]?.assignment.length, 6);
    const list = (await api('GET', `/clusters/${clusterId}/groups?refresh=true`)).body.groups;
    const live = list.find((g: { groupId: string }) => g.groupId === 'live-audit');
    assert.deepEqual([live.totalLag.value, live.totalLag.complete], [0, true]);
  });

  test('SCRAM users and their mechanisms', async () => {
    const { body } = await api('GET', `/clusters/${clusterId}/scram-users`);
    assert.deepEqual(
      body.users.map((u: { user: string }) => u.user),
      ['admin', 'alice'],
    );
  });

  test('with a broker stopped, topic pages still answer and show offline partitions, as Kafka does', async () => {
    await kafka.stopBroker(3);
    try {
      const started = Date.now();
      const detail = (await api('GET', `/clusters/${clusterId}/topics/on-broker-3`)).body;
      assert.ok(Date.now() - started < 20_000);
      // The controller drops a stopped broker from Metadata within its session timeout; wait for that.
      let overview = (await api('GET', `/clusters/${clusterId}/overview?refresh=true`)).body.overview;
      for (let waited = 0; overview.brokers.alive !== 2 && waited < 30_000; waited += 500) {
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 500));
        overview = (await api('GET', `/clusters/${clusterId}/overview?refresh=true`)).body.overview;
      }
      const offline = (await api('GET', `/clusters/${clusterId}/topics/on-broker-3`)).body;
      assert.equal(overview.brokers.alive, 2);

      assert.ok(overview.offlinePartitions >= 2, `offline ${overview.offlinePartitions}`);
      assert.ok(overview.underReplicatedPartitions > 0);
      assert.deepEqual(
        offline.partitions.map((p: { offline: boolean }) => p.offline),
        [true, true],
      );
      assert.ok(detail.partitions);
      const oracle = await describeTopicWithKafka('3.9', kafka.brokers()[0]!.plaintext, 'on-broker-3');
      assert.deepEqual(
        oracle.map((p) => p.leader),
        [null, null],
      );
      const orders = (await api('GET', `/clusters/${clusterId}/topics/orders`)).body;
      const ordersOracle = await describeTopicWithKafka('3.9', kafka.brokers()[0]!.plaintext, 'orders');
      assert.deepEqual(
        orders.partitions.map((p: { isr: number[] }) => p.isr),
        ordersOracle.map((p) => p.isr),
      );
    } finally {
      await kafka.startBroker(3);
    }
  });

  test('removing needs the exact name and is audited', async () => {
    const wrong = await api('DELETE', `/clusters/${clusterId}`, { confirmName: 'kraft' });
    assert.equal(wrong.status, 400);
    assert.equal((await api('DELETE', `/clusters/${clusterId}`, { confirmName: 'kraft-39' })).status, 204);
    assert.equal((await api('GET', `/clusters/${clusterId}/overview`)).status, 404);
    const audit = (await api('GET', '/audit?limit=20')).body.entries.map((e: { action: string }) => e.action);
    assert.ok(audit.includes('cluster.create') && audit.includes('cluster.delete'));
  });
});

describe('onboarding other versions and bad addresses', () => {
  test('an unreachable bootstrap address is a 400 naming the address', async () => {
    const response = await api('POST', '/clusters', { name: 'nowhere', bootstrapServers: ['127.0.0.1:9'] });
    assert.equal(response.status, 400);
    assert.ok(
      response.body.problems.some((p: string) => p.startsWith('reachability: 127.0.0.1:9 cannot be reached')),
    );
  });

  test('names with control characters and SASL without credentials are refused before any connection', async () => {
    const control = await api('POST', '/clusters', {
      name: 'bad\u0007name',
      bootstrapServers: ['127.0.0.1:9092'],
    });
    assert.equal(control.status, 400);
    assert.match(control.body.detail, /body\.name/);
    const noCredentials = await api('POST', '/clusters', {
      name: 'x',
      bootstrapServers: ['127.0.0.1:9092'],
      securityProtocol: 'SASL_PLAINTEXT',
      sasl: { mechanism: 'PLAIN' },
    });
    assert.equal(noCredentials.status, 400);
    assert.deepEqual(noCredentials.body.problems, [
      'body.sasl.username: PLAIN needs a username.',
      'body.sasl.password: PLAIN needs a password.',
    ]);
  });

  for (const version of ['4.1', '2.8'] as const) {
    test(`Kafka ${version}: onboarded with the right mode and version; overview answers`, async () => {
      // 4.1 runs with an ACL authorizer (PLAINTEXT is a super user), 2.8 without one.
      const kafka = await startKafkaCluster({
        version,
        authorizer: version === '4.1',
        tls: version === '2.8',
      });
      try {
        await createTopic(kafka, 'events', { partitions: 3 });
        await produceRecords(kafka, 'events', 90);
        if (version === '4.1') {
          await allowAcl(kafka, {
            principal: 'User:alice',
            resourceType: 'TOPIC',
            resourceName: 'events',
            operation: 'READ',
          });
          await allowAcl(kafka, {
            principal: 'User:bob',
            resourceType: 'GROUP',
            resourceName: 'app-',
            operation: 'ALL',
            patternType: 'PREFIXED',
          });
          await setQuota(kafka, { user: 'alice' }, 'producer_byte_rate', 1048576);
        }
        const created = await api('POST', '/clusters', {
          name: `v${version}`,
          bootstrapServers: [kafka.bootstrapServers.plaintext],
          ...(kafka.zookeeper ? { zookeeperConnect: kafka.zookeeper.connect } : {}),
        });
        assert.equal(created.status, 201, created.raw);
        const expected =
          version === '2.8' ? { mode: 'zookeeper', label: '2.8' } : { mode: 'kraft', label: '4.1' };
        assert.equal(created.body.connection.cluster.mode, expected.mode);
        // 4.1 is exact from its supported metadata.version (4.1-IV1), never the old ">= 4.1".
        assert.equal(created.body.connection.cluster.version.label, expected.label);
        assert.equal(created.body.connection.cluster.version.certainty, 'exact');
        assert.ok(kafka.version.startsWith(`${expected.label}.`), kafka.version);
        const id = created.body.cluster.id;
        const overview = (await api('GET', `/clusters/${id}/overview`)).body.overview;
        assert.equal(overview.mode, expected.mode);
        assert.equal(overview.version.label, expected.label);
        assert.ok(overview.version.evidence.length > 0);
        const zookeeper = (await api('GET', `/clusters/${id}/zookeeper`)).body;
        if (version === '2.8') {
          const [server] = zookeeper.servers;
          assert.equal(zookeeper.connect, kafka.zookeeper?.connect);
          assert.equal(server.reachable, true, server.error);
          assert.equal(server.mode, 'standalone');
          assert.match(server.version, /^3\.5\./);
          assert.ok(server.nodeCount > 10, `${server.nodeCount} znodes`);
        } else {
          assert.deepEqual(zookeeper, { connect: null, servers: [] });
        }
        assert.equal(overview.controllerId, 1);
        const topics = (await api('GET', `/clusters/${id}/topics`)).body;
        assert.deepEqual(
          topics.items.map((t: { name: string; messages: { value: number } }) => [t.name, t.messages.value]),
          [['events', 90]],
        );
        const oracle = await describeTopicWithKafka(version, kafka.bootstrapServers.plaintext, 'events');
        const detail = (await api('GET', `/clusters/${id}/topics/events`)).body;
        assert.deepEqual(
          detail.partitions.map((p: { leader: number }) => p.leader),
          oracle.map((p) => p.leader),
        );
        const brokers = (await api('GET', `/clusters/${id}/brokers`)).body.brokers;
        assert.equal(brokers[0].controller, true);
        assert.ok(brokers[0].logDirs[0].sizeBytes > 0);
        if (version === '4.1') {
          const kip848 = await startConsumer(kafka, 'kip848-readers', 'events', {
            groupProtocol: 'consumer',
          });
          try {
            let group:
              | { group: { groupType: string; state: string; members: { assignment: unknown[] }[] } }
              | undefined;
            for (let waited = 0; waited < 30_000; waited += 500) {
              const listed = (await api('GET', `/clusters/${id}/groups?refresh=true`)).body.groups;
              if (listed.some((g: { groupId: string }) => g.groupId === 'kip848-readers')) {
                group = (await api('GET', `/clusters/${id}/groups/kip848-readers`)).body;
                if (group?.group.members[0]?.assignment.length === 3) break;
              }
              await new Promise((resolvePromise) => setTimeout(resolvePromise, 500));
            }
            assert.equal(group?.group.groupType, 'consumer');
            assert.equal(group?.group.state, 'Stable');
            assert.equal(group?.group.members.length, 1);
            assert.equal(group?.group.members[0]?.assignment.length, 3);
          } finally {
            await kip848.stop();
          }
        }
        if (version === '2.8') {
          const overTls = {
            name: 'tls',
            bootstrapServers: [kafka.bootstrapServers.ssl!],
            securityProtocol: 'SSL',
          };
          const untrusted = await api('POST', '/clusters', overTls);
          assert.equal(untrusted.status, 400);
          assert.ok(
            untrusted.body.problems.some((p: string) =>
              /TLS handshake with .* failed: check the CA certificate/.test(p),
            ),
          );
          const trusted = await api('POST', '/clusters', {
            ...overTls,
            tls: { ca: kafka.tlsCa, verifyHostname: true },
          });
          assert.equal(trusted.status, 201, JSON.stringify(trusted.body));
          assert.deepEqual(trusted.body.cluster.tls, {
            ca: kafka.tlsCa,
            hasKey: false,
            verifyHostname: true,
          });
          assert.equal(trusted.body.connection.cluster.mode, 'zookeeper');
        }
        const broker = (await api('GET', `/clusters/${id}/brokers/1`)).body;

        assert.ok(broker.configs.some((c: { name: string }) => c.name === 'log.retention.hours'));
        const acls = (await api('GET', `/clusters/${id}/acls`)).body;
        const quotas = (await api('GET', `/clusters/${id}/quotas`)).body.quotas;
        if (version === '4.1') {
          assert.equal(acls.authorizerEnabled, true);
          assert.equal(overview.aclCount, 2);
          const filtered = (await api('GET', `/clusters/${id}/acls?principal=User:bob`)).body.acls;
          assert.deepEqual(filtered, [
            {
              resourceType: 'GROUP',
              resourceName: 'app-',
              patternType: 'PREFIXED',
              principal: 'User:bob',
              host: '*',
              operation: 'ALL',
              permission: 'ALLOW',
            },
          ]);
          assert.deepEqual(quotas, [{ entity: { user: 'alice' }, values: { producer_byte_rate: 1048576 } }]);
        } else {
          assert.deepEqual(acls, { authorizerEnabled: false, total: 0, acls: [] });
          assert.equal(overview.aclCount, null);
          assert.deepEqual(quotas, []);
        }
      } finally {
        await kafka.stop();
      }
    });
  }
});
