import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import * as api from './index.ts';

// TypeBox checks formats only once told how; the server's Ajv knows these three.
FormatRegistry.Set('date-time', (value) =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value),
);
FormatRegistry.Set('uri', (value) => URL.canParse(value));
FormatRegistry.Set('uuid', (value) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
);

// Realistic answers, shaped as the server's views build them. Each must pass its schema, and
// Value.Clean (which drops what a schema does not declare, as Fastify's serialiser does) must leave
// it whole: a field the schema forgot fails here.
const takenAt = '2026-12-01T12:00:00.000Z';
const freshness: api.Freshness = {
  takenAt,
  ageMs: 1200,
  stale: false,
  refreshError: null,
  partial: true,
  partErrors: { 'offsets@broker3': 'broker 3 did not answer ListOffsets within 5000 ms' },
};
const total = (value: number | null, unit: api.TotalUnit = 'partition'): api.Total => ({
  value,
  complete: value !== null,
  parts: 3,
  unknownParts: value === null ? 3 : 0,
  unit,
  reason: value === null ? 'broker 3 did not answer' : null,
});
const version: api.KafkaVersion = {
  label: '3.7',
  minimum: '3.7',
  maximum: '3.7',
  exact: true,
  certainty: 'exact',
  evidence: ['ApiVersions: DescribeTopicPartitions v0'],
};
const config: api.ConfigEntryView = {
  name: 'retention.ms',
  value: '604800000',
  source: 'default',
  readOnly: false,
  sensitive: false,
  defaultValue: '604800000',
  defaultSource: 'default',
  type: 'LONG',
  documentation: 'How long a log is kept',
};
const summary: api.TopicSummary = {
  name: 'orders',
  internal: false,
  system: null,
  partitions: 3,
  replicationFactor: 3,
  sizeBytes: total(123_456, 'replica'),
  messages: total(731),
  messagesEstimated: true,
  underReplicated: 0,
  offline: 0,
};
const broker: api.BrokerSummary = {
  nodeId: 1,
  host: 'broker1',
  port: 9092,
  rack: null,
  controller: true,
  leaders: 4,
  replicas: 9,
  leaderSkewPercent: 33.3,
  logDirs: [{ path: '/var/lib/kafka', totalBytes: 1e10, usableBytes: 5e9, sizeBytes: 4096 }],
  logDirsError: null,
  sizeBytes: total(4096, 'logDir'),
};
const groupSummary: api.GroupSummary = {
  groupId: 'billing',
  state: 'Stable',
  protocolType: 'consumer',
  groupType: 'classic',
  topics: ['orders'],
  partitions: 3,
  totalLag: total(12),
  error: null,
};
const message: api.RenderedMessage = {
  partition: 0,
  offset: 41,
  timestamp: 1_764_590_400_000,
  timestampType: 'CreateTime',
  transactional: true,
  transactionState: 'committed',
  producerId: 7,
  producerEpoch: 0,
  key: { kind: 'text', text: 'order-1', size: 7, truncated: false, serde: 'raw' },
  value: { kind: 'json', text: '{"total":3}', size: 11, truncated: false, serde: 'raw' },
  headers: [
    { name: 'trace', value: { kind: 'binary', base64: 'AAE=', size: 2, truncated: false, serde: 'raw' } },
    { name: 'empty', value: { kind: 'null', size: 0 } },
  ],
  size: 64,
};
const position: api.PartitionProgress = { partition: 0, position: 42, end: 100, done: false };
const progress: api.ScanProgress = { scanned: 42, matched: 1, elapsedMs: 12, partitions: [position] };
const job: api.JobView = {
  id: '0b6f3c1e-7d0a-4c5b-9a7e-2f1d8c9b4a10',
  clusterId: '9d1f0a52-3c8b-4e1a-b7a9-5a3c1e2f4d60',
  kind: 'reassignment',
  state: 'running',
  spec: {
    moves: [{ topic: 'orders', partition: 0, from: [1, 2], to: [2, 3] }],
    throttle: null,
    purpose: 'rebalance',
  } satisfies api.ReassignmentSpec,
  progress: {
    phase: 'wait',
    partitions: [
      {
        topic: 'orders',
        partition: 0,
        state: 'moving',
        adding: [3],
        removing: [1],
        error: null,
        settling: 2,
      },
    ],
    throttleRemoved: false,
  } satisfies api.ReassignmentProgress,
  error: null,
  createdBy: 'admin',
  createdAt: takenAt,
  updatedAt: takenAt,
  finishedAt: null,
};
const jobDetail: api.JobDetailView = {
  ...job,
  history: [
    { at: takenAt, type: 'started', detail: 'Started', data: null },
    {
      at: takenAt,
      type: 'throttle-set',
      detail: 'Throttle set',
      data: { bytesPerSecond: 1024, brokers: [1, 2] },
    },
  ],
};
const countProgress: api.MessageCountProgress = {
  phase: 'count',
  partitions: [
    {
      partition: 0,
      start: 0,
      end: 100,
      position: 50,
      records: 48,
      aborted: 1,
      markers: 1,
      open: { '7': 2 },
      done: false,
      retries: 0,
      error: null,
    },
  ],
  records: 48,
  complete: false,
};
const clusterView: api.ClusterView = {
  id: job.clusterId,
  name: 'prod',
  description: '',
  tags: ['eu'],
  bootstrapServers: ['broker1:9092'],
  securityProtocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-512', username: 'weir', hasPassword: true, hasToken: false },
  tls: { ca: '-----BEGIN CERTIFICATE-----', hasKey: false, verifyHostname: true },
  zookeeperConnect: 'zk1:2181/kafka',
  metricsEndpoints: [{ type: 'prometheus', url: 'http://broker1:9404/metrics', brokerId: 1 }],
  connectUrls: ['http://connect1:8083'],
  createdAt: takenAt,
  updatedAt: takenAt,
};
const connection: api.ConnectionReport = {
  ok: false,
  addresses: [{ address: 'broker1:9092', reachable: true, latencyMs: 1.7, error: null }],
  authentication: { mechanism: 'SCRAM-SHA-512', username: 'weir', ok: true },
  cluster: {
    clusterId: 'MkU3OEVBNTcwNTJENDM2Qk',
    brokers: [{ nodeId: 1, host: 'broker1', port: 9092, rack: 'eu-1a' }],
    controllerId: 1,
    mode: 'kraft',
    version,
  },
  problems: [{ step: 'zookeeper', message: 'zk1:2181 did not answer; check the connect string' }],
};

type Sample = [schema: TSchema, sample: unknown];
const sample = <T extends TSchema>(schema: T, value: Static<T>): Sample => [schema, value];

const responses: Record<string, Sample> = {
  Problem: sample(api.Problem, {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'The request is invalid: body.partitions: is 0; use at least 1.',
    problems: ['body.partitions: is 0; use at least 1.'],
  }),
  ClusterList: sample(api.ClusterList, { clusters: [clusterView] }),
  ClusterReply: sample(api.ClusterReply, { cluster: { ...clusterView, sasl: undefined, tls: undefined } }),
  ConnectionReport: sample(api.ConnectionReport, connection),
  SavedCluster: sample(api.SavedCluster, { cluster: clusterView, connection }),
  OverviewReply: sample(api.OverviewReply, {
    freshness,
    overview: {
      clusterId: 'MkU3OEVBNTcwNTJENDM2Qk',
      mode: 'kraft',
      version: { ...version, maximum: null, exact: false, certainty: 'at-least' },
      brokers: { alive: 3 },
      controllerId: 1,
      quorum: {
        leaderId: 1,
        leaderEpoch: 4,
        highWatermark: 1200,
        voters: [{ nodeId: 1, logEndOffset: 1200, lag: 0, lastCaughtUpTimestamp: 1_764_590_400_000 }],
        observers: [{ nodeId: 4, logEndOffset: 1190, lag: 10, lastCaughtUpTimestamp: null }],
      },
      topics: 12,
      internalTopics: 1,
      partitions: 60,
      replicas: 180,
      underReplicatedPartitions: 0,
      underMinIsrPartitions: {
        value: null,
        complete: false,
        parts: 180,
        unknownParts: 180,
        unit: 'partition',
        reason: "the topics' min.insync.replicas could not be read (timed out)",
      },
      offlinePartitions: 0,
      leaderlessPartitions: 0,
      groupsByState: { Stable: 2, Empty: 1 },
      groups: total(3, 'broker'),
      aclCount: null,
    },
  }),
  ZooKeeperPanel: sample(api.ZooKeeperPanel, {
    connect: 'zk1:2181',
    servers: [
      {
        address: 'zk1:2181',
        reachable: true,
        mode: 'standalone',
        version: '3.8.4',
        latencyMs: { min: 0, avg: 0.4, max: 3 },
        connections: 4,
        outstanding: 0,
        nodeCount: 140,
        zxid: '0x1a2',
        error: null,
      },
      {
        address: 'zk2:2181',
        reachable: false,
        mode: null,
        version: null,
        latencyMs: null,
        connections: null,
        outstanding: null,
        nodeCount: null,
        zxid: null,
        error: 'connect ECONNREFUSED',
      },
    ],
  }),
  BrokerList: sample(api.BrokerList, {
    freshness,
    brokers: [broker, { ...broker, logDirs: null, logDirsError: 'x' }],
  }),
  BrokerDetail: sample(api.BrokerDetail, {
    freshness,
    broker,
    role: { mode: 'kraft', processRoles: 'both', activeController: true, reason: null },
    leaders: total(2),
    replicas: total(4, 'replica'),
    configs: [config],
    configsError: null,
    logDirs: [
      {
        path: '/var/lib/kafka',
        totalBytes: null,
        usableBytes: null,
        errorCode: 0,
        replicas: [{ topic: 'orders', partition: 0, sizeBytes: 4096, offsetLag: 0, future: false }],
      },
    ],
  }),
  TopicPage: sample(api.TopicPage, {
    freshness,
    total: 1,
    items: [summary, { ...summary, system: 'connect' }],
  }),
  TopicDetail: sample(api.TopicDetail, {
    freshness,
    topic: { ...summary, topicId: 'q1w2e3r4t5y6u7i8o9p0aa' },
    partitions: [
      {
        partition: 0,
        leader: null,
        replicas: [1, 2],
        isr: [2],
        offlineReplicas: [1],
        offline: true,
        underReplicated: true,
        startOffset: null,
        endOffset: null,
        offsetsUnknownReason: 'no leader',
        replicaSizes: [{ broker: 1, sizeBytes: null, unknownReason: 'broker 1 is down' }],
      },
    ],
    configs: null,
    configsError: 'DescribeConfigs: not authorized',
    consumerGroups: [{ groupId: 'billing', state: 'Stable', lag: total(4) }],
  }),
  TopicPresets: sample(api.TopicPresets, {
    presets: [
      {
        id: 'compacted',
        label: 'Compacted',
        configs: { 'cleanup.policy': 'compact' },
        plugin: 'weir.builtin',
      },
    ],
  }),
  CreatedTopic: sample(api.CreatedTopic, {
    name: 'orders_v1',
    partitions: 3,
    replicationFactor: 3,
    validateOnly: true,
    warnings: ['Topic names with "." or "_" could collide'],
  }),
  PartitionsAdded: sample(api.PartitionsAdded, {
    before: 3,
    after: 6,
    warning: 'Keyed records may go to another partition',
    validateOnly: false,
  }),
  TruncationPlan: sample(api.TruncationPlan, {
    partitions: [{ partition: 0, start: 0, end: 10, newStart: 10, deleted: 10 }],
  }),
  TruncationResult: sample(api.TruncationResult, {
    partitions: [{ partition: 0, start: 0, end: 10, newStart: 10, deleted: 10 }],
    applied: [{ partition: 0, start: 10 }],
  }),
  ConfigChangeReport: sample(api.ConfigChangeReport, {
    resource: { type: 'broker', name: '' },
    changes: [
      {
        name: 'log.retention.ms',
        before: null,
        after: '1000',
        source: 'dynamic-default-broker',
        reset: false,
      },
    ],
    applied: true,
    api: 'IncrementalAlterConfigs',
  }),
  MessageCountReply: sample(api.MessageCountReply, {
    job: { ...jobDetail, kind: 'message-count', spec: { topic: 'orders' }, progress: countProgress },
  }),
  MessageCountNone: sample(api.MessageCountReply, { job: null }),
  GroupList: sample(api.GroupList, { freshness, groups: [groupSummary], listing: total(3, 'broker') }),
  GroupDetail: sample(api.GroupDetail, {
    freshness,
    group: {
      ...groupSummary,
      protocol: 'range',
      members: [
        {
          memberId: 'consumer-1-abc',
          groupInstanceId: null,
          clientId: 'consumer-1',
          host: '/10.0.0.7',
          assignment: [{ topic: 'orders', partition: 0 }],
        },
      ],
      describeError: null,
    },
    partitions: [
      {
        topic: 'orders',
        partition: 0,
        committedOffset: 10,
        endOffset: 22,
        lag: 12,
        lagUnknownReason: null,
        memberId: 'consumer-1-abc',
      },
    ],
  }),
  ResetPlan: sample(api.ResetPlan, {
    groupId: 'billing',
    state: 'Empty',
    activeMembers: 0,
    blockedBy: null,
    partitions: [
      {
        topic: 'orders',
        partition: 0,
        current: 10,
        target: 0,
        start: 0,
        end: 22,
        lagBefore: 12,
        lagAfter: 22,
      },
    ],
  }),
  OffsetsDeleted: sample(api.OffsetsDeleted, { partitions: [0, 1] }),
  AclPage: sample(api.AclPage, {
    authorizerEnabled: true,
    total: 5,
    acls: [
      {
        resourceType: 'TOPIC',
        resourceName: 'orders',
        patternType: 'LITERAL',
        principal: 'User:alice',
        host: '*',
        operation: 'READ',
        permission: 'ALLOW',
      },
    ],
  }),
  ScramUserList: sample(api.ScramUserList, {
    users: [{ user: 'alice', mechanisms: [{ mechanism: 'SCRAM-SHA-512', iterations: 4096 }] }],
  }),
  QuotaList: sample(api.QuotaList, {
    quotas: [{ entity: { user: 'alice', 'client-id': null }, values: { producer_byte_rate: 1048576.5 } }],
  }),
  BrowseResult: sample(api.BrowseResult, { messages: [message], reason: 'limit', partitions: [position] }),
  ExportedMessages: sample(api.ExportedMessages, [message]),
  SearchStart: sample(api.SearchStreamEvent, {
    type: 'start',
    partitions: [position],
    keyPartition: 3,
    keyLookup: { partitioner: 'fnv1a', partition: 3, scope: 'hashed' },
  }),
  SearchMatch: sample(api.SearchStreamEvent, { type: 'match', message }),
  SearchProgress: sample(api.SearchStreamEvent, { type: 'progress', progress }),
  SearchEnd: sample(api.SearchStreamEvent, {
    type: 'end',
    reason: 'filter-timeout',
    progress: { ...progress, partitions: [{ ...position, done: true, error: 'leader moved' }] },
    covered: {
      start: { type: 'newest', count: 50 },
      partitions: [{ partition: 0, logStart: 0, from: 950, to: 1000, scanned: 50 }],
      scanned: 50,
      inRange: 50,
      total: 1000,
      estimated: false,
    },
    keyLookup: { partitioner: 'murmur2', partition: 0, scope: 'hashed', searchAllPartitions: true },
  }),
  SearchError: sample(api.SearchStreamEvent, { type: 'error', message: 'broker 2 went away' }),
  ProduceResult: sample(api.ProduceResult, {
    written: 2,
    partitions: [{ partition: 1, baseOffset: 40, count: 2 }],
  }),
  ReassignmentPlan: sample(api.ReassignmentPlan, {
    moves: [{ topic: 'orders', partition: 0, from: [1, 2], to: [2, 3] }],
    brokers: [{ nodeId: 3, replicasBefore: 0, replicasAfter: 1, leadersBefore: 0, leadersAfter: 0 }],
    replicasToCopy: 1,
  }),
  ElectionResults: sample(api.ElectionResults, {
    results: [{ topic: 'orders', partition: 0, error: null, alreadyLed: true }],
  }),
  JobList: sample(api.JobList, { jobs: [job] }),
  JobDetailView: sample(api.JobDetailView, jobDetail),
  UserReply: sample(api.UserReply, { user: { id: 'u1', username: 'admin', role: 'admin' } }),
  ApiTokenList: sample(api.ApiTokenList, {
    tokens: [
      {
        id: 't1',
        name: 'weir CLI on laptop',
        prefix: 'weir_ab12',
        createdAt: takenAt,
        expiresAt: takenAt,
        lastUsedAt: null,
      },
    ],
  }),
  CreatedApiToken: sample(api.CreatedApiToken, {
    token: {
      id: 't1',
      name: 'ci',
      prefix: 'weir_ab12',
      createdAt: takenAt,
      expiresAt: takenAt,
      lastUsedAt: takenAt,
    },
    secret: 'weir_ab12…',
  }),
  AuditPage: sample(api.AuditPage, {
    entries: [
      {
        id: 12,
        at: takenAt,
        actor: 'admin',
        action: 'topic.create',
        clusterId: '6f1c2a9e-0b7d-4c3e-9a51-2d8f0e4b7c10',
        cluster: 'prod',
        targetType: 'topic',
        target: 'orders',
        before: null,
        after: { partitions: 3 },
        result: 'success',
        detail: null,
        ip: '127.0.0.1',
      },
    ],
  }),
};

for (const [name, [schema, value]] of Object.entries(responses)) {
  test(`${name}: a realistic answer passes its schema and keeps every field`, () => {
    const errors = [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`);
    assert.deepEqual(errors, [], name);
    assert.deepEqual(Value.Clean(schema, structuredClone(value)), value, `${name} has undeclared fields`);
  });
}

test('a field the schema does not declare is caught', () => {
  const [schema, value] = responses.TopicPage as Sample;
  const withExtra = structuredClone(value) as { items: Record<string, unknown>[] };
  (withExtra.items[0] as Record<string, unknown>).leaderEpoch = 3;
  assert.notDeepEqual(Value.Clean(schema, structuredClone(withExtra)), withExtra);
});

test('request rules are kept: bounds, patterns with their x-rule, closed bodies and defaults', () => {
  assert.equal(
    Value.Check(api.NewTopic, {
      name: 'a',
      partitions: 0,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    }),
    false,
  );
  assert.equal(
    Value.Check(api.NewTopic, {
      name: 'a',
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
      x: 1,
    }),
    false,
  );
  assert.equal(
    api.ClusterInput.properties.name[api.RULE_KEYWORD],
    'remove control characters such as tabs and line breaks',
  );
  assert.equal(Value.Check(api.ClusterInput.properties.name, 'prod\tcluster'), false);
  assert.deepEqual(Value.Default(api.SearchRequest, { filters: [] }), {
    filters: [],
    maxScanned: 10_000_000,
    maxMs: 30_000,
    maxValueBytes: api.DEFAULT_MAX_VALUE_BYTES,
    isolation: 'read_committed',
    maxMatches: 500,
  });
  assert.deepEqual(
    api.SearchRequest.properties.isolation.anyOf.map((branch: { const: string }) => branch.const),
    [...api.ISOLATIONS],
  );
  assert.equal(Value.Check(api.TopicsQuery, Value.Default(api.TopicsQuery, {})), true);
  assert.equal(Value.Check(api.GroupParams, { id: 'not-a-uuid', groupId: 'g' }), false);
});

test("a caller's form leaves out what the server fills in; the handler's form has it", () => {
  const sent: api.SearchRequest = { filters: [{ target: 'value', match: 'contains', value: 'x' }] };
  const resolved: api.ResolvedSearch = Value.Default(
    api.SearchRequest,
    structuredClone(sent),
  ) as api.ResolvedSearch;
  assert.equal(resolved.maxMatches, 500);
  const cluster: api.ClusterInput = { name: 'dev', bootstrapServers: ['localhost:9092'] };
  assert.equal(
    Value.Check(api.ClusterInput, Value.Default(api.ClusterInput, structuredClone(cluster))),
    true,
  );
});

test('every SASL mechanism and security protocol is declared once and offered by the cluster schemas', () => {
  assert.deepEqual(
    api.SaslInput.properties.mechanism.anyOf.map((branch: { const: string }) => branch.const),
    [...api.SASL_MECHANISMS],
  );
  assert.deepEqual(
    api.ClusterInput.properties.securityProtocol.anyOf.map((branch: { const: string }) => branch.const),
    [...api.SECURITY_PROTOCOLS],
  );
});
