/**
 * Every shape the API answers with or takes, for the console and the CLI to import type-only
 * (`@weir/server/api-types`). Each file below is import-free, so clients never pull the server's
 * dependencies into their type graph.
 */
export type * from './clusters/read-model.types.ts';
export type * from './messages/messages.types.ts';
export type * from './operations/operations.types.ts';
