import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { Problem } from '@weir/api';
import type { Store } from '@weir/store';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { auditRoutes } from './audit/audit.routes.ts';
import { AuditService } from './audit/audit.service.ts';
import { ApiTokensService } from './auth/api-tokens.service.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { AuthService } from './auth/auth.service.ts';
import { LoginRateLimiter, type LoginThrottlePolicy } from './auth/login-rate-limiter.ts';
import { brokersRoutes } from './brokers/brokers.routes.ts';
import { BrokersService } from './brokers/brokers.service.ts';
import { AuditedChanges } from './changes/audited-change.ts';
import { ConfigChanges } from './changes/config-changes.ts';
import { ClusterConnections } from './clusters/cluster-connections.ts';
import { clustersRoutes } from './clusters/clusters.routes.ts';
import { ClustersService } from './clusters/clusters.service.ts';
import { probeConnection } from './clusters/connection-probe.ts';
import { overviewRoutes } from './clusters/overview.routes.ts';
import { SnapshotsService } from './clusters/snapshots.service.ts';
import { ZooKeeperService } from './clusters/zookeeper.service.ts';
import { consoleRoutes, DEFAULT_WEB_DIR } from './console/console.routes.ts';
import { groupsRoutes } from './groups/groups.routes.ts';
import { GroupsService } from './groups/groups.service.ts';
import { healthRoutes } from './health/health.routes.ts';
import { pluginChecksRoutes } from './health/plugin-checks.routes.ts';
import { PluginChecks } from './health/plugin-checks.ts';
import { installAccessControl } from './http/access-control.ts';
import { installBrowserDefences, openApiExplorerHooks } from './http/browser-defences.ts';
import { installJsonBodyParser } from './http/json-body.ts';
import { optionalDefaults } from './http/openapi.ts';
import { installPathNameDecoding } from './http/path-names.ts';
import {
  installProblemHandlers,
  MAX_PATH_PARAM_LENGTH,
  sendClientError,
  sendFrameworkProblem,
} from './http/problem.ts';
import { buildValidators } from './http/validation.ts';
import { jobsRoutes } from './jobs/jobs.routes.ts';
import { JobsService } from './jobs/jobs.service.ts';
import { FilterPool } from './messages/filter-pool.ts';
import { messagesRoutes } from './messages/messages.routes.ts';
import { MessagesService } from './messages/messages.service.ts';
import { BUILTIN_PLUGINS } from './plugins/builtin-plugin.ts';
import { PluginHost } from './plugins/plugin-host.ts';
import { discoverPlugins } from './plugins/plugin-loader.ts';
import { PluginSettings } from './plugins/plugin-settings.ts';
import { pluginsRoutes } from './plugins/plugins.routes.ts';
import { REASSIGNMENT_JOB, ReassignmentJob } from './replicas/reassignment.job.ts';
import { replicasRoutes } from './replicas/replicas.routes.ts';
import { ReplicasService } from './replicas/replicas.service.ts';
import { schemasRoutes } from './schemas/schemas.routes.ts';
import { SchemasService } from './schemas/schemas.service.ts';
import type { SecretBox } from './secrets/secret-box.ts';
import { securityRoutes } from './security/security.routes.ts';
import { SecurityService } from './security/security.service.ts';
import { serdesRoutes } from './serdes/serdes.routes.ts';
import { SerdesService } from './serdes/serdes.service.ts';
import { MESSAGE_COUNT_JOB, MessageCountJob } from './topics/message-count.job.ts';
import { messageCountRoutes } from './topics/message-count.routes.ts';
import { MessageCountService } from './topics/message-count.service.ts';
import { topicsRoutes } from './topics/topics.routes.ts';
import { TopicsService } from './topics/topics.service.ts';
import { WEIR_VERSION } from './version.ts';

export interface AppOptions {
  store: Store;
  secretBox: SecretBox;
  logger?: FastifyServerOptions['logger'];
  webDir?: string;
  /** Login throttling; default DEFAULT_LOGIN_THROTTLE. */
  loginPolicy?: LoginThrottlePolicy;
  /** How often running jobs check their progress. */
  jobPollMs?: number;
  /** Proxy addresses or CIDRs whose X-Forwarded-Proto/For/Host Weir believes (config trustProxy). */
  trustProxy?: string[];
  /** Plugins beyond the built-in ones: npm packages (resolved from `cwd`) and a plugins folder. */
  plugins?: { packages?: string[]; directory?: string | null; cwd?: string };
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: string | undefined;
}

export interface App {
  http: FastifyInstance;
  auth: AuthService;
  clusters: ClustersService;
  snapshots: SnapshotsService;
  jobs: JobsService;
  plugins: PluginHost;
  /** Every route as registered, so tests can walk them all. */
  routes: RegisteredRoute[];
}

/** Wires services to routes. Everything that talks to the outside world is passed in. */
export async function buildApp(options: AppOptions): Promise<App> {
  const http = Fastify({
    logger: options.logger ?? false,
    // Access logs for the API only: probes and console assets would drown them.
    logController: new LogController({
      disableRequestLogging: (request) => !request.url.startsWith('/api/'),
    }),
    bodyLimit: 5 * 1024 * 1024,
    // Forwarded headers are believed only from the listed proxies; from anyone else they are ignored.
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
    schemaController: { compilersFactory: { buildValidator: buildValidators } },
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    frameworkErrors: sendFrameworkProblem,
    clientErrorHandler: sendClientError,
  });
  const audit = new AuditService(options.store.audit, options.store.clusters);
  const auth = new AuthService({
    store: options.store,
    audit,
    limiter: new LoginRateLimiter(options.loginPolicy),
  });
  const apiTokens = new ApiTokensService(options.store.apiTokens, audit);
  let connections: ClusterConnections | undefined;
  let snapshots: SnapshotsService | undefined;
  const clusters = new ClustersService({
    clusters: options.store.clusters,
    secretBox: options.secretBox,
    audit,
    probe: probeConnection,
    onChange: (clusterId) => {
      snapshots?.forget(clusterId);
      void connections?.drop(clusterId);
    },
  });
  connections = new ClusterConnections(clusters);
  snapshots = new SnapshotsService(connections);
  const zookeeper = new ZooKeeperService(clusters);
  const snapshotsForReads = snapshots;
  const changes = new AuditedChanges({ snapshots, audit });
  const jobs = new JobsService(options.store.jobs, {
    pollMs: options.jobPollMs,
    onFinish: (job) =>
      audit.record(
        { name: 'weir' },
        {
          action: `job.${job.state}`,
          clusterId: job.clusterId,
          targetType: 'job',
          target: job.id,
          after: { kind: job.kind, startedBy: job.createdBy },
          result: job.state === 'failed' ? 'failure' : 'success',
          detail: job.error,
        },
      ),
  });
  jobs.register(REASSIGNMENT_JOB, new ReassignmentJob({ connections, clusters }));
  jobs.register(MESSAGE_COUNT_JOB, new MessageCountJob(connections));
  const counts = new MessageCountService({ connections, changes, jobs });
  const topics = new TopicsService({ connections, changes, snapshots });
  const configs = new ConfigChanges({ connections, changes });
  const brokers = new BrokersService({ connections, snapshots });
  const security = new SecurityService({ connections, zookeeper });
  const groups = new GroupsService({ connections, changes, snapshots });
  const replicas = new ReplicasService({ connections, changes, clusters, jobs });
  const plugins = new PluginHost({
    settings: new PluginSettings(options.store.settings, options.secretBox),
    state: options.store.settings,
    log: http.log,
  });
  await plugins.load([
    ...BUILTIN_PLUGINS,
    ...discoverPlugins({
      packages: options.plugins?.packages ?? [],
      directory: options.plugins?.directory ?? null,
      cwd: options.plugins?.cwd ?? process.cwd(),
    }),
  ]);
  const serdes = new SerdesService({
    host: plugins,
    settings: options.store.settings,
    schemas: options.store.schemas,
    clusters,
    audit,
  });
  const schemas = new SchemasService({ schemas: options.store.schemas, serdes, host: plugins, audit });
  const pluginChecks = new PluginChecks({ host: plugins, snapshots, clusters });
  const filterPool = new FilterPool();
  const messages = new MessagesService({ connections, changes, filters: filterPool, serdes });
  const openConnections = connections;
  // Jobs stop before the connections they use close; their state stays as it was, for the next start.
  http.addHook('onClose', async () => {
    await jobs.stop();
    await openConnections.closeAll();
    await filterPool.close();
  });

  const routes: RegisteredRoute[] = [];
  http.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });
  installProblemHandlers(http);
  installJsonBodyParser(http);
  installPathNameDecoding(http);
  await http.register(fastifyCookie);
  await installBrowserDefences(http);
  installAccessControl(http, auth);
  http.addSchema(Problem);

  await http.register(fastifySwagger, {
    openapi: {
      info: { title: 'Weir API', version: WEIR_VERSION, description: 'Control plane for Apache Kafka' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'weir_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transformObject: (documents) =>
      optionalDefaults('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject),
  });
  await http.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiHooks: openApiExplorerHooks });

  healthRoutes(http, { isReady: () => options.store.ping() });
  await http.register(
    async (api) => {
      authRoutes(api, { auth, apiTokens });
      auditRoutes(api, { audit });
      clustersRoutes(api, { clusters });
      overviewRoutes(api, { snapshots: snapshotsForReads, zookeeper });
      brokersRoutes(api, { brokers, configs });
      topicsRoutes(api, { topics, configs, plugins });
      groupsRoutes(api, { groups });
      securityRoutes(api, { security });
      replicasRoutes(api, { replicas });
      jobsRoutes(api, { jobs });
      messagesRoutes(api, { messages });
      messageCountRoutes(api, { counts });
      pluginsRoutes(api, { host: plugins, audit });
      schemasRoutes(api, { schemas });
      serdesRoutes(api, { serdes });
      pluginChecksRoutes(api, { checks: pluginChecks });
    },
    { prefix: '/api/v1' },
  );
  await consoleRoutes(http, { webDir: options.webDir ?? DEFAULT_WEB_DIR });
  await jobs.resumeUnfinished();
  return { http, auth, clusters, snapshots, jobs, plugins, routes };
}
