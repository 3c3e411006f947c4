import { AjvCompiler, type Options as AjvOptions } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type ValidatorBuilder = NonNullable<NonNullable<SchemaController['compilersFactory']>['buildValidator']>;
type Plugins = NonNullable<Parameters<ReturnType<typeof AjvCompiler>>[1]>['plugins'];
/** What Fastify passes a validator compiler at run time (its declared type names only the schema). */
interface RouteSchema {
  schema: object;
  method: string;
  url: string;
  httpPart?: string;
}
type Compile = (route: RouteSchema) => unknown;

/**
 * Schema annotation with the rule a person can follow, shown instead of a raw pattern when a value
 * does not match (see validation-problems.ts), e.g. `'use host:port, e.g. broker1:9092'`.
 */
export const RULE_KEYWORD = 'x-rule';

const shared: AjvOptions = {
  // Every problem at once, so a form can mark them all; arrays and strings are bounded by maxItems
  // and maxLength, which keeps the number of errors bounded too.
  allErrors: true,
  useDefaults: true,
  removeAdditional: false,
  // parentSchema and data on each error: the formatter needs the allowed values and the value sent.
  verbose: true,
  keywords: [RULE_KEYWORD],
};

/**
 * Two validators: query strings, path parameters and headers are text on the wire, so they are
 * coerced to their schema's type ("3" → 3, "true" → true); a JSON body is taken as sent, so
 * `partitions: "3"` or `tags: "a"` is an error, not a guess.
 */
function buildBoth(externalSchemas: Record<string, object>, serverOptions?: { plugins?: Plugins }): Compile {
  const plugins = serverOptions?.plugins ?? [];
  const textParts = AjvCompiler()(externalSchemas ?? {}, {
    customOptions: { ...shared, coerceTypes: 'array' } as AjvOptions,
    plugins,
  }) as unknown as Compile;
  const body = AjvCompiler()(externalSchemas ?? {}, {
    customOptions: { ...shared, coerceTypes: false } as AjvOptions,
    plugins,
  }) as unknown as Compile;
  return (route) => (route.httpPart === 'body' ? body(route) : textParts(route));
}

/** For `schemaController.compilersFactory.buildValidator`; the casts bridge the declared types above. */
export const buildValidators = buildBoth as unknown as ValidatorBuilder;
