export type { App, AppOptions } from './app.ts';
export { buildApp } from './app.ts';
export type { ConfigSources, LogLevel, WeirConfig } from './config.ts';
export { CONFIG_SETTINGS, ConfigError, LOG_LEVELS, loadConfig } from './config.ts';
export type { RunningServer } from './server.ts';
export { startServer } from './server.ts';
export { WEIR_VERSION } from './version.ts';
