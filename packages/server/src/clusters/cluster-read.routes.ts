import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MAX_KAFKA_STRING_LENGTH, PATH_NAME_RULE } from '../http/path-names.ts';
import { problemResponses } from '../http/schemas.ts';
import type { ClusterReadService } from './cluster-read.service.ts';
import { TOPIC_SORTS } from './topics.view.ts';
import type { ZooKeeperService } from './zookeeper.service.ts';

const Id = Type.String({ format: 'uuid' });
const ClusterParams = Type.Object({ id: Id });
const Refresh = Type.Boolean({
  default: false,
  description: 'Read the cluster now instead of serving the snapshot',
});
const Freshness = Type.Object({
  takenAt: Type.String({ format: 'date-time' }),
  ageMs: Type.Integer(),
  stale: Type.Boolean(),
  refreshError: Type.Union([Type.String(), Type.Null()]),
  partial: Type.Boolean({ description: 'Some parts could not be read; partErrors says which and why' }),
  partErrors: Type.Record(Type.String(), Type.String()),
});
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** The one shape of every aggregate: see `Total` in read-model.types.ts. */
const Total = Type.Object(
  {
    value: Nullable(Type.Number({ description: 'Sum over the parts that were read; null when none was' })),
    complete: Type.Boolean({ description: 'False: value is a lower bound (partial) or null (unknown)' }),
    parts: Type.Integer(),
    unknownParts: Type.Integer(),
    unit: Type.Union(['partition', 'replica', 'broker', 'logDir'].map((u) => Type.Literal(u))),
    reason: Nullable(Type.String({ description: 'Why the unknown parts are unknown' })),
  },
  { additionalProperties: false },
);
const Loose = Type.Object({}, { additionalProperties: true });
const TopicSummary = Type.Object({
  name: Type.String(),
  internal: Type.Boolean({ description: "Kafka's Metadata is_internal flag" }),
  system: Type.Union(
    [...['kafka', 'connect', 'mirrormaker2', 'schema-registry'].map((o) => Type.Literal(o)), Type.Null()],
    { description: 'Owner of a well-known system topic, by its default name' },
  ),
  partitions: Type.Integer(),
  replicationFactor: Type.Integer(),
  sizeBytes: Total,
  messages: Total,
  messagesEstimated: Type.Literal(true, {
    description:
      '`messages` is an estimate: the sum of end − start offsets. Compaction, transaction markers and aborted transactions make it larger than the number of records; POST …/topics/{name}/message-count counts exactly.',
  }),
  underReplicated: Type.Integer(),
  offline: Type.Integer(),
});
const GroupSummary = Type.Object({
  groupId: Type.String(),
  state: Type.String(),
  protocolType: Type.String(),
  groupType: Type.Union([Type.String(), Type.Null()]),
  topics: Type.Array(Type.String()),
  partitions: Type.Integer(),
  totalLag: Total,
  error: Nullable(Type.String()),
});
const TopicsQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 249 })),
    internal: Type.Boolean({
      default: false,
      description:
        "Include the topics Kafka's Metadata marks internal (__consumer_offsets, __transaction_state); other system topics are always listed, labelled by `system`",
    }),
    sort: Type.Union(
      TOPIC_SORTS.map((s) => Type.Literal(s)),
      { default: 'name' },
    ),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    refresh: Refresh,
  },
  { additionalProperties: false },
);
const RefreshQuery = Type.Object({ refresh: Refresh }, { additionalProperties: false });
const GroupsQuery = Type.Object(
  { search: Type.Optional(Type.String({ maxLength: 255 })), refresh: Refresh },
  { additionalProperties: false },
);
const errors = { ...problemResponses, 404: Type.Ref('Problem'), 503: Type.Ref('Problem') };
const read = { access: 'clusters:read' as const };

/** The read model of one cluster; every answer says how old its data is. */
export function clusterReadRoutes(
  app: FastifyInstance,
  deps: { reads: ClusterReadService; zookeeper: ZooKeeperService },
): void {
  app.get<{ Params: Static<typeof ClusterParams> }>(
    '/clusters/:id/zookeeper',
    {
      config: read,
      schema: {
        tags: ['clusters'],
        summary:
          "Each ZooKeeper server's mode, version, latency, connections and znode count (from its srvr command); empty without a connect string",
        params: ClusterParams,
        response: {
          200: Type.Object({
            connect: Type.Union([Type.String(), Type.Null()]),
            servers: Type.Array(Loose),
          }),
          ...errors,
        },
      },
    },
    async (request) => deps.zookeeper.status(request.params.id),
  );

  app.get<{ Params: Static<typeof ClusterParams>; Querystring: Static<typeof RefreshQuery> }>(
    '/clusters/:id/overview',
    {
      config: read,
      schema: {
        tags: ['clusters'],
        summary:
          'Brokers, controller and quorum, counts of topics, partitions, replicas, URP/offline/under-min-ISR, groups by state, version and mode',
        params: ClusterParams,
        querystring: RefreshQuery,
        response: { 200: Type.Object({ freshness: Freshness, overview: Loose }), ...errors },
      },
    },
    async (request) => deps.reads.overview(request.params.id, request.query.refresh),
  );

  app.get<{ Params: Static<typeof ClusterParams>; Querystring: Static<typeof RefreshQuery> }>(
    '/clusters/:id/brokers',
    {
      config: read,
      schema: {
        tags: ['brokers'],
        summary: 'Brokers with controller flag, leader and replica counts, leader skew, log dirs',
        params: ClusterParams,
        querystring: RefreshQuery,
        response: { 200: Type.Object({ freshness: Freshness, brokers: Type.Array(Loose) }), ...errors },
      },
    },
    async (request) => deps.reads.brokers(request.params.id, request.query.refresh),
  );

  const BrokerParams = Type.Object({ id: Id, brokerId: Type.Integer({ minimum: 0 }) });
  app.get<{ Params: Static<typeof BrokerParams>; Querystring: Static<typeof RefreshQuery> }>(
    '/clusters/:id/brokers/:brokerId',
    {
      config: read,
      schema: {
        tags: ['brokers'],
        summary:
          'One broker: configs with source, default and sensitive flags; log dirs with per-replica sizes',
        params: BrokerParams,
        querystring: RefreshQuery,
        response: {
          200: Type.Object({
            freshness: Freshness,
            broker: Loose,
            configs: Type.Array(Loose),
            logDirs: Type.Union([Type.Array(Loose), Type.Null()]),
          }),
          ...errors,
        },
      },
    },
    async (request) => deps.reads.broker(request.params.id, request.params.brokerId, request.query.refresh),
  );

  app.get<{ Params: Static<typeof ClusterParams>; Querystring: Static<typeof TopicsQuery> }>(
    '/clusters/:id/topics',
    {
      config: read,
      schema: {
        tags: ['topics'],
        summary: 'Topics, paged, searched and sorted on the server; internal topics hidden unless asked',
        params: ClusterParams,
        querystring: TopicsQuery,
        response: {
          200: Type.Object({ freshness: Freshness, total: Type.Integer(), items: Type.Array(TopicSummary) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { refresh, internal, ...query } = request.query;
      return deps.reads.topics(request.params.id, { ...query, includeInternal: internal, refresh });
    },
  );

  const TopicParams = Type.Object({
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 249, description: PATH_NAME_RULE }),
  });
  app.get<{ Params: Static<typeof TopicParams>; Querystring: Static<typeof RefreshQuery> }>(
    '/clusters/:id/topics/:name',
    {
      config: read,
      schema: {
        tags: ['topics'],
        summary:
          "One topic: each partition's leader, replicas, ISR, offsets and replica sizes; configs; consumer groups",
        params: TopicParams,
        querystring: RefreshQuery,
        response: {
          200: Type.Object({
            freshness: Freshness,
            topic: Loose,
            partitions: Type.Array(Loose),
            configs: Type.Union([Type.Array(Loose), Type.Null()]),
            configsError: Type.Union([Type.String(), Type.Null()]),
            consumerGroups: Type.Array(Loose),
          }),
          ...errors,
        },
      },
    },
    async (request) => deps.reads.topic(request.params.id, request.params.name, request.query.refresh),
  );

  app.get<{ Params: Static<typeof ClusterParams>; Querystring: Static<typeof GroupsQuery> }>(
    '/clusters/:id/groups',
    {
      config: read,
      schema: {
        tags: ['groups'],
        summary: 'Consumer groups with state, protocol, topics and total lag',
        params: ClusterParams,
        querystring: GroupsQuery,
        response: {
          200: Type.Object({ freshness: Freshness, groups: Type.Array(GroupSummary), listing: Total }),
          ...errors,
        },
      },
    },
    async (request) => deps.reads.groups(request.params.id, request.query),
  );

  const GroupParams = Type.Object({
    id: Id,
    groupId: Type.String({ minLength: 1, maxLength: MAX_KAFKA_STRING_LENGTH, description: PATH_NAME_RULE }),
  });
  app.get<{ Params: Static<typeof GroupParams>; Querystring: Static<typeof RefreshQuery> }>(
    '/clusters/:id/groups/:groupId',
    {
      config: read,
      schema: {
        tags: ['groups'],
        summary: 'One group: members with assignments; per-partition committed offset, end offset and lag',
        params: GroupParams,
        querystring: RefreshQuery,
        response: {
          200: Type.Object({ freshness: Freshness, group: Loose, partitions: Type.Array(Loose) }),
          ...errors,
        },
      },
    },
    async (request) => deps.reads.group(request.params.id, request.params.groupId, request.query.refresh),
  );

  const AclQuery = Type.Object(
    {
      principal: Type.Optional(
        Type.String({ maxLength: 300, description: 'Exact principal, e.g. User:alice' }),
      ),
      resourceType: Type.Optional(
        Type.Union(
          ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'].map((t) =>
            Type.Literal(t),
          ),
        ),
      ),
      resourceName: Type.Optional(
        Type.String({ maxLength: 300, description: 'Substring of the resource name' }),
      ),
    },
    { additionalProperties: false },
  );
  app.get<{ Params: Static<typeof ClusterParams>; Querystring: Static<typeof AclQuery> }>(
    '/clusters/:id/acls',
    {
      config: read,
      schema: {
        tags: ['security'],
        summary: 'ACL bindings, filterable; says when the cluster runs without an authorizer',
        params: ClusterParams,
        querystring: AclQuery,
        response: {
          200: Type.Object({
            authorizerEnabled: Type.Boolean(),
            total: Type.Integer(),
            acls: Type.Array(Loose),
          }),
          ...errors,
        },
      },
    },
    async (request) => deps.reads.acls(request.params.id, request.query),
  );

  app.get<{ Params: Static<typeof ClusterParams> }>(
    '/clusters/:id/quotas',
    {
      config: read,
      schema: {
        tags: ['security'],
        summary: 'Client quotas by user, client id and IP (and their defaults)',
        params: ClusterParams,
        response: { 200: Type.Object({ quotas: Type.Array(Loose) }), ...errors },
      },
    },
    async (request) => deps.reads.quotas(request.params.id),
  );

  app.get<{ Params: Static<typeof ClusterParams> }>(
    '/clusters/:id/scram-users',
    {
      config: read,
      schema: {
        tags: ['security'],
        summary: 'SCRAM users and their mechanisms (never credentials)',
        params: ClusterParams,
        response: { 200: Type.Object({ users: Type.Array(Loose) }), ...errors },
      },
    },
    async (request) => deps.reads.scramUsers(request.params.id),
  );
}
