import { CliError, parseCommandArgs } from '@weir/cli';
import { CONFIG_SETTINGS, ConfigError, loadConfig, type RunningServer, startServer } from '@weir/server';

const HELP = `weir serve — run the Weir server

Options (each also an environment variable; flags win over the environment, which wins over the file):
${CONFIG_SETTINGS.map((s) => `  --${s.flag.padEnd(16)} ${s.env.padEnd(20)} ${s.description}${s.default ? ` Default: ${s.default}.` : ''}`).join('\n')}
  --config <file>    WEIR_CONFIG          JSON file with any of: ${CONFIG_SETTINGS.map((s) => s.key).join(', ')}.`;

const SHUTDOWN_GRACE_MS = 10_000;

/** `weir serve`: starts the server from flags, environment and file; SIGTERM or SIGINT stop it gracefully. */
export async function serveCommand(args: string[]): Promise<void> {
  const options = Object.fromEntries(CONFIG_SETTINGS.map((s) => [s.flag, { type: 'string' as const }]));
  const { values, positionals } = parseCommandArgs(args, { ...options, config: { type: 'string' } }, HELP, {
    command: 'serve',
  });
  if (positionals.length > 0)
    throw new CliError(`weir serve takes no arguments, got "${positionals.join(' ')}".`);
  const flags = Object.fromEntries(
    CONFIG_SETTINGS.filter((s) => typeof values[s.flag] === 'string').map((s) => [
      s.key,
      values[s.flag] as string,
    ]),
  );
  let server: RunningServer;
  try {
    const config = loadConfig({ env: process.env, flags, configFile: values.config as string | undefined });
    server = await startServer(config);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    if ((error as Error).name === 'StoreUnavailableError')
      throw new CliError(`Weir cannot start: ${(error as Error).message}`);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(
        `Weir cannot start: ${(error as Error).message}. Choose another port with --port or WEIR_PORT.`,
      );
    }
    throw error;
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.http.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      server.http.log.error('in-flight work did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.http.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
