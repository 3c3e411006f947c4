import { accessSync, constants, mkdirSync, readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything Weir reads from its environment, validated once at start-up. */
export interface WeirConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  /** Base64 of 32 bytes; when unset, a key file in the data directory is used. */
  secretKey: string | undefined;
  logLevel: LogLevel;
  /** Addresses or CIDRs of reverse proxies whose X-Forwarded-* headers are believed; empty: none. */
  trustProxy: string[];
  /** npm packages to load as plugins, resolved from where Weir runs. */
  plugins: string[];
  /** Folder whose subfolders are plugins. */
  pluginsDir: string;
}

/** One row per setting: its file key, environment name, flag, default and description. */
export const CONFIG_SETTINGS = [
  {
    key: 'host',
    env: 'WEIR_HOST',
    flag: 'host',
    default: '127.0.0.1',
    description: 'Address the HTTP server binds to.',
  },
  {
    key: 'port',
    env: 'WEIR_PORT',
    flag: 'port',
    default: '8080',
    description: 'HTTP port (0 picks a free one).',
  },
  {
    key: 'dataDir',
    env: 'WEIR_DATA_DIR',
    flag: 'data-dir',
    default: './data',
    description: 'Directory for the embedded SQLite store and the secret key file.',
  },
  {
    key: 'databaseUrl',
    env: 'WEIR_DATABASE_URL',
    flag: 'database-url',
    default: '',
    description: 'postgres:// URL to use PostgreSQL instead of the embedded SQLite store.',
  },
  {
    key: 'adminPassword',
    env: 'WEIR_ADMIN_PASSWORD',
    flag: 'admin-password',
    default: '',
    description: 'Password of the `admin` user created at first start (random and printed once when unset).',
  },
  {
    key: 'secretKey',
    env: 'WEIR_SECRET_KEY',
    flag: 'secret-key',
    default: '',
    description:
      'Base64 of 32 random bytes encrypting stored secrets (required when instances share PostgreSQL); default: data-dir/secret.key, created at first start.',
  },
  {
    key: 'logLevel',
    env: 'WEIR_LOG_LEVEL',
    flag: 'log-level',
    default: 'info',
    description: `Log level: ${LOG_LEVELS.join(', ')}.`,
  },
  {
    key: 'trustProxy',
    env: 'WEIR_TRUST_PROXY',
    flag: 'trust-proxy',
    default: '',
    description:
      'Comma-separated addresses or CIDRs of reverse proxies (e.g. 10.0.0.5,192.168.1.0/24, or loopback) whose X-Forwarded-Proto/For/Host Weir believes, so the session cookie gets Secure behind a TLS proxy; empty: trust none.',
  },
  {
    key: 'plugins',
    env: 'WEIR_PLUGINS',
    flag: 'plugins',
    default: '',
    description:
      'Comma-separated npm packages to load as plugins (installed where Weir runs), e.g. @acme/weir-slack,weir-plugin-naming.',
  },
  {
    key: 'pluginsDir',
    env: 'WEIR_PLUGINS_DIR',
    flag: 'plugins-dir',
    default: '',
    description:
      'Folder whose subfolders are plugins, each with a package.json or an index.js/index.ts (see docs/plugins.md); default: data-dir/plugins.',
  },
] as const;

type SettingKey = (typeof CONFIG_SETTINGS)[number]['key'];
type RawConfig = Partial<Record<SettingKey, string>>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Weir cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface ConfigSources {
  env: Record<string, string | undefined>;
  /** Flag values by setting key, as parsed by the CLI. */
  flags?: RawConfig;
  /** Path of an optional JSON config file (also taken from WEIR_CONFIG). */
  configFile?: string;
  cwd?: string;
}

const settingKeys = new Set<string>(CONFIG_SETTINGS.map((s) => s.key));

function readConfigFile(path: string, problems: string[]): RawConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`config file ${path}: cannot be read as JSON (${(error as Error).message}).`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`config file ${path}: must hold a JSON object such as {"port": 8080}.`);
    return {};
  }
  const raw: RawConfig = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!settingKeys.has(key)) {
      problems.push(
        `config file ${path}: unknown key "${key}"; known keys are ${[...settingKeys].join(', ')}.`,
      );
    } else if (typeof value !== 'string' && typeof value !== 'number') {
      problems.push(`config file ${path}: "${key}" must be a string or number.`);
    } else {
      raw[key as SettingKey] = String(value);
    }
  }
  return raw;
}

/** Names a setting the way the user gave it, so a problem points at the right place. */
function origin(key: SettingKey, sources: ConfigSources): string {
  const setting = CONFIG_SETTINGS.find((s) => s.key === key)!;
  if (sources.flags?.[key] !== undefined) return `--${setting.flag}`;
  if (sources.env[setting.env] !== undefined) return setting.env;
  return key;
}

function checkDataDir(dataDir: string, where: string, problems: string[]): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    if (!statSync(dataDir).isDirectory()) throw new Error('not a directory');
    accessSync(dataDir, constants.R_OK | constants.W_OK);
  } catch (error) {
    problems.push(
      `${where}: data directory ${dataDir} is not usable (${(error as Error).message}); point it at a directory Weir can create, read and write.`,
    );
  }
}

/** The names proxy-addr (Fastify's trustProxy) gives to address ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry) || isIP(entry) !== 0) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || prefix === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function parseTrustedProxies(text: string, where: string, problems: string[]): string[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      problems.push(
        `${where}: "${entry}" is not a proxy address; use IP addresses or CIDRs separated by commas (e.g. 10.0.0.5,192.168.1.0/24), or ${PROXY_RANGE_NAMES.join(', ')}.`,
      );
    }
  }
  return entries;
}

/**
 * Reads flags, then environment, then the config file, then defaults, and validates every value.
 * Throws ConfigError listing every problem at once.
 */
export function loadConfig(sources: ConfigSources): WeirConfig {
  const problems: string[] = [];
  const configFile = sources.configFile ?? sources.env.WEIR_CONFIG;
  const fromFile = configFile ? readConfigFile(configFile, problems) : {};
  const value = (key: SettingKey): string => {
    const setting = CONFIG_SETTINGS.find((s) => s.key === key)!;
    return sources.flags?.[key] ?? sources.env[setting.env] ?? fromFile[key] ?? setting.default;
  };

  const host = value('host').trim();
  if (host === '') problems.push(`${origin('host', sources)}: must not be empty; use 127.0.0.1 or 0.0.0.0.`);

  const portText = value('port').trim();
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    problems.push(
      `${origin('port', sources)}: "${portText}" is not a port; use a whole number from 0 to 65535.`,
    );
  }

  const dataDir = resolve(sources.cwd ?? process.cwd(), value('dataDir'));
  const databaseUrl = value('databaseUrl').trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      `${origin('databaseUrl', sources)}: must be a postgres:// URL such as postgres://weir:secret@db:5432/weir, or empty for the embedded SQLite store.`,
    );
  }
  // SQLite lives in the data directory; with PostgreSQL it still holds the secret key file.
  checkDataDir(dataDir, origin('dataDir', sources), problems);

  const adminPassword = value('adminPassword') || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    problems.push(`${origin('adminPassword', sources)}: must be at least 8 characters long.`);
  }

  const secretKey = value('secretKey').trim() || undefined;
  if (secretKey !== undefined && Buffer.from(secretKey, 'base64').length !== 32) {
    problems.push(
      `${origin('secretKey', sources)}: must be base64 of 32 bytes; generate one with: openssl rand -base64 32.`,
    );
  }

  const logLevel = value('logLevel').trim();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(
      `${origin('logLevel', sources)}: "${logLevel}" is not a log level; use one of ${LOG_LEVELS.join(', ')}.`,
    );
  }

  const trustProxy = parseTrustedProxies(value('trustProxy'), origin('trustProxy', sources), problems);

  const plugins = value('plugins')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of plugins)
    if (!/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name))
      problems.push(
        `${origin('plugins', sources)}: "${name}" is not an npm package name; use names such as weir-plugin-naming or @acme/weir-slack, separated by commas.`,
      );
  const pluginsDirText = value('pluginsDir').trim();
  const pluginsDir = pluginsDirText
    ? resolve(sources.cwd ?? process.cwd(), pluginsDirText)
    : join(dataDir, 'plugins');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host,
    port,
    dataDir,
    databaseUrl,
    adminPassword,
    secretKey,
    logLevel: logLevel as LogLevel,
    trustProxy,
    plugins,
    pluginsDir,
  };
}

/** The config as it may be logged: secrets masked. */
export function describeConfig(config: WeirConfig): Record<string, unknown> {
  return {
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    store: config.databaseUrl ? maskUrl(config.databaseUrl) : 'sqlite',
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    plugins: config.plugins,
    pluginsDir: config.pluginsDir,
  };
}

function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://***';
  }
}
