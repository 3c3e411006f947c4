import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  commitOffsets,
  createTopic,
  type KafkaCluster,
  produceRecords,
  startKafkaCluster,
} from '@weir/testkit';
import { createTestApp, type TestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';
import { describeGroupWithKafka, describeTopicWithKafka } from './kafka-oracle.ts';

// The oldest releases Weir reads and changes. Each runs one broker with ZooKeeper; what is checked is
// what an operator checks first on an old cluster: the version, the partitions, the lag, the
// messages, and that a config change lands.
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

for (const line of ['0.11', '1.1', '2.0'] as const) {
  describe(`Kafka ${line}`, () => {
    let kafka: KafkaCluster;
    let id: string;

    before(async () => {
      kafka = await startKafkaCluster({ version: line, brokers: 1 });
      await createTopic(kafka, 'orders', { partitions: 3 });
      await produceRecords(kafka, 'orders', 60);
      await commitOffsets(
        kafka,
        'billing',
        'orders',
        [0, 1, 2].map((partition) => ({ partition, offset: 5 })),
      );
    });
    after(() => kafka?.stop());

    test('onboarded with its exact version; partitions and lag equal what its own tools print', async () => {
      const created = await api('POST', '/clusters', {
        name: `kafka-${line}`,
        bootstrapServers: [kafka.bootstrapServers.plaintext],
        zookeeperConnect: kafka.zookeeper?.connect,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.connection.cluster.version, {
        label: line,
        minimum: line,
        maximum: line,
        exact: true,
        certainty: 'exact',
        evidence: [`ApiVersions: ${line}`],
      });
      id = created.body.cluster.id;

      const detail = (await api('GET', `/clusters/${id}/topics/orders`)).body;
      assert.equal(detail.topic.messages.value, 60);
      const oracle = await describeTopicWithKafka(
        kafka.version,
        { zookeeper: kafka.zookeeper?.connect ?? '' },
        'orders',
      );
      assert.deepEqual(
        detail.partitions.map((p: AnyBody) => ({
          partition: p.partition,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
        })),
        oracle,
      );
      const group = (await api('GET', `/clusters/${id}/groups/billing`)).body;
      assert.equal(group.group.state, 'Empty');
      assert.deepEqual(
        group.partitions.map((p: AnyBody) => [p.partition, p.committedOffset, p.endOffset, p.lag]),
        (await describeGroupWithKafka(kafka.version, kafka.bootstrapServers.plaintext, 'billing')).map(
          (p) => [p.partition, p.committedOffset, p.endOffset, p.lag],
        ),
      );
    });

    test('messages are browsed from the oldest, and a config change is applied', async () => {
      const browsed = await api('GET', `/clusters/${id}/topics/orders/messages?from=oldest&limit=100`);
      assert.equal(browsed.status, 200, JSON.stringify(browsed.body));
      assert.equal(browsed.body.messages.length, 60);
      assert.ok(browsed.body.messages.every((m: AnyBody) => /^value-\d+$/.test(m.value.text)));

      const changed = await api('PATCH', `/clusters/${id}/topics/orders/configs`, {
        changes: [{ name: 'retention.ms', value: '7200000' }],
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.api, 'AlterConfigs');
      const configs = (await api('GET', `/clusters/${id}/topics/orders`)).body.configs;
      assert.equal(configs.find((c: AnyBody) => c.name === 'retention.ms')?.value, '7200000');
    });
  });
}
