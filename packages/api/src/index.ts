/**
 * @weir/api: Weir's HTTP contract. One TypeBox schema module per noun (the server validates and
 * serialises with them, the OpenAPI document is generated from them), the types derived from them,
 * the route paths, and a typed client for the console, the CLI and tests. Depends on TypeBox only.
 */
export * from './audit.ts';
export * from './auth.ts';
export * from './brokers.ts';
export * from './client.ts';
export * from './clusters.ts';
export * from './common.ts';
export * from './display.ts';
export * from './groups.ts';
export * from './health.ts';
export * from './jobs.ts';
export * from './messages.ts';
export * from './path-names.ts';
export * from './paths.ts';
export * from './plugins.ts';
export * from './replicas.ts';
export * from './schema-kit.ts';
export * from './schemas.ts';
export * from './security.ts';
export * from './serdes.ts';
export * from './topics.ts';
export { ApiProblem, type ApiResponse, type RequestOptions, type TransportOptions } from './transport.ts';
