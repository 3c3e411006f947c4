import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { packRecords } from './filter-batch.ts';
import type { FilterAnswer, FilterTask } from './filter-worker.ts';
import type { FilterRecord, MatcherFilter } from './message-filter.ts';

/** Thrown when a batch's filters outlive the search's time left: the scan stops there and says so. */
export class FilterTimeoutError extends Error {}

interface Pending {
  task: FilterTask;
  deadline: number;
  resolve: (verdicts: boolean[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  worker: Worker | null;
}

const WORKER_URL = new URL('./filter-worker.ts', import.meta.url);

/**
 * Worker threads that run users' filters (regex, contains, JSON path), so none of them runs on the
 * event loop that serves requests. Tasks queue for a free worker; a task still running at its
 * deadline has its worker terminated (which stops any JavaScript, however it loops) and replaced.
 */
export class FilterPool {
  readonly #size: number;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending>();
  readonly #queue: Pending[] = [];
  #nextId = 1;
  #closed = false;

  /** @param size workers at most; by default one fewer than the machine's cores (at least one, at most 4). */
  constructor(size = Math.min(4, Math.max(1, availableParallelism() - 1))) {
    this.#size = size;
  }

  /**
   * Tests records against filters in a worker.
   * @param deadline epoch milliseconds by which the answer must come.
   * @returns one verdict per record, in order.
   * @throws FilterTimeoutError when the deadline passes first; Error when the pool is closed or a worker failed.
   */
  run(filters: MatcherFilter[], records: FilterRecord[], deadline: number): Promise<boolean[]> {
    if (this.#closed) return Promise.reject(new Error('The filter workers are shut down.'));
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        task: { id: this.#nextId++, filters, records: packRecords(records) },
        deadline,
        resolve,
        reject,
        worker: null,
        timer: setTimeout(() => this.#expire(pending), Math.max(0, deadline - Date.now())),
      };
      this.#queue.push(pending);
      this.#dispatch();
    });
  }

  /** Stops every worker; tasks not answered yet fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of [...this.#queue, ...this.#busy.values()])
      this.#settle(pending, new Error('shut down'));
    this.#queue.length = 0;
    const workers = [...this.#idle, ...this.#busy.keys()];
    this.#idle.length = 0;
    this.#busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length) {
      const worker = this.#idle.pop() ?? (this.#busy.size < this.#size ? this.#spawn() : null);
      if (!worker) return;
      const pending = this.#queue.shift() as Pending;
      pending.worker = worker;
      this.#busy.set(worker, pending);
      worker.postMessage(pending.task, [
        pending.task.records.bytes,
        pending.task.records.layout.buffer as ArrayBuffer,
      ]);
    }
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    // Idle workers must not keep the process alive.
    worker.unref();
    worker.on('message', (answer: FilterAnswer) => {
      const pending = this.#busy.get(worker);
      if (!pending || pending.task.id !== answer.id) return;
      this.#busy.delete(worker);
      this.#idle.push(worker);
      this.#settle(pending, 'error' in answer ? new Error(answer.error) : answer.verdicts);
      this.#dispatch();
    });
    worker.on('error', (error) => this.#drop(worker, error));
    worker.on('exit', () => this.#drop(worker, new Error('A filter worker stopped unexpectedly.')));
    return worker;
  }

  #drop(worker: Worker, error: Error): void {
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    const idleAt = this.#idle.indexOf(worker);
    if (idleAt >= 0) this.#idle.splice(idleAt, 1);
    if (pending) this.#settle(pending, error);
    if (!this.#closed) this.#dispatch();
  }

  #expire(pending: Pending): void {
    const queuedAt = this.#queue.indexOf(pending);
    if (queuedAt >= 0) this.#queue.splice(queuedAt, 1);
    const worker = pending.worker;
    if (worker && this.#busy.get(worker) === pending) {
      this.#busy.delete(worker);
      void worker.terminate();
    }
    this.#settle(pending, new FilterTimeoutError('The filters used up the time budget'));
    this.#dispatch();
  }

  #settle(pending: Pending, outcome: boolean[] | Error): void {
    clearTimeout(pending.timer);
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }
}
