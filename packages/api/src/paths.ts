import { encodePathName } from './path-names.ts';

/** Where the API lives; the server registers {@link routes} under it. */
export const API_PREFIX = '/api/v1';

/**
 * Every route as the server registers it (Fastify patterns, relative to {@link API_PREFIX}), by noun.
 * The builders in {@link paths} fill these same patterns, so a client and the server cannot drift.
 */
export const routes = {
  auth: {
    login: '/auth/login',
    logout: '/auth/logout',
    me: '/auth/me',
    password: '/auth/password',
    tokens: '/auth/tokens',
    token: '/auth/tokens/:id',
  },
  audit: { list: '/audit' },
  plugins: {
    list: '/plugins',
    one: '/plugins/:pluginId',
    settings: '/plugins/:pluginId/settings',
    state: '/plugins/:pluginId/state',
  },
  schemas: { list: '/schemas', one: '/schemas/:schemaName' },
  serdes: {
    list: '/serdes',
    rules: '/clusters/:id/serde-rules',
    topic: '/clusters/:id/topics/:name/serdes',
  },
  health: { checks: '/clusters/:id/health/checks' },
  clusters: {
    list: '/clusters',
    test: '/clusters/test',
    one: '/clusters/:id',
    overview: '/clusters/:id/overview',
    zookeeper: '/clusters/:id/zookeeper',
  },
  brokers: {
    list: '/clusters/:id/brokers',
    one: '/clusters/:id/brokers/:brokerId',
    configs: '/clusters/:id/brokers/:brokerId/configs',
    configsPreview: '/clusters/:id/brokers/:brokerId/configs/preview',
    defaultConfigs: '/clusters/:id/broker-defaults/configs',
    defaultConfigsPreview: '/clusters/:id/broker-defaults/configs/preview',
  },
  topics: {
    presets: '/topic-presets',
    list: '/clusters/:id/topics',
    one: '/clusters/:id/topics/:name',
    partitions: '/clusters/:id/topics/:name/partitions',
    truncatePreview: '/clusters/:id/topics/:name/truncate/preview',
    truncate: '/clusters/:id/topics/:name/truncate',
    clone: '/clusters/:id/topics/:name/clone',
    configs: '/clusters/:id/topics/:name/configs',
    configsPreview: '/clusters/:id/topics/:name/configs/preview',
    messageCount: '/clusters/:id/topics/:name/message-count',
  },
  groups: {
    list: '/clusters/:id/groups',
    one: '/clusters/:id/groups/:groupId',
    offsetsPreview: '/clusters/:id/groups/:groupId/offsets/preview',
    offsetsReset: '/clusters/:id/groups/:groupId/offsets/reset',
    topicOffsets: '/clusters/:id/groups/:groupId/offsets/:topic',
  },
  security: {
    acls: '/clusters/:id/acls',
    quotas: '/clusters/:id/quotas',
    scramUsers: '/clusters/:id/scram-users',
  },
  messages: {
    list: '/clusters/:id/topics/:name/messages',
    search: '/clusters/:id/topics/:name/messages/search',
    export: '/clusters/:id/topics/:name/messages/export',
  },
  replicas: {
    plan: '/clusters/:id/reassignments/plan',
    reassignments: '/clusters/:id/reassignments',
    replicationFactor: '/clusters/:id/topics/:name/replication-factor',
    elections: '/clusters/:id/elections',
  },
  jobs: {
    list: '/clusters/:id/jobs',
    one: '/clusters/:id/jobs/:jobId',
    cancel: '/clusters/:id/jobs/:jobId/cancel',
  },
} as const;

/** The parameter names of a route pattern: `'/clusters/:id/topics/:name'` → `'id' | 'name'`. */
export type RouteParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | RouteParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/**
 * The full path (with {@link API_PREFIX}) for `pattern`, each `:param` replaced by its value encoded
 * as one path segment ({@link encodePathName}: the `~` escape, then percent-encoding).
 */
export function buildPath<P extends string>(
  pattern: P,
  params: Record<RouteParams<P>, string | number>,
): string {
  const values = params as Record<string, string | number>;
  const filled = pattern.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`buildPath: no value for :${name} in ${pattern}`);
    return encodePathName(String(value));
  });
  return `${API_PREFIX}${filled}`;
}

/**
 * `path` with a query string of the values that are set (undefined ones are left out, so the server's
 * defaults apply); booleans and numbers as text, which the server's query validation coerces back.
 */
export function withQuery(
  path: string,
  query: Record<string, string | number | boolean | undefined> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

const r = routes;

/** Builders for every API path, by noun; arguments in path order. */
export const paths = {
  auth: {
    login: () => buildPath(r.auth.login, {}),
    logout: () => buildPath(r.auth.logout, {}),
    me: () => buildPath(r.auth.me, {}),
    password: () => buildPath(r.auth.password, {}),
    tokens: () => buildPath(r.auth.tokens, {}),
    token: (tokenId: string) => buildPath(r.auth.token, { id: tokenId }),
  },
  audit: { list: () => buildPath(r.audit.list, {}) },
  plugins: {
    list: () => buildPath(r.plugins.list, {}),
    one: (pluginId: string) => buildPath(r.plugins.one, { pluginId }),
    settings: (pluginId: string) => buildPath(r.plugins.settings, { pluginId }),
    state: (pluginId: string) => buildPath(r.plugins.state, { pluginId }),
  },
  schemas: {
    list: () => buildPath(r.schemas.list, {}),
    one: (schemaName: string) => buildPath(r.schemas.one, { schemaName }),
  },
  serdes: {
    list: () => buildPath(r.serdes.list, {}),
    rules: (id: string) => buildPath(r.serdes.rules, { id }),
    topic: (id: string, name: string) => buildPath(r.serdes.topic, { id, name }),
  },
  health: { checks: (id: string) => buildPath(r.health.checks, { id }) },
  clusters: {
    list: () => buildPath(r.clusters.list, {}),
    test: () => buildPath(r.clusters.test, {}),
    one: (id: string) => buildPath(r.clusters.one, { id }),
    overview: (id: string) => buildPath(r.clusters.overview, { id }),
    zookeeper: (id: string) => buildPath(r.clusters.zookeeper, { id }),
  },
  brokers: {
    list: (id: string) => buildPath(r.brokers.list, { id }),
    one: (id: string, brokerId: number) => buildPath(r.brokers.one, { id, brokerId }),
    configs: (id: string, brokerId: number) => buildPath(r.brokers.configs, { id, brokerId }),
    configsPreview: (id: string, brokerId: number) => buildPath(r.brokers.configsPreview, { id, brokerId }),
    defaultConfigs: (id: string) => buildPath(r.brokers.defaultConfigs, { id }),
    defaultConfigsPreview: (id: string) => buildPath(r.brokers.defaultConfigsPreview, { id }),
  },
  topics: {
    presets: () => buildPath(r.topics.presets, {}),
    list: (id: string) => buildPath(r.topics.list, { id }),
    one: (id: string, name: string) => buildPath(r.topics.one, { id, name }),
    partitions: (id: string, name: string) => buildPath(r.topics.partitions, { id, name }),
    truncatePreview: (id: string, name: string) => buildPath(r.topics.truncatePreview, { id, name }),
    truncate: (id: string, name: string) => buildPath(r.topics.truncate, { id, name }),
    clone: (id: string, name: string) => buildPath(r.topics.clone, { id, name }),
    configs: (id: string, name: string) => buildPath(r.topics.configs, { id, name }),
    configsPreview: (id: string, name: string) => buildPath(r.topics.configsPreview, { id, name }),
    messageCount: (id: string, name: string) => buildPath(r.topics.messageCount, { id, name }),
  },
  groups: {
    list: (id: string) => buildPath(r.groups.list, { id }),
    one: (id: string, groupId: string) => buildPath(r.groups.one, { id, groupId }),
    offsetsPreview: (id: string, groupId: string) => buildPath(r.groups.offsetsPreview, { id, groupId }),
    offsetsReset: (id: string, groupId: string) => buildPath(r.groups.offsetsReset, { id, groupId }),
    topicOffsets: (id: string, groupId: string, topic: string) =>
      buildPath(r.groups.topicOffsets, { id, groupId, topic }),
  },
  security: {
    acls: (id: string) => buildPath(r.security.acls, { id }),
    quotas: (id: string) => buildPath(r.security.quotas, { id }),
    scramUsers: (id: string) => buildPath(r.security.scramUsers, { id }),
  },
  messages: {
    list: (id: string, name: string) => buildPath(r.messages.list, { id, name }),
    search: (id: string, name: string) => buildPath(r.messages.search, { id, name }),
    export: (id: string, name: string) => buildPath(r.messages.export, { id, name }),
  },
  replicas: {
    plan: (id: string) => buildPath(r.replicas.plan, { id }),
    reassignments: (id: string) => buildPath(r.replicas.reassignments, { id }),
    replicationFactor: (id: string, name: string) => buildPath(r.replicas.replicationFactor, { id, name }),
    elections: (id: string) => buildPath(r.replicas.elections, { id }),
  },
  jobs: {
    list: (id: string) => buildPath(r.jobs.list, { id }),
    one: (id: string, jobId: string) => buildPath(r.jobs.one, { id, jobId }),
    cancel: (id: string, jobId: string) => buildPath(r.jobs.cancel, { id, jobId }),
  },
};
