import { UnavailableError } from '../errors.ts';
import type { ClusterConnections } from './cluster-connections.ts';
import { type ClusterSnapshot, takeSnapshot } from './cluster-snapshot.ts';

export interface SnapshotState {
  snapshot: ClusterSnapshot;
  /** Set when the latest refresh failed and an older snapshot is being served. */
  refreshError: string | null;
}

/**
 * The latest snapshot of each cluster, refreshed in the background and on demand. Each cluster is
 * refreshed on its own, so a slow or down cluster never delays another; a failed refresh keeps the
 * previous snapshot, marked with the error, rather than leaving a page empty.
 */
export class SnapshotsService {
  readonly #connections: ClusterConnections;
  readonly #states = new Map<string, SnapshotState>();
  readonly #inFlight = new Map<string, Promise<SnapshotState>>();
  readonly #now: () => number;

  constructor(connections: ClusterConnections, now: () => number = Date.now) {
    this.#connections = connections;
    this.#now = now;
  }

  /** The cached snapshot when younger than `maxAgeMs`, else a fresh one (shared by concurrent callers). */
  async get(clusterId: string, options: { maxAgeMs: number }): Promise<SnapshotState> {
    const state = this.#states.get(clusterId);
    if (state && this.#now() - state.snapshot.takenAt <= options.maxAgeMs) return state;
    return this.refresh(clusterId);
  }

  refresh(clusterId: string): Promise<SnapshotState> {
    const pending = this.#inFlight.get(clusterId);
    if (pending) return pending;
    const work = this.#refresh(clusterId).finally(() => this.#inFlight.delete(clusterId));
    this.#inFlight.set(clusterId, work);
    return work;
  }

  forget(clusterId: string): void {
    this.#states.delete(clusterId);
  }

  async #refresh(clusterId: string): Promise<SnapshotState> {
    try {
      const snapshot = await takeSnapshot(await this.#connections.gateway(clusterId), this.#now);
      const state = { snapshot, refreshError: null };
      this.#states.set(clusterId, state);
      return state;
    } catch (error) {
      const previous = this.#states.get(clusterId);
      const message = (error as Error).message;
      if (previous) {
        const stale = { snapshot: previous.snapshot, refreshError: message };
        this.#states.set(clusterId, stale);
        return stale;
      }
      if ((error as Error).name === 'NotFoundError') throw error;
      throw new UnavailableError(`The cluster did not answer: ${message}`, { cause: error });
    }
  }
}
