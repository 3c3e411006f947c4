import type { AuditRecord, AuditRepository, AuditResult } from '@weir/store';
import type { Principal } from '../auth/principal.ts';

export interface AuditEvent {
  /** Verb in `noun.verb` form, e.g. `auth.login`, `topic.delete`. */
  action: string;
  targetType: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  result: AuditResult;
  detail?: string | null;
}

export interface AuditActor {
  principal?: Principal;
  /** Name to record when there is no principal (e.g. a failed login's attempted username). */
  name?: string;
  ip?: string | null;
}

export class AuditService {
  readonly #audit: AuditRepository;
  readonly #now: () => number;

  constructor(audit: AuditRepository, now: () => number = Date.now) {
    this.#audit = audit;
    this.#now = now;
  }

  record(actor: AuditActor, event: AuditEvent): Promise<void> {
    return this.#audit.append({
      at: this.#now(),
      actorId: actor.principal?.userId ?? null,
      actorName: actor.principal?.username ?? actor.name ?? 'anonymous',
      action: event.action,
      targetType: event.targetType,
      target: event.target ?? null,
      before: event.before ?? null,
      after: event.after ?? null,
      result: event.result,
      detail: event.detail ?? null,
      ip: actor.ip ?? null,
    });
  }

  list(query: { limit: number; beforeId?: number; actor?: string; action?: string }): Promise<AuditRecord[]> {
    return this.#audit.list({
      limit: query.limit,
      beforeId: query.beforeId,
      actorName: query.actor,
      action: query.action,
    });
  }
}
