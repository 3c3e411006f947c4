import { type Static, Type } from '@sinclair/typebox';
import { Id, noControlCharacters } from './common.ts';
import { Defaulted, Nullable, type StaticInput } from './schema-kit.ts';

/** Logging in and out, the logged-in user, password changes and personal API tokens. */

export { SESSION_COOKIE } from './cookies.ts';

export const User = Type.Object({ id: Type.String(), username: Type.String(), role: Type.String() });
export type User = Static<typeof User>;
export const UserReply = Type.Object({ user: User });
export type UserReply = Static<typeof UserReply>;

export const LoginRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const PasswordChange = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 12, maxLength: 1024, description: 'At least 12 characters' }),
  },
  { additionalProperties: false },
);
export type PasswordChange = Static<typeof PasswordChange>;

export const ApiTokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the token, to tell tokens apart' }),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type ApiTokenView = Static<typeof ApiTokenView>;
export const ApiTokenList = Type.Object({ tokens: Type.Array(ApiTokenView) });
export type ApiTokenList = Static<typeof ApiTokenList>;

export const NewApiToken = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, ...noControlCharacters }),
    expiresInDays: Defaulted(Type.Integer({ minimum: 1, maximum: 365 }), 90),
  },
  { additionalProperties: false },
);
export type NewApiToken = StaticInput<typeof NewApiToken>;
export type ResolvedNewApiToken = Static<typeof NewApiToken>;

/** A new token and its secret, which is shown only in this answer. */
export const CreatedApiToken = Type.Object({ token: ApiTokenView, secret: Type.String() });
export type CreatedApiToken = Static<typeof CreatedApiToken>;

export const TokenParams = Type.Object({ id: Id });
export type TokenParams = Static<typeof TokenParams>;
