import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { clientOf, principalOf, SESSION_COOKIE } from '../http/access-control.ts';
import { noControlCharacters, problemResponses } from '../http/schemas.ts';
import type { ApiTokensService } from './api-tokens.service.ts';
import { type AuthService, SESSION_IDLE_TTL_MS } from './auth.service.ts';

const UserSchema = Type.Object({ id: Type.String(), username: Type.String(), role: Type.String() });
const UserReply = Type.Object({ user: UserSchema });

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 12, maxLength: 1024, description: 'At least 12 characters' }),
  },
  { additionalProperties: false },
);

const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the token, to tell tokens apart' }),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, ...noControlCharacters }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365, default: 90 }),
  },
  { additionalProperties: false },
);

const TokenIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const tags = ['auth'];

type Deps = { auth: AuthService; apiTokens: ApiTokensService };

/** Sign-in, sign-out, the signed-in user, password changes and API tokens. */
export function authRoutes(app: FastifyInstance, deps: Deps): void {
  loginRoute(app, deps);
  logoutRoute(app, deps);
  meRoute(app, deps);
  changePasswordRoute(app, deps);
  listTokensRoute(app, deps);
  createTokenRoute(app, deps);
  revokeTokenRoute(app, deps);
}

function loginRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in with username and password; sets the session cookie',
        body: LoginBody,
        response: { 200: UserReply, ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = await deps.auth.login(request.body, clientOf(request));
      reply.setCookie(SESSION_COOKIE, session.sessionSecret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: Math.floor(SESSION_IDLE_TTL_MS / 1000),
      });
      return { user: session.user };
    },
  );
}

function logoutRoute(app: FastifyInstance, deps: Deps): void {
  app.post(
    '/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'End the current session',
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deps.auth.logout(principalOf(request), clientOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );
}

function meRoute(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The logged-in user', response: { 200: UserReply, ...problemResponses } },
    },
    async (request) => ({ user: await deps.auth.me(principalOf(request)) }),
  );
}

function changePasswordRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof ChangePasswordBody> }>(
    '/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "Change the caller's password; the caller's other sessions end",
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deps.auth.changePassword(principalOf(request), request.body, clientOf(request));
      return reply.code(204).send();
    },
  );
}

function listTokensRoute(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "The caller's API tokens (never their secrets)",
        response: { 200: Type.Object({ tokens: Type.Array(ApiTokenSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ tokens: await deps.apiTokens.list(principalOf(request)) }),
  );
}

function createTokenRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof CreateTokenBody> }>(
    '/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Create a personal API token; its secret is returned only in this response',
        body: CreateTokenBody,
        response: {
          201: Type.Object({ token: ApiTokenSchema, secret: Type.String() }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const created = await deps.apiTokens.create(principalOf(request), request.body, clientOf(request));
      return reply.code(201).send(created);
    },
  );
}

function revokeTokenRoute(app: FastifyInstance, deps: Deps): void {
  app.delete<{ Params: Static<typeof TokenIdParams> }>(
    '/auth/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: TokenIdParams,
        response: problemResponses,
      },
    },
    async (request, reply) => {
      await deps.apiTokens.revoke(principalOf(request), request.params.id, clientOf(request));
      return reply.code(204).send();
    },
  );
}
