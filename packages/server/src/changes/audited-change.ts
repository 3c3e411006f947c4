import type { AuditService } from '../audit/audit.service.ts';
import type { SnapshotsService } from '../clusters/snapshots.service.ts';
import type { Actor } from './actor.ts';

export interface ChangeRecord {
  /** `noun.verb`, e.g. `topic.create`. */
  action: string;
  targetType: string;
  target: string;
  before?: unknown;
}

/**
 * The one way a change reaches a cluster: it is audited whether it succeeds or fails, and the
 * cluster's snapshot is dropped so the next read shows it.
 */
export class AuditedChanges {
  readonly #snapshots: Pick<SnapshotsService, 'forget'>;
  readonly #audit: AuditService;

  constructor(deps: { snapshots: Pick<SnapshotsService, 'forget'>; audit: AuditService }) {
    this.#snapshots = deps.snapshots;
    this.#audit = deps.audit;
  }

  /**
   * Runs `work`, records the outcome in the audit log (on `clusterId`, `after` from the result), and
   * drops the snapshot so reads show the change.
   * @throws whatever `work` throws, after recording it as a failure.
   */
  async apply<T>(
    clusterId: string,
    actor: Actor,
    change: ChangeRecord,
    work: () => Promise<T>,
    after: (result: T) => unknown = (result) => result,
  ): Promise<T> {
    const event = {
      action: change.action,
      clusterId,
      targetType: change.targetType,
      target: change.target,
      before: change.before,
    };
    try {
      const result = await work();
      await this.#audit.record(actor, { ...event, after: after(result), result: 'success' });
      return result;
    } catch (error) {
      await this.#audit.record(actor, { ...event, result: 'failure', detail: (error as Error).message });
      throw error;
    } finally {
      this.#snapshots.forget(clusterId);
    }
  }

  /** Records what was done on `clusterId` without changing it (reads worth auditing, such as a search). */
  record(
    clusterId: string,
    actor: Actor | null,
    change: ChangeRecord & { after?: unknown; ok: boolean; detail?: string },
  ) {
    return this.#audit.record(actor ?? { name: 'weir' }, {
      action: change.action,
      clusterId,
      targetType: change.targetType,
      target: change.target,
      before: change.before,
      after: change.after,
      result: change.ok ? 'success' : 'failure',
      detail: change.detail ?? null,
    });
  }
}
