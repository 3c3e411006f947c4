import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Store } from '@weir/store';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { auditRoutes } from './audit/audit.routes.ts';
import { AuditService } from './audit/audit.service.ts';
import { ApiTokensService } from './auth/api-tokens.service.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { AuthService } from './auth/auth.service.ts';
import { LoginRateLimiter } from './auth/login-rate-limiter.ts';
import { ClusterConnections } from './clusters/cluster-connections.ts';
import { clusterReadRoutes } from './clusters/cluster-read.routes.ts';
import { ClusterReadService } from './clusters/cluster-read.service.ts';
import { clustersRoutes } from './clusters/clusters.routes.ts';
import { ClustersService } from './clusters/clusters.service.ts';
import { probeConnection } from './clusters/connection-probe.ts';
import { SnapshotsService } from './clusters/snapshots.service.ts';
import { consoleRoutes, DEFAULT_WEB_DIR } from './console/console.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { installAccessControl } from './http/access-control.ts';
import { installProblemHandlers } from './http/problem.ts';
import { ProblemSchema } from './http/schemas.ts';
import type { SecretBox } from './secrets/secret-box.ts';
import { WEIR_VERSION } from './version.ts';

export interface AppOptions {
  store: Store;
  secretBox: SecretBox;
  logger?: FastifyServerOptions['logger'];
  webDir?: string;
  loginPolicy?: { maxFailures: number; windowMs: number };
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
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  });
  const audit = new AuditService(options.store.audit);
  const auth = new AuthService({
    store: options.store,
    audit,
    limiter: new LoginRateLimiter(options.loginPolicy ?? { maxFailures: 10, windowMs: 15 * 60 * 1000 }),
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
  const reads = new ClusterReadService(snapshots, connections);
  const openConnections = connections;
  http.addHook('onClose', () => openConnections.closeAll());

  const routes: RegisteredRoute[] = [];
  http.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });
  installProblemHandlers(http);
  await http.register(fastifyCookie);
  installAccessControl(http, auth);
  http.addSchema(ProblemSchema);

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
  });
  await http.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  healthRoutes(http, { isReady: () => options.store.ping() });
  await http.register(
    async (api) => {
      authRoutes(api, { auth, apiTokens });
      auditRoutes(api, { audit });
      clustersRoutes(api, { clusters });
      clusterReadRoutes(api, { reads });
    },
    { prefix: '/api/v1' },
  );
  await consoleRoutes(http, { webDir: options.webDir ?? DEFAULT_WEB_DIR });
  return { http, auth, clusters, snapshots, routes };
}
