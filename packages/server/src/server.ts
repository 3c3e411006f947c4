import { openStore, type Store } from '@weir/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { startSnapshotRefresher } from './clusters/snapshot-refresher.ts';
import { describeConfig, type WeirConfig } from './config.ts';
import { loggerOptions } from './logger.ts';
import { loadSecretKey, SecretBox } from './secrets/secret-box.ts';
import { WEIR_VERSION } from './version.ts';

/** How often every cluster's snapshot is refreshed in the background. */
const SNAPSHOT_REFRESH_MS = 60_000;

export interface RunningServer {
  url: string;
  http: FastifyInstance;
  store: Store;
  /** Stops accepting connections, lets in-flight requests finish, closes the store. */
  close(): Promise<void>;
}

/** Opens the store, creates the first admin if needed, and listens. */
export async function startServer(
  config: WeirConfig,
  options: { webDir?: string } = {},
): Promise<RunningServer> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  let http: FastifyInstance | undefined;
  try {
    const secretBox = new SecretBox(loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
    const app = await buildApp({
      store,
      secretBox,
      logger: loggerOptions(config.logLevel),
      trustProxy: config.trustProxy,
      plugins: { packages: config.plugins, directory: config.pluginsDir },
      webDir: options.webDir,
    });
    http = app.http;
    const log = http.log;
    log.info({ version: WEIR_VERSION, config: describeConfig(config), schema: store.migration }, 'starting');
    const admin = await app.auth.ensureInitialAdmin(config.adminPassword);
    if (admin?.generatedPassword) {
      log.warn(
        {
          username: 'admin',
          initialPassword: admin.generatedPassword,
          note: 'shown only once; change it after login (POST /api/v1/auth/password)',
        },
        'created initial admin user',
      );
    } else if (admin) {
      log.info({ username: 'admin', passwordSource: 'WEIR_ADMIN_PASSWORD' }, 'created initial admin user');
    }
    await http.listen({
      host: config.host,
      port: config.port,
      listenTextResolver: () => 'http server bound',
    });
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    log.info({ url }, 'listening');
    const stopRefresher = startSnapshotRefresher({
      clusters: app.clusters,
      snapshots: app.snapshots,
      log,
      intervalMs: SNAPSHOT_REFRESH_MS,
    });
    const server = http;
    return {
      url,
      http: server,
      store,
      close: async () => {
        stopRefresher();
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await http?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}
