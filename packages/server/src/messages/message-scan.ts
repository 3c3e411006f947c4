import type { FetchedPartition, FetchedRecord, IsolationLevel, KafkaGateway } from '@weir/kafka';
import { FilterTimeoutError } from './filter-pool.ts';
import type { MessageMatcher } from './message-matcher.ts';
import type { PartitionProgress, ScanProgress, StopReason } from './messages.types.ts';

export interface Leader {
  nodeId: number;
  host: string;
  port: number;
}

/** One partition's part of a scan: read from `from` up to `to` (exclusive), or follow when `to` is null. */
export interface ScanRange {
  partition: number;
  from: number;
  to: number | null;
}

export interface ScanBudget {
  maxScanned: number;
  maxMs: number;
  maxMatches: number;
  /** Browsing: stop a partition once it has given this many matches. */
  perPartitionLimit?: number;
}

export const STOP_REASONS = [
  'end',
  'limit',
  'scan-budget',
  'time-budget',
  'filter-timeout',
  'cancelled',
] as const satisfies readonly StopReason[];

export interface ScanSink {
  matches(records: FetchedRecord[]): void;
  progress?(progress: ScanProgress): void;
}

export interface ScanRequest {
  topic: { name: string; topicId: string };
  ranges: ScanRange[];
  matcher: MessageMatcher;
  /** read_committed unless said otherwise. */
  isolation?: IsolationLevel;
  budget: ScanBudget;
  signal?: AbortSignal;
  progressEveryMs?: number;
  /** How long a leader may hold a fetch open waiting for new records (following). */
  followWaitMs?: number;
}

// Small answers, many of them (the next is asked for while one is filtered): a search holds little
// memory and reports progress often, at no cost in speed (a full scan took the same time with 16 MiB
// answers, bench/scan.bench.ts). A batch larger than these limits still comes whole (KIP-74), so a
// scan always moves on.
const MAX_FETCH_BYTES = 2 * 1024 * 1024;
const MAX_PARTITION_BYTES = 512 * 1024;
const OFFSET_OUT_OF_RANGE = 1;
const LEADERSHIP_ERRORS = new Set([3, 5, 6, 74, 75]);
const MAX_LEADER_RETRIES = 3;

interface PartitionState extends PartitionProgress {
  /** The offset asked for next; ahead of `position` while a prefetch is in flight. */
  fetchFrom: number;
  matched: number;
  leaderRetries: number;
}

/**
 * Reads a topic's partitions from their leaders (each leader's partitions in one Fetch, leaders in
 * parallel, the next round requested while this one is filtered), hands matches to the sink in
 * order, and stops at the end, a budget, or the signal. Positions always point just past what was
 * examined, so a scan can be resumed exactly.
 */
export class MessageScan {
  readonly #gateway: KafkaGateway;
  readonly #request: ScanRequest;
  readonly #states: PartitionState[];
  readonly #started = Date.now();
  #leaders = new Map<number, Leader | null>();
  #scanned = 0;
  #matched = 0;

  constructor(gateway: KafkaGateway, request: ScanRequest) {
    this.#gateway = gateway;
    this.#request = request;
    this.#states = request.ranges.map((range) => ({
      partition: range.partition,
      position: range.from,
      fetchFrom: range.from,
      end: range.to,
      done: range.to !== null && range.from >= range.to,
      matched: 0,
      leaderRetries: 0,
    }));
  }

  progress(): ScanProgress {
    return {
      scanned: this.#scanned,
      matched: this.#matched,
      elapsedMs: Date.now() - this.#started,
      partitions: this.#states.map(({ partition, position, end, done, error }) => ({
        partition,
        position,
        end,
        done,
        ...(error ? { error } : {}),
      })),
    };
  }

  async run(sink: ScanSink): Promise<StopReason> {
    const { budget, signal } = this.#request;
    await this.#refreshLeaders();
    let lastProgress = 0;
    let inFlight = this.#fetchRound();
    for (;;) {
      if (signal?.aborted) return 'cancelled';
      const answers = await inFlight;
      if (signal?.aborted) return 'cancelled';
      // Ask for the next round before examining this one: the brokers read while we filter.
      for (const answer of answers) this.#advanceFetch(answer);
      const retryLeaders = answers.some((a) => LEADERSHIP_ERRORS.has(a.errorCode));
      if (retryLeaders) await this.#refreshLeaders();
      inFlight = this.#active().length ? this.#fetchRound() : Promise.resolve([]);
      inFlight.catch(() => undefined);
      let stop: StopReason | null = null;
      for (const answer of answers) {
        stop = await this.#examine(answer, sink);
        if (stop) break;
      }
      const now = Date.now();
      if (sink.progress && (stop || now - lastProgress >= (this.#request.progressEveryMs ?? 250))) {
        lastProgress = now;
        sink.progress(this.progress());
      }
      if (stop) return stop;
      if (this.#active().length === 0) return 'end';
      if (this.#scanned >= budget.maxScanned) return 'scan-budget';
      if (now - this.#started >= budget.maxMs) return 'time-budget';
    }
  }

  #active(): PartitionState[] {
    return this.#states.filter((s) => !s.done);
  }

  async #refreshLeaders(): Promise<void> {
    const metadata = await this.#gateway.metadata([this.#request.topic.name]);
    const topic = metadata.topics.find((t) => t.name === this.#request.topic.name);
    const brokers = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
    this.#leaders = new Map(
      (topic?.partitions ?? []).map((p) => [p.partition, brokers.get(p.leader) ?? null] as const),
    );
    for (const state of this.#active()) {
      if (!this.#leaders.get(state.partition)) this.#fail(state, 'has no leader (offline); it was skipped');
    }
  }

  #fetchRound(): Promise<FetchedPartition[]> {
    const byLeader = new Map<number, PartitionState[]>();
    for (const state of this.#active()) {
      const leader = this.#leaders.get(state.partition);
      // Fetched up to its end already; the answer in hand will finish it.
      if (!leader || (state.end !== null && state.fetchFrom >= state.end)) continue;
      byLeader.set(leader.nodeId, [...(byLeader.get(leader.nodeId) ?? []), state]);
    }
    const { topic, followWaitMs, isolation } = this.#request;
    const following = this.#states.some((s) => s.end === null);
    return Promise.all(
      [...byLeader].map(([nodeId, states]) =>
        this.#gateway
          .fetch(
            this.#leaders.get(nodeId) as Leader,
            states.map((s) => ({
              topic: topic.name,
              topicId: topic.topicId,
              partition: s.partition,
              offset: s.fetchFrom,
            })),
            {
              maxBytes: MAX_FETCH_BYTES,
              partitionMaxBytes: MAX_PARTITION_BYTES,
              maxWaitMs: following ? (followWaitMs ?? 500) : 0,
              isolation,
            },
          )
          .catch((error: Error) => {
            for (const s of states) this.#fail(s, `leader ${nodeId} failed: ${error.message}`);
            return [] as FetchedPartition[];
          }),
      ),
    ).then((perLeader) => perLeader.flat());
  }

  #advanceFetch(answer: FetchedPartition): void {
    const state = this.#states.find((s) => s.partition === answer.partition);
    if (!state || state.done) return;
    if (answer.error) {
      this.#fail(state, answer.error);
      return;
    }
    if (answer.errorCode === 0) {
      state.fetchFrom = answer.nextOffset;
      return;
    }
    if (answer.errorCode === OFFSET_OUT_OF_RANGE && state.fetchFrom < answer.logStartOffset) {
      // Retention removed records under us: continue from the new log start, or stop when that is past the end.
      state.fetchFrom = answer.logStartOffset;
      if (state.end !== null && state.fetchFrom >= state.end) {
        state.position = state.end;
        state.done = true;
      }
      return;
    }
    if (LEADERSHIP_ERRORS.has(answer.errorCode) && state.leaderRetries++ < MAX_LEADER_RETRIES) return;
    this.#fail(state, `Kafka answered error code ${answer.errorCode} for this partition`);
  }

  async #examine(answer: FetchedPartition, sink: ScanSink): Promise<StopReason | null> {
    const state = this.#states.find((s) => s.partition === answer.partition);
    if (!state || state.done || answer.errorCode !== 0) return null;
    const { budget, matcher } = this.#request;
    const end = state.end;
    let examined = end === null ? answer.records : answer.records.filter((r) => r.offset < end);
    // Budgets and limits cut inside a fetch, so the position says exactly what was examined.
    let cut = false;
    const scanRoom = budget.maxScanned - this.#scanned;
    if (examined.length > scanRoom) {
      examined = examined.slice(0, scanRoom);
      cut = true;
    }
    const timeLeft = budget.maxMs - (Date.now() - this.#started);
    // Spent while the brokers answered (a tail's wait): nothing examined, the cursor stays here.
    if (!matcher.isEmpty && timeLeft <= 0) return 'time-budget';
    let selected: FetchedRecord[];
    try {
      selected = matcher.isEmpty ? examined : await matcher.select(examined, timeLeft);
    } catch (error) {
      if (error instanceof FilterTimeoutError) return 'filter-timeout';
      throw error;
    }
    const room = Math.min(
      budget.maxMatches - this.#matched,
      (budget.perPartitionLimit ?? Number.POSITIVE_INFINITY) - state.matched,
    );
    if (selected.length > room) {
      selected = selected.slice(0, room);
      const lastTaken = selected.at(-1)?.offset ?? state.position - 1;
      examined = examined.filter((r) => r.offset <= lastTaken);
      cut = true;
    }
    if (selected.length) sink.matches(selected);
    this.#matched += selected.length;
    state.matched += selected.length;
    this.#scanned += examined.length;
    state.position = cut
      ? (examined.at(-1)?.offset ?? state.position - 1) + 1
      : end === null
        ? answer.nextOffset
        : Math.min(answer.nextOffset, end);
    if (end !== null && state.position >= end) state.done = true;
    if (state.matched >= (budget.perPartitionLimit ?? Number.POSITIVE_INFINITY)) state.done = true;
    if (this.#matched >= budget.maxMatches) return 'limit';
    return cut && this.#scanned >= budget.maxScanned ? 'scan-budget' : null;
  }

  #fail(state: PartitionState, why: string): void {
    state.done = true;
    state.error = `Partition ${state.partition} ${why}.`;
  }
}
