import type { ApiTokenView } from '@weir/api';
import type { ApiTokenRecord, ApiTokensRepository } from '@weir/store';
import type { AuditService } from '../audit/audit.service.ts';
import { NotFoundError } from '../errors.ts';
import type { ClientInfo } from './auth.service.ts';
import type { Principal } from './principal.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secret-tokens.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const toView = (token: ApiTokenRecord): ApiTokenView => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  createdAt: new Date(token.createdAt).toISOString(),
  expiresAt: new Date(token.expiresAt).toISOString(),
  lastUsedAt: token.lastUsedAt === null ? null : new Date(token.lastUsedAt).toISOString(),
});

/** Personal API tokens: each acts as its owner, expires, and is shown in full only when created. */
export class ApiTokensService {
  readonly #tokens: ApiTokensRepository;
  readonly #audit: AuditService;
  readonly #now: () => number;

  constructor(tokens: ApiTokensRepository, audit: AuditService, now: () => number = Date.now) {
    this.#tokens = tokens;
    this.#audit = audit;
    this.#now = now;
  }

  async create(
    principal: Principal,
    request: { name: string; expiresInDays: number },
    client: ClientInfo,
  ): Promise<{ token: ApiTokenView; secret: string }> {
    const now = this.#now();
    const secret = newSecret(API_TOKEN_PREFIX);
    const record: ApiTokenRecord = {
      id: crypto.randomUUID(),
      userId: principal.userId,
      name: request.name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, API_TOKEN_PREFIX.length + 4),
      createdAt: now,
      expiresAt: now + request.expiresInDays * DAY_MS,
      lastUsedAt: null,
    };
    await this.#tokens.insert(record);
    const token = toView(record);
    await this.#audit.record(
      { principal, ip: client.ip },
      {
        action: 'api-token.create',
        targetType: 'api-token',
        target: record.id,
        after: token,
        result: 'success',
      },
    );
    return { token, secret };
  }

  async list(principal: Principal): Promise<ApiTokenView[]> {
    return (await this.#tokens.listForUser(principal.userId)).map(toView);
  }

  async revoke(principal: Principal, id: string, client: ClientInfo): Promise<void> {
    const token = await this.#tokens.findForUser(principal.userId, id);
    if (!token) throw new NotFoundError(`You have no API token with id ${id}.`);
    await this.#tokens.delete(id);
    await this.#audit.record(
      { principal, ip: client.ip },
      {
        action: 'api-token.revoke',
        targetType: 'api-token',
        target: id,
        before: toView(token),
        result: 'success',
      },
    );
  }
}
