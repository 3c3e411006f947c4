import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type KafkaCluster, runKafkaTool, startKafkaCluster } from '@weir/testkit';
import { createTestApp } from '../src/testing.ts';
import { type AnyBody, apiClient } from './api-client.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let kafka: KafkaCluster;
let clusterId: string;

const api = apiClient(
  () => app,
  () => cookie,
);
const cluster = (path: string) => `/clusters/${clusterId}${path}`;

before(async () => {
  kafka = await startKafkaCluster({ version: '3.9' });
  app = await createTestApp();
  cookie = await app.login();
  const added = await api('POST', '/clusters', {
    name: 'configs',
    bootstrapServers: [kafka.bootstrapServers.plaintext],
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  clusterId = added.body.cluster.id;
});
after(async () => {
  await app?.close();
  await kafka?.stop();
});

/**
 * What `kafka-configs --describe --all` prints says each key's default: the key's synonyms, its own
 * source first (Kafka's ConfigHelper), so the value without the override is the first synonym from
 * another source; a key whose own synonym is DEFAULT_CONFIG, or that lists none, is at its default.
 */
async function defaultsByKafka(
  entity: 'topics' | 'brokers',
  name: string,
): Promise<Map<string, string | null>> {
  const output = await runKafkaTool(kafka.version, 'kafka-configs', [
    '--bootstrap-server',
    kafka.bootstrapServers.plaintext,
    '--entity-type',
    entity,
    '--entity-name',
    name,
    '--describe',
    '--all',
  ]);
  const defaults = new Map<string, string | null>();
  for (const line of output.split('\n')) {
    const match = /^\s+([^=\s]+)=(.*) sensitive=(true|false) synonyms=\{(.*)\}$/.exec(line);
    if (!match) continue;
    const [, key = '', value = '', sensitive, list = ''] = match;
    const nullable = (text: string) => (text === 'null' ? null : text);
    const synonyms = list
      ? list.split(/, (?=[A-Z_]+:)/).map((entry) => {
          const [source = '', rest = ''] = entry.split(/:(.*)/s);
          return { source, value: rest.slice(rest.indexOf('=') + 1) };
        })
      : [];
    const own = synonyms[0];
    if (sensitive === 'true') defaults.set(key, null);
    else if (!own || own.source === 'DEFAULT_CONFIG') defaults.set(key, nullable(value));
    else defaults.set(key, nullable(synonyms.find((s) => s.source !== own.source)?.value ?? 'null'));
  }
  return defaults;
}

function assertSameDefaults(configs: AnyBody[], kafkaDefaults: Map<string, string | null>) {
  assert.ok(kafkaDefaults.size > 20, `kafka-configs printed ${kafkaDefaults.size} keys`);
  for (const [key, expected] of kafkaDefaults) {
    const entry = configs.find((c) => c.name === key);
    assert.ok(entry, `${key} is in the API's configs`);
    assert.equal(entry.defaultValue, expected, `${key}'s default`);
  }
}

test("a topic's defaults are the ones kafka-configs --describe --all prints, overrides included", async () => {
  const created = await api('POST', cluster('/topics'), {
    name: 'defaults-checked',
    partitions: 1,
    replicationFactor: 1,
    configs: { 'max.message.bytes': '2000000', 'retention.ms': '3600000', 'cleanup.policy': 'compact' },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const detail = await api('GET', cluster('/topics/defaults-checked?refresh=true'));
  assert.equal(detail.status, 200, JSON.stringify(detail.body));
  assertSameDefaults(detail.body.configs, await defaultsByKafka('topics', 'defaults-checked'));
  const byName = (name: string) => detail.body.configs.find((c: AnyBody) => c.name === name);
  assert.deepEqual(
    [byName('max.message.bytes').defaultValue, byName('max.message.bytes').defaultSource],
    ['1048588', 'default'],
  );
  assert.equal(byName('cleanup.policy').defaultValue, 'delete');
  assert.equal(byName('segment.bytes').defaultValue, '1073741824');
  assert.equal(byName('retention.ms').type, 'LONG');
  assert.match(byName('retention.ms').documentation, /If set to -1, no time limit is applied/);
});

test("a broker's defaults: static settings fall back to Kafka's, a dynamic override to the cluster-wide one", async () => {
  for (const [path, value] of [
    ['/broker-defaults/configs', '2'],
    ['/brokers/1/configs', '3'],
  ] as const) {
    const changed = await api('PATCH', cluster(path), { changes: [{ name: 'log.cleaner.threads', value }] });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
  }
  const detail = await api('GET', cluster('/brokers/1?refresh=true'));
  assert.equal(detail.status, 200, JSON.stringify(detail.body));
  assertSameDefaults(detail.body.configs, await defaultsByKafka('brokers', '1'));
  const threads = detail.body.configs.find((c: AnyBody) => c.name === 'log.cleaner.threads');
  assert.deepEqual(
    [threads.value, threads.source, threads.defaultValue, threads.defaultSource],
    ['3', 'dynamic-broker', '2', 'dynamic-default-broker'],
  );
  const nodeId = detail.body.configs.find((c: AnyBody) => c.name === 'node.id');
  assert.deepEqual([nodeId.source, nodeId.defaultValue], ['static-broker', '-1']);
  assert.deepEqual(detail.body.role, {
    mode: 'kraft',
    processRoles: 'both',
    activeController: true,
    reason: null,
  });
});

test('a value the broker refuses is a problem naming its key, and nothing changes', async () => {
  await api('POST', cluster('/topics'), { name: 'refused-value', partitions: 1, replicationFactor: 1 });
  const refused = await api('POST', cluster('/topics/refused-value/configs/preview'), {
    changes: [
      { name: 'retention.ms', value: '7200000' },
      { name: 'min.insync.replicas', value: '0' },
    ],
  });
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.equal(refused.body.problems.length, 1, JSON.stringify(refused.body));
  assert.match(refused.body.problems[0], /^min\.insync\.replicas: .*min\.insync\.replicas/);
  const detail = await api('GET', cluster('/topics/refused-value?refresh=true'));
  const overridden = detail.body.configs
    .filter((c: AnyBody) => c.source === 'topic')
    .map((c: AnyBody) => c.name);
  assert.deepEqual(overridden, []);
});
