import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from './config.ts';

/** Paths pino replaces with [redacted] wherever they appear in a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.adminPassword',
  '*.secret',
  '*.token',
  '*.saslPassword',
  '*.privateKey',
  '*.databaseUrl',
  '*.secretKey',
];

export function loggerOptions(level: LogLevel): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
}
