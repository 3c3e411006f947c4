import type { User } from '@weir/api';
import type { Store, UserRecord } from '@weir/store';
import type { AuditService } from '../audit/audit.service.ts';
import { InputError, TooManyRequestsError, UnauthenticatedError } from '../errors.ts';
import type { LoginRateLimiter } from './login-rate-limiter.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import type { Principal } from './principal.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secret-tokens.ts';

export const SESSION_IDLE_TTL_MS = 12 * 60 * 60 * 1000;
// Extending a session on every request would write on every request; once per few minutes is enough.
const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;
const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const toPublicUser = (user: Pick<UserRecord, 'id' | 'username' | 'role'>): User => ({
  id: user.id,
  username: user.username,
  role: user.role,
});

const INVALID_CREDENTIALS = 'Invalid username or password.';

// Verifying against a real hash when the user does not exist keeps the timing from telling which was wrong.
const decoyHash = hashPassword(generatePassword());

export interface AuthServiceDeps {
  store: Pick<Store, 'users' | 'sessions' | 'apiTokens'>;
  audit: AuditService;
  limiter: LoginRateLimiter;
  now?: () => number;
}

export class AuthService {
  readonly #store: AuthServiceDeps['store'];
  readonly #audit: AuditService;
  readonly #limiter: LoginRateLimiter;
  readonly #now: () => number;

  constructor(deps: AuthServiceDeps) {
    this.#store = deps.store;
    this.#audit = deps.audit;
    this.#limiter = deps.limiter;
    this.#now = deps.now ?? Date.now;
  }

  /** Creates `admin` on an empty store. Returns the password only when Weir generated it. */
  async ensureInitialAdmin(
    configuredPassword: string | undefined,
  ): Promise<{ generatedPassword?: string } | null> {
    if ((await this.#store.users.count()) > 0) return null;
    const password = configuredPassword ?? generatePassword();
    const now = this.#now();
    await this.#store.users.insert({
      id: crypto.randomUUID(),
      username: 'admin',
      passwordHash: await hashPassword(password),
      role: 'admin',
      disabled: false,
      createdAt: now,
      updatedAt: now,
    });
    return configuredPassword ? {} : { generatedPassword: password };
  }

  /**
   * Checks a user name and password and starts a session. Throttled per (user, address), per user
   * and per address with growing waits (see DEFAULT_LOGIN_THROTTLE): throws TooManyRequestsError
   * (429, with the seconds to wait) while throttled, UnauthenticatedError (401) for wrong
   * credentials, a disabled user or an unknown one alike.
   */
  async login(
    credentials: { username: string; password: string },
    client: ClientInfo,
  ): Promise<{ user: User; sessionSecret: string; expiresAt: number }> {
    const now = this.#now();
    const attempt = { username: credentials.username, ip: client.ip };
    // Checked before the password, so a throttled guess learns nothing, right or wrong.
    const waitMs = this.#limiter.waitMs(attempt, now);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new TooManyRequestsError(
        `Too many failed logins for this user name or from this address. Try again in ${seconds} seconds; each further failure doubles the wait.`,
        seconds,
      );
    }
    const user = await this.#store.users.findByUsername(credentials.username);
    const passwordOk = await verifyPassword(credentials.password, user?.passwordHash ?? (await decoyHash));
    if (!user || !passwordOk || user.disabled) {
      this.#limiter.recordFailure(attempt, this.#now());
      await this.#audit.record(
        { name: credentials.username, ip: client.ip },
        { action: 'auth.login', targetType: 'session', result: 'failure', detail: 'invalid credentials' },
      );
      throw new UnauthenticatedError(INVALID_CREDENTIALS, { code: 'auth.invalid-credentials' });
    }
    this.#limiter.recordSuccess(attempt);
    const sessionSecret = newSecret();
    const expiresAt = now + SESSION_IDLE_TTL_MS;
    await this.#store.sessions.insert({
      idHash: hashSecret(sessionSecret),
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    const principal: Principal = {
      userId: user.id,
      username: user.username,
      role: user.role,
      via: 'session',
    };
    await this.#audit.record(
      { principal, ip: client.ip },
      { action: 'auth.login', targetType: 'session', result: 'success' },
    );
    return { user: toPublicUser(user), sessionSecret, expiresAt };
  }

  async logout(principal: Principal, client: ClientInfo): Promise<void> {
    if (principal.sessionHash) await this.#store.sessions.delete(principal.sessionHash);
    await this.#audit.record(
      { principal, ip: client.ip },
      { action: 'auth.logout', targetType: 'session', result: 'success' },
    );
  }

  /** Resolves the caller from a session cookie or a Bearer token; undefined when neither is valid. */
  async authenticate(credentials: {
    sessionSecret?: string;
    bearerToken?: string;
  }): Promise<Principal | undefined> {
    const now = this.#now();
    if (credentials.bearerToken?.startsWith(API_TOKEN_PREFIX)) {
      const token = await this.#store.apiTokens.findLiveByHash(hashSecret(credentials.bearerToken), now);
      if (!token) return undefined;
      const user = await this.#store.users.findById(token.userId);
      if (!user || user.disabled) return undefined;
      if (token.lastUsedAt === null || now - token.lastUsedAt > TOKEN_TOUCH_INTERVAL_MS) {
        await this.#store.apiTokens.markUsed(token.id, now);
      }
      return { userId: user.id, username: user.username, role: user.role, via: 'token', tokenId: token.id };
    }
    if (credentials.sessionSecret) {
      const idHash = hashSecret(credentials.sessionSecret);
      const session = await this.#store.sessions.findLive(idHash, now);
      if (!session) return undefined;
      const user = await this.#store.users.findById(session.userId);
      if (!user || user.disabled) return undefined;
      if (now - session.lastSeenAt > SESSION_TOUCH_INTERVAL_MS) {
        await this.#store.sessions.touch(idHash, now, now + SESSION_IDLE_TTL_MS);
      }
      return {
        userId: user.id,
        username: user.username,
        role: user.role,
        via: 'session',
        sessionHash: idHash,
      };
    }
    return undefined;
  }

  /** Changes the caller's password after checking the current one; other sessions of the user end. */
  async changePassword(
    principal: Principal,
    request: { currentPassword: string; newPassword: string },
    client: ClientInfo,
  ): Promise<void> {
    const user = await this.#store.users.findById(principal.userId);
    if (!user || !(await verifyPassword(request.currentPassword, user.passwordHash))) {
      await this.#audit.record(
        { principal, ip: client.ip },
        { action: 'auth.password-change', targetType: 'user', target: principal.username, result: 'failure' },
      );
      throw new InputError('The current password is wrong.', ['body.currentPassword: does not match.']);
    }
    if (request.newPassword === request.currentPassword) {
      throw new InputError('The new password must differ from the current one.', [
        'body.newPassword: unchanged.',
      ]);
    }
    await this.#store.users.updatePassword(user.id, await hashPassword(request.newPassword), this.#now());
    await this.#store.sessions.deleteForUser(user.id, principal.sessionHash);
    await this.#audit.record(
      { principal, ip: client.ip },
      { action: 'auth.password-change', targetType: 'user', target: principal.username, result: 'success' },
    );
  }

  async me(principal: Principal): Promise<User> {
    const user = await this.#store.users.findById(principal.userId);
    if (!user) throw new UnauthenticatedError();
    return toPublicUser(user);
  }
}
