import type { AuditQuery, AuditRecord, AuditRepository, AuditResult, ClustersRepository } from '@weir/store';
import type { Principal } from '../auth/principal.ts';

export interface AuditEvent {
  /** Verb in `noun.verb` form, e.g. `auth.login`, `topic.delete`. */
  action: string;
  /** The cluster the event is about, when it is about one; `target` names the thing inside it. */
  clusterId?: string | null;
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
  readonly #clusters: Pick<ClustersRepository, 'list'>;
  readonly #now: () => number;

  constructor(
    audit: AuditRepository,
    clusters: Pick<ClustersRepository, 'list'>,
    now: () => number = Date.now,
  ) {
    this.#audit = audit;
    this.#clusters = clusters;
    this.#now = now;
  }

  record(actor: AuditActor, event: AuditEvent): Promise<void> {
    return this.#audit.append({
      at: this.#now(),
      actorId: actor.principal?.userId ?? null,
      actorName: actor.principal?.username ?? actor.name ?? 'anonymous',
      action: event.action,
      clusterId: event.clusterId ?? null,
      targetType: event.targetType,
      target: event.target ?? null,
      before: event.before ?? null,
      after: event.after ?? null,
      result: event.result,
      detail: event.detail ?? null,
      ip: actor.ip ?? null,
    });
  }

  /**
   * Entries newest first, filtered by every criterion given, each with the name of the cluster it is
   * about: its name now, or the last one recorded for a cluster since removed.
   */
  async list(query: AuditQuery): Promise<(AuditRecord & { clusterName: string | null })[]> {
    const records = await this.#audit.list(query);
    const ids = [...new Set(records.flatMap((r) => (r.clusterId ? [r.clusterId] : [])))];
    const names = new Map((await this.#clusters.list()).map((c) => [c.id, c.name]));
    for (const id of ids)
      if (!names.has(id)) names.set(id, (await this.#audit.lastRecordedClusterName(id)) ?? id);
    return records.map((r) => ({ ...r, clusterName: r.clusterId ? (names.get(r.clusterId) ?? null) : null }));
  }
}
