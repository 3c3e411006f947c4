import {
  type Static,
  type TArray,
  type TObject,
  type TOptional,
  type TSchema,
  type TUnion,
  type TUnsafe,
  Type,
} from '@sinclair/typebox';

/**
 * A union of string literals whose static type keeps each value (`Type.Union(values.map(…))` alone
 * widens to `string`). The schema is a plain `anyOf` of `const`s, which validation-problems.ts
 * reports as "use one of …".
 */
export const Literals = <const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((value) => Type.Literal(value)),
      options,
    ),
  );

/** One of `values`, or null: one flat `anyOf`, as the server's schemas have it. */
export const NullableLiterals = <const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number] | null> =>
  Type.Unsafe<T[number] | null>(
    Type.Union([...values.map((value) => Type.Literal(value)), Type.Null()], options),
  );

/** `schema` or null; null is the value for "unknown" or "not set" throughout the API. */
export const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
  Type.Union([schema, Type.Null()], options);

/** Null first: with type coercion on, a string branch would turn null into "". */
export const NullFirst = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
  Type.Union([Type.Null(), schema], options);

/**
 * Marks `schema` as filled in by the server when left out (Ajv's `useDefaults`). The handler's type,
 * `Static`, keeps the field required because validation always sets it; a caller's type,
 * {@link StaticInput}, makes it optional. Sets `default` on `schema` itself, so pass a fresh one, never
 * a schema shared with fields that have no default.
 */
export const Defaulted = <T extends TSchema>(schema: T, value: Static<T>): T & { default: Static<T> } =>
  Object.assign(schema, { default: value });

type IsOptionalInput<S> = S extends TOptional<TSchema> ? true : S extends { default: unknown } ? true : false;
type Evaluate<T> = { [K in keyof T]: T[K] } & {};

/**
 * What a caller may send for a request schema: as `Static<T>`, except that fields with a default
 * ({@link Defaulted}) may be left out, in nested objects, arrays and unions too.
 */
export type StaticInput<T extends TSchema> =
  T extends TObject<infer P>
    ? Evaluate<
        { [K in keyof P as IsOptionalInput<P[K]> extends true ? never : K]: StaticInput<P[K]> } & {
          [K in keyof P as IsOptionalInput<P[K]> extends true ? K : never]?: StaticInput<P[K]>;
        }
      >
    : T extends TArray<infer I>
      ? StaticInput<I>[]
      : T extends TUnion<infer U>
        ? { [I in keyof U]: U[I] extends TSchema ? StaticInput<U[I]> : never }[number]
        : Static<T>;
