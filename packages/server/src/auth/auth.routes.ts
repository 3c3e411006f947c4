import { Type } from '@sinclair/typebox';
import {
  ApiTokenList,
  CreatedApiToken,
  LoginRequest,
  NewApiToken,
  PasswordChange,
  type ResolvedNewApiToken,
  routes,
  TokenParams,
  UserReply,
} from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { clientOf, principalOf, SESSION_COOKIE } from '../http/access-control.ts';
import { problemResponses } from '../http/schemas.ts';
import type { ApiTokensService } from './api-tokens.service.ts';
import { type AuthService, SESSION_IDLE_TTL_MS } from './auth.service.ts';

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
  app.post<{ Body: LoginRequest }>(
    routes.auth.login,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in with username and password; sets the session cookie',
        body: LoginRequest,
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
    routes.auth.logout,
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
    routes.auth.me,
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The logged-in user', response: { 200: UserReply, ...problemResponses } },
    },
    async (request) => ({ user: await deps.auth.me(principalOf(request)) }),
  );
}

function changePasswordRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: PasswordChange }>(
    routes.auth.password,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "Change the caller's password; the caller's other sessions end",
        body: PasswordChange,
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
    routes.auth.tokens,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "The caller's API tokens (never their secrets)",
        response: { 200: ApiTokenList, ...problemResponses },
      },
    },
    async (request) => ({ tokens: await deps.apiTokens.list(principalOf(request)) }),
  );
}

function createTokenRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: ResolvedNewApiToken }>(
    routes.auth.tokens,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Create a personal API token; its secret is returned only in this response',
        body: NewApiToken,
        response: { 201: CreatedApiToken, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await deps.apiTokens.create(principalOf(request), request.body, clientOf(request));
      return reply.code(201).send(created);
    },
  );
}

function revokeTokenRoute(app: FastifyInstance, deps: Deps): void {
  app.delete<{ Params: TokenParams }>(
    routes.auth.token,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: TokenParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deps.apiTokens.revoke(principalOf(request), request.params.id, clientOf(request));
      return reply.code(204).send();
    },
  );
}
