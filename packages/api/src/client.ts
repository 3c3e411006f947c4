import type { AuditPage, AuditQuery } from './audit.ts';
import type { ApiTokenList, CreatedApiToken, NewApiToken, PasswordChange, User, UserReply } from './auth.ts';
import type { BrokerDetail, BrokerList } from './brokers.ts';
import type {
  ClusterInput,
  ClusterList,
  ClusterReply,
  ClusterView,
  ConnectionReport,
  ConnectionTestInput,
  OverviewReply,
  SavedCluster,
  ZooKeeperPanel,
} from './clusters.ts';
import type { ConfigChangeReport, ConfigChanges, RefreshQuery } from './common.ts';
import { SESSION_COOKIE } from './cookies.ts';
import type {
  GroupDetail,
  GroupList,
  GroupsQuery,
  OffsetReset,
  OffsetResetPreview,
  OffsetsDeleted,
  ResetPlan,
} from './groups.ts';
import type { HealthCheckReport } from './health.ts';
import type { JobDetailView, JobList, JobView } from './jobs.ts';
import type {
  BrowseQuery,
  BrowseResult,
  ExportRequest,
  ProduceRequest,
  ProduceResult,
  SearchRequest,
  SearchStreamEvent,
} from './messages.ts';
import { paths } from './paths.ts';
import type {
  PluginList,
  PluginReply,
  PluginSettingsInput,
  PluginSettingsView,
  PluginStateInput,
} from './plugins.ts';
import type {
  ElectionRequest,
  ElectionResults,
  ReassignmentPlan,
  ReassignmentPlanRequest,
  ReassignmentRequest,
  ReplicationFactorChange,
} from './replicas.ts';
import type { SchemaInput, SchemaList, SchemaReply } from './schemas.ts';
import type { AclPage, AclQuery, QuotaList, ScramUserList } from './security.ts';
import type { SerdeList, SerdeRules, TopicSerdes } from './serdes.ts';
import type {
  AddPartitions,
  CreatedTopic,
  MessageCountReply,
  NewTopic,
  PartitionsAdded,
  TopicDetail,
  TopicPage,
  TopicPresets,
  TopicsQuery,
  Truncate,
  TruncatePreview,
  TruncationPlan,
  TruncationResult,
} from './topics.ts';
import { type ApiResponse, type RequestOptions, Transport, type TransportOptions } from './transport.ts';

// The client's errors, importable without the schemas (`@weir/api/client` keeps them out).
export { ApiProblem } from './transport.ts';

export type WeirClientOptions = TransportOptions;

/** Per-call options: `signal` aborts the request (and, for a stream, ends it). */
export interface CallOptions {
  signal?: AbortSignal;
}

/** A login's answer: the user, and the session cookie when the runtime lets it be read (Node does, browsers do not). */
export interface LoginResult {
  user: User;
  /** `weir_session=…`, to pass as `auth: { cookie }` to another client; null in a browser. */
  sessionCookie: string | null;
}

/** An export's file: its name, why the search stopped, and the response to read as text or bytes. */
export interface ExportedFile {
  filename: string;
  /** The search's stop reason (`x-weir-stop-reason`), e.g. `end` or `limit`. */
  stopReason: string;
  contentType: string;
  response: Response;
}

type Query = RequestOptions['query'];
type ConfigChangeList = ConfigChanges['changes'];

/**
 * A typed client for Weir's API, for the console (browser: leave `baseUrl` and `auth` out), the CLI
 * and tests (Node: give `baseUrl` and a bearer token or session cookie). Methods are grouped by noun
 * and answer with the response body; an error status throws {@link ApiProblem}. `request` is the
 * escape hatch: any path, the status and body as they came, nothing thrown for an error status.
 */
export function createWeirClient(options: WeirClientOptions = {}) {
  const transport = new Transport(options);
  const get = async <T>(path: string, query?: Query, call: CallOptions = {}) =>
    (await transport.json<T>(path, { query, signal: call.signal })).body;
  const send = async <T>(method: string, path: string, body?: unknown, call: CallOptions = {}) =>
    (await transport.json<T>(path, { method, body, signal: call.signal })).body;
  const post = <T>(path: string, body?: unknown, call?: CallOptions) => send<T>('POST', path, body, call);

  const configChanges = (apply: string, preview: string) => ({
    preview: (changes: ConfigChangeList, call?: CallOptions) =>
      post<ConfigChangeReport>(preview, { changes }, call),
    apply: (changes: ConfigChangeList, call?: CallOptions) =>
      send<ConfigChangeReport>('PATCH', apply, { changes }, call),
  });

  return {
    /** Any request, answered with status, headers and parsed body; an error status does not throw. */
    request: <T = unknown>(
      method: string,
      path: string,
      body?: unknown,
      call: CallOptions & { query?: Query } = {},
    ) =>
      transport.request<T>(path, { method, body, query: call.query, signal: call.signal }) as Promise<
        ApiResponse<T>
      >,

    auth: {
      /** Starts a session; in Node the answer carries its cookie for `auth: { cookie }`. */
      async login(
        credentials: { username: string; password: string },
        call: CallOptions = {},
      ): Promise<LoginResult> {
        const response = await transport.json<UserReply>(paths.auth.login(), {
          method: 'POST',
          body: credentials,
          signal: call.signal,
        });
        return { user: response.body.user, sessionCookie: sessionCookieOf(response.headers) };
      },
      logout: (call?: CallOptions) => post<void>(paths.auth.logout(), undefined, call),
      me: async (call?: CallOptions) => (await get<UserReply>(paths.auth.me(), undefined, call)).user,
      changePassword: (change: PasswordChange, call?: CallOptions) =>
        post<void>(paths.auth.password(), change, call),
      listTokens: (call?: CallOptions) => get<ApiTokenList>(paths.auth.tokens(), undefined, call),
      createToken: (token: NewApiToken, call?: CallOptions) =>
        post<CreatedApiToken>(paths.auth.tokens(), token, call),
      revokeToken: (tokenId: string, call?: CallOptions) =>
        send<void>('DELETE', paths.auth.token(tokenId), undefined, call),
    },

    audit: {
      list: (query: AuditQuery = {}, call?: CallOptions) => get<AuditPage>(paths.audit.list(), query, call),
    },

    plugins: {
      list: (call?: CallOptions) => get<PluginList>(paths.plugins.list(), undefined, call),
      get: (pluginId: string, call?: CallOptions) =>
        get<PluginReply>(paths.plugins.one(pluginId), undefined, call),
      settings: (pluginId: string, call?: CallOptions) =>
        get<PluginSettingsView>(paths.plugins.settings(pluginId), undefined, call),
      saveSettings: (pluginId: string, input: PluginSettingsInput, call?: CallOptions) =>
        send<PluginSettingsView>('PUT', paths.plugins.settings(pluginId), input, call),
      /** Turns a plugin off or on; turning a failed one on retries it. */
      setState: (pluginId: string, input: PluginStateInput, call?: CallOptions) =>
        send<PluginReply>('PUT', paths.plugins.state(pluginId), input, call),
    },

    schemas: {
      list: (call?: CallOptions) => get<SchemaList>(paths.schemas.list(), undefined, call),
      get: (name: string, call?: CallOptions) => get<SchemaReply>(paths.schemas.one(name), undefined, call),
      create: (schema: SchemaInput, call?: CallOptions) =>
        post<SchemaReply>(paths.schemas.list(), schema, call),
      replace: (name: string, schema: SchemaInput, call?: CallOptions) =>
        send<SchemaReply>('PUT', paths.schemas.one(name), schema, call),
      /** `confirmName` repeats the schema's name. */
      remove: (name: string, confirmName: string, call?: CallOptions) =>
        send<void>('DELETE', paths.schemas.one(name), { confirmName }, call),
    },

    serdes: {
      list: (call?: CallOptions) => get<SerdeList>(paths.serdes.list(), undefined, call),
      rules: (id: string, call?: CallOptions) => get<SerdeRules>(paths.serdes.rules(id), undefined, call),
      saveRules: (id: string, rules: SerdeRules, call?: CallOptions) =>
        send<SerdeRules>('PUT', paths.serdes.rules(id), rules, call),
      /** How a topic's keys, values and headers are read, and which rule chose each. */
      forTopic: (id: string, topic: string, call?: CallOptions) =>
        get<TopicSerdes>(paths.serdes.topic(id, topic), undefined, call),
    },

    health: {
      checks: (id: string, call?: CallOptions) =>
        get<HealthCheckReport>(paths.health.checks(id), undefined, call),
    },

    clusters: {
      list: async (call?: CallOptions): Promise<ClusterView[]> =>
        (await get<ClusterList>(paths.clusters.list(), undefined, call)).clusters,
      get: async (id: string, call?: CallOptions): Promise<ClusterView> =>
        (await get<ClusterReply>(paths.clusters.one(id), undefined, call)).cluster,
      /** Tests settings without saving; with `clusterId`, stored secrets fill those left out. */
      test: (input: ConnectionTestInput, call?: CallOptions) =>
        post<ConnectionReport>(paths.clusters.test(), input, call),
      create: (input: ClusterInput, call?: CallOptions) =>
        post<SavedCluster>(paths.clusters.list(), input, call),
      update: (id: string, input: ClusterInput, call?: CallOptions) =>
        send<SavedCluster>('PUT', paths.clusters.one(id), input, call),
      remove: (id: string, confirmName: string, call?: CallOptions) =>
        send<void>('DELETE', paths.clusters.one(id), { confirmName }, call),
      overview: (id: string, query: RefreshQuery = {}, call?: CallOptions) =>
        get<OverviewReply>(paths.clusters.overview(id), query, call),
      zookeeper: (id: string, call?: CallOptions) =>
        get<ZooKeeperPanel>(paths.clusters.zookeeper(id), undefined, call),
    },

    brokers: {
      list: (id: string, query: RefreshQuery = {}, call?: CallOptions) =>
        get<BrokerList>(paths.brokers.list(id), query, call),
      get: (id: string, brokerId: number, query: RefreshQuery = {}, call?: CallOptions) =>
        get<BrokerDetail>(paths.brokers.one(id, brokerId), query, call),
      /** One broker's dynamic configs. */
      configs: (id: string, brokerId: number) =>
        configChanges(paths.brokers.configs(id, brokerId), paths.brokers.configsPreview(id, brokerId)),
      /** The cluster-wide broker defaults. */
      defaultConfigs: (id: string) =>
        configChanges(paths.brokers.defaultConfigs(id), paths.brokers.defaultConfigsPreview(id)),
    },

    topics: {
      presets: (call?: CallOptions) => get<TopicPresets>(paths.topics.presets(), undefined, call),
      list: (id: string, query: TopicsQuery = {}, call?: CallOptions) =>
        get<TopicPage>(paths.topics.list(id), query, call),
      get: (id: string, name: string, query: RefreshQuery = {}, call?: CallOptions) =>
        get<TopicDetail>(paths.topics.one(id, name), query, call),
      create: (id: string, topic: NewTopic, call?: CallOptions) =>
        post<CreatedTopic>(paths.topics.list(id), topic, call),
      /** Deletes the topic; `confirmName` must be its name. */
      delete: (id: string, name: string, confirmName: string, call?: CallOptions) =>
        send<void>('DELETE', paths.topics.one(id, name), { confirmName }, call),
      addPartitions: (id: string, name: string, change: AddPartitions, call?: CallOptions) =>
        post<PartitionsAdded>(paths.topics.partitions(id, name), change, call),
      previewTruncate: (id: string, name: string, request: TruncatePreview, call?: CallOptions) =>
        post<TruncationPlan>(paths.topics.truncatePreview(id, name), request, call),
      truncate: (id: string, name: string, request: Truncate, call?: CallOptions) =>
        post<TruncationResult>(paths.topics.truncate(id, name), request, call),
      clone: (id: string, name: string, newName: string, call?: CallOptions) =>
        post<CreatedTopic>(paths.topics.clone(id, name), { name: newName }, call),
      configs: (id: string, name: string) =>
        configChanges(paths.topics.configs(id, name), paths.topics.configsPreview(id, name)),
      /** Starts an exact count of the topic's records (a job). */
      startMessageCount: (id: string, name: string, call?: CallOptions) =>
        post<JobView>(paths.topics.messageCount(id, name), undefined, call),
      messageCount: (id: string, name: string, call?: CallOptions) =>
        get<MessageCountReply>(paths.topics.messageCount(id, name), undefined, call),
    },

    groups: {
      list: (id: string, query: GroupsQuery = {}, call?: CallOptions) =>
        get<GroupList>(paths.groups.list(id), query, call),
      get: (id: string, groupId: string, query: RefreshQuery = {}, call?: CallOptions) =>
        get<GroupDetail>(paths.groups.one(id, groupId), query, call),
      previewReset: (id: string, groupId: string, request: OffsetResetPreview, call?: CallOptions) =>
        post<ResetPlan>(paths.groups.offsetsPreview(id, groupId), request, call),
      reset: (id: string, groupId: string, request: OffsetReset, call?: CallOptions) =>
        post<ResetPlan>(paths.groups.offsetsReset(id, groupId), request, call),
      /** Deletes an inactive group; `confirmName` must be its id. */
      delete: (id: string, groupId: string, confirmName: string, call?: CallOptions) =>
        send<void>('DELETE', paths.groups.one(id, groupId), { confirmName }, call),
      deleteOffsets: (id: string, groupId: string, topic: string, confirmName: string, call?: CallOptions) =>
        send<OffsetsDeleted>('DELETE', paths.groups.topicOffsets(id, groupId, topic), { confirmName }, call),
    },

    security: {
      acls: (id: string, query: AclQuery = {}, call?: CallOptions) =>
        get<AclPage>(paths.security.acls(id), query, call),
      quotas: (id: string, call?: CallOptions) => get<QuotaList>(paths.security.quotas(id), undefined, call),
      scramUsers: (id: string, call?: CallOptions) =>
        get<ScramUserList>(paths.security.scramUsers(id), undefined, call),
    },

    messages: {
      browse: (id: string, topic: string, query: BrowseQuery = {}, call?: CallOptions) =>
        get<BrowseResult>(paths.messages.list(id, topic), query, call),
      /**
       * Searches (or, with `follow`, live-tails) the topic: the events as they arrive. Abort
       * `call.signal`, or leave the loop, to stop the search on the server.
       */
      search: (id: string, topic: string, request: SearchRequest, call: CallOptions = {}) =>
        transport.stream<SearchStreamEvent>(paths.messages.search(id, topic), {
          method: 'POST',
          body: request,
          signal: call.signal,
        }),
      async export(
        id: string,
        topic: string,
        request: ExportRequest,
        call: CallOptions = {},
      ): Promise<ExportedFile> {
        const response = await transport.file(paths.messages.export(id, topic), {
          method: 'POST',
          body: request,
          signal: call.signal,
        });
        const disposition = response.headers.get('content-disposition') ?? '';
        return {
          filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? `export.${request.format}`,
          stopReason: response.headers.get('x-weir-stop-reason') ?? '',
          contentType: response.headers.get('content-type') ?? '',
          response,
        };
      },
      produce: (id: string, topic: string, request: ProduceRequest, call?: CallOptions) =>
        post<ProduceResult>(paths.messages.list(id, topic), request, call),
    },

    replicas: {
      plan: (id: string, request: ReassignmentPlanRequest, call?: CallOptions) =>
        post<ReassignmentPlan>(paths.replicas.plan(id), request, call),
      /** Starts a reassignment job. */
      reassign: (id: string, request: ReassignmentRequest, call?: CallOptions) =>
        post<JobView>(paths.replicas.reassignments(id), request, call),
      /** Starts a reassignment job that changes the topic's replication factor. */
      changeReplicationFactor: (
        id: string,
        topic: string,
        change: ReplicationFactorChange,
        call?: CallOptions,
      ) => post<JobView>(paths.replicas.replicationFactor(id, topic), change, call),
      elect: (id: string, request: ElectionRequest, call?: CallOptions) =>
        post<ElectionResults>(paths.replicas.elections(id), request, call),
    },

    jobs: {
      list: (id: string, call?: CallOptions) => get<JobList>(paths.jobs.list(id), undefined, call),
      get: (id: string, jobId: string, call?: CallOptions) =>
        get<JobDetailView>(paths.jobs.one(id, jobId), undefined, call),
      cancel: (id: string, jobId: string, call?: CallOptions) =>
        post<JobDetailView>(paths.jobs.cancel(id, jobId), undefined, call),
    },
  };
}

export type WeirClient = ReturnType<typeof createWeirClient>;

/** The `weir_session=…` pair from a login's Set-Cookie, where the runtime exposes it. */
function sessionCookieOf(headers: Headers): string | null {
  const cookies = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
  const session = cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  return session?.split(';')[0] ?? null;
}
