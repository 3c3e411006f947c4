import type { Freshness } from '@weir/api';
import type { KafkaGateway } from '@weir/kafka';
import { UnavailableError } from '../errors.ts';
import type { ClusterConnections } from './cluster-connections.ts';
import { type ClusterSnapshot, takeSnapshot } from './cluster-snapshot.ts';

/** How old a snapshot a read may serve before it reads the cluster again. */
export const DEFAULT_MAX_AGE_MS = 30_000;

export interface SnapshotState {
  snapshot: ClusterSnapshot;
  /** Set when the latest refresh failed and an older snapshot is being served. */
  refreshError: string | null;
}

const freshnessOf = (state: SnapshotState, now: number): Freshness => ({
  takenAt: new Date(state.snapshot.takenAt).toISOString(),
  ageMs: now - state.snapshot.takenAt,
  stale: state.refreshError !== null,
  refreshError: state.refreshError,
  partial: Object.keys(state.snapshot.partErrors).length > 0,
  partErrors: state.snapshot.partErrors,
});

type ReadSnapshot = (gateway: KafkaGateway, now: () => number) => Promise<ClusterSnapshot>;

/**
 * The latest snapshot of each cluster, refreshed in the background and on demand. Each cluster is
 * refreshed on its own, so a slow or down cluster never delays another; a failed refresh keeps the
 * previous snapshot, marked with the error, rather than leaving a page empty.
 */
export class SnapshotsService {
  readonly #connections: Pick<ClusterConnections, 'gateway'>;
  readonly #states = new Map<string, SnapshotState>();
  readonly #inFlight = new Map<string, Promise<SnapshotState>>();
  /** A read queued behind the one in flight, shared by every refresh asked for meanwhile. */
  readonly #queued = new Map<string, Promise<SnapshotState>>();
  readonly #now: () => number;
  readonly #read: ReadSnapshot;

  constructor(
    connections: Pick<ClusterConnections, 'gateway'>,
    now: () => number = Date.now,
    read: ReadSnapshot = takeSnapshot,
  ) {
    this.#connections = connections;
    this.#now = now;
    this.#read = read;
  }

  /** The cached snapshot when younger than `maxAgeMs`, else a fresh one (shared by concurrent callers). */
  async get(clusterId: string, options: { maxAgeMs: number }): Promise<SnapshotState> {
    const state = this.#states.get(clusterId);
    if (state && this.#now() - state.snapshot.takenAt <= options.maxAgeMs) return state;
    return this.#queued.get(clusterId) ?? this.#inFlight.get(clusterId) ?? this.#start(clusterId);
  }

  /**
   * A snapshot whose read began after this call, so it holds whatever changed before it (a group
   * created a moment ago, a broker that just stopped answering). A read already under way began
   * earlier, so a refresh asked for meanwhile waits for it and shares the one read queued after it.
   */
  refresh(clusterId: string): Promise<SnapshotState> {
    const queued = this.#queued.get(clusterId);
    if (queued) return queued;
    const pending = this.#inFlight.get(clusterId);
    if (!pending) return this.#start(clusterId);
    const next = pending
      .catch(() => undefined)
      .then(() => {
        this.#queued.delete(clusterId);
        return this.#start(clusterId);
      });
    this.#queued.set(clusterId, next);
    return next;
  }

  /**
   * What a read serves: a snapshot read now when `refresh` is set, else one at most
   * DEFAULT_MAX_AGE_MS old; with how old it is and what could not be read.
   */
  async read(
    clusterId: string,
    refresh = false,
  ): Promise<{ snapshot: ClusterSnapshot; freshness: Freshness }> {
    const state = refresh
      ? await this.refresh(clusterId)
      : await this.get(clusterId, { maxAgeMs: DEFAULT_MAX_AGE_MS });
    return { snapshot: state.snapshot, freshness: freshnessOf(state, this.#now()) };
  }

  forget(clusterId: string): void {
    this.#states.delete(clusterId);
  }

  #start(clusterId: string): Promise<SnapshotState> {
    const work = this.#refresh(clusterId).finally(() => this.#inFlight.delete(clusterId));
    this.#inFlight.set(clusterId, work);
    return work;
  }

  async #refresh(clusterId: string): Promise<SnapshotState> {
    try {
      const snapshot = await this.#read(await this.#connections.gateway(clusterId), this.#now);
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
