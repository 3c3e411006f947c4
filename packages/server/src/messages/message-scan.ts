import type { PartitionProgress, ScanProgress, StopReason } from '@weir/api';
import {
  backoffDelay,
  errorCodeName,
  type FetchedPartition,
  type FetchedRecord,
  type IsolationLevel,
  type KafkaGateway,
  LEADER_RETRY,
  LEADERSHIP_ERROR_CODES,
} from '@weir/kafka';
import { FilterTimeoutError } from './filter-pool.ts';
import type { MessageMatcher } from './message-matcher.ts';

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

/** A range with how far its read got: `position` is the next offset, `scanned` the records examined. */
export interface ScannedRange extends ScanRange {
  position: number;
  scanned: number;
}

export interface ScanBudget {
  maxScanned: number;
  maxMs: number;
  maxMatches: number;
  /** Browsing: stop a partition once it has given this many matches. */
  perPartitionLimit?: number;
}

export interface ScanSink {
  /** May return a promise; the scan waits for it, so matches are handed on in order. */
  matches(records: FetchedRecord[]): void | Promise<void>;
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

interface PartitionState extends PartitionProgress {
  /** Where this partition's read began. */
  from: number;
  /** The offset asked for next; ahead of `position` while a prefetch is in flight. */
  fetchFrom: number;
  matched: number;
  /** Records examined; fewer than `position − from` where offsets have gaps (compaction, markers). */
  scanned: number;
  /** Leadership errors (or an unreachable leader) in a row; reset by a good answer. */
  leaderRetries: number;
  /** Why the last Fetch for this partition must be re-sent to a fresh leader, naming the broker. */
  retryBecause: string | null;
  /** Set when the leader could not be reached: re-sent only once Metadata names another leader. */
  unreachableLeader: number | null;
}

/** A Fetch answer with the broker that gave it. */
type LedAnswer = FetchedPartition & { leader: number };

/** A partition's leader and leader epoch, as the latest Metadata says. */
interface PartitionLeader extends Leader {
  epoch: number;
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
  /** By partition; a partition without a leader is absent. */
  #leaders = new Map<number, PartitionLeader>();
  #scanned = 0;
  #matched = 0;

  constructor(gateway: KafkaGateway, request: ScanRequest) {
    this.#gateway = gateway;
    this.#request = request;
    this.#states = request.ranges.map((range) => ({
      partition: range.partition,
      position: range.from,
      from: range.from,
      fetchFrom: range.from,
      end: range.to,
      done: range.to !== null && range.from >= range.to,
      matched: 0,
      scanned: 0,
      leaderRetries: 0,
      retryBecause: null,
      unreachableLeader: null,
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

  /** Each partition's range and the records examined in it so far, in partition order of the ranges. */
  covered(): ScannedRange[] {
    return this.#states.map(({ partition, from, end, position, scanned }) => ({
      partition,
      from,
      to: end,
      position,
      scanned,
    }));
  }

  async run(sink: ScanSink): Promise<StopReason> {
    const { budget, signal } = this.#request;
    await this.#refreshLeaders(true);
    let lastProgress = 0;
    let inFlight = this.#fetchRound();
    for (;;) {
      if (signal?.aborted) return 'cancelled';
      const answers = await inFlight;
      if (signal?.aborted) return 'cancelled';
      // Ask for the next round before examining this one: the brokers read while we filter.
      for (const answer of answers) this.#advanceFetch(answer);
      const retrying = this.#active().filter(
        (s) => s.retryBecause !== null || !this.#leaders.has(s.partition),
      );
      if (retrying.length) {
        // As Kafka's consumer does: back off, re-read Metadata, then ask the new leader.
        const attempt = Math.max(...retrying.map((s) => s.leaderRetries), 1);
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, LEADER_RETRY)));
        if (signal?.aborted) return 'cancelled';
        await this.#refreshLeaders();
      }
      inFlight = this.#active().length ? this.#fetchRound() : Promise.resolve([] as LedAnswer[]);
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

  /**
   * Leaders from fresh Metadata. A partition without one fails on the first read (offline); later
   * it waits, a bounded number of times, since an election may be under way. A partition whose leader could not be
   * reached fails unless Metadata now names another one.
   */
  async #refreshLeaders(initial = false): Promise<void> {
    let metadata: Awaited<ReturnType<KafkaGateway['metadata']>>;
    try {
      metadata = await this.#gateway.metadata([this.#request.topic.name]);
    } catch (error) {
      for (const state of this.#active())
        this.#fail(state, `could not be read: Metadata failed (${(error as Error).message})`);
      return;
    }
    const topic = metadata.topics.find((t) => t.name === this.#request.topic.name);
    const brokers = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
    this.#leaders = new Map();
    for (const p of topic?.partitions ?? []) {
      const broker = brokers.get(p.leader);
      if (broker)
        this.#leaders.set(p.partition, {
          nodeId: broker.nodeId,
          host: broker.host,
          port: broker.port,
          epoch: p.leaderEpoch,
        });
    }
    for (const state of this.#active()) {
      const leader = this.#leaders.get(state.partition);
      if (state.unreachableLeader !== null && leader?.nodeId === state.unreachableLeader) {
        this.#fail(state, `${state.retryBecause}; Metadata still names broker ${leader.nodeId} its leader`);
      } else if (!leader && initial) {
        this.#fail(state, 'has no leader (offline); it was skipped');
      } else if (!leader && state.leaderRetries++ >= LEADER_RETRY.attempts) {
        this.#fail(
          state,
          `${state.retryBecause ?? 'lost its leader'}; then Metadata named no leader for it ${state.leaderRetries} times (offline, or an election under way)`,
        );
      } else if (!leader) {
        state.retryBecause ??= 'lost its leader';
      } else {
        state.retryBecause = null;
        state.unreachableLeader = null;
      }
    }
  }

  #fetchRound(): Promise<LedAnswer[]> {
    const byLeader = new Map<number, { leader: PartitionLeader; states: PartitionState[] }>();
    for (const state of this.#active()) {
      const leader = this.#leaders.get(state.partition);
      // Fetched up to its end already; the answer in hand will finish it.
      if (!leader || (state.end !== null && state.fetchFrom >= state.end)) continue;
      const group = byLeader.get(leader.nodeId) ?? { leader, states: [] };
      group.states.push(state);
      byLeader.set(leader.nodeId, group);
    }
    const { topic, followWaitMs, isolation } = this.#request;
    const following = this.#states.some((s) => s.end === null);
    return Promise.all(
      [...byLeader.values()].map(({ leader, states }) =>
        this.#gateway
          .fetch(
            leader,
            states.map((s) => ({
              topic: topic.name,
              topicId: topic.topicId,
              partition: s.partition,
              offset: s.fetchFrom,
              leaderEpoch: this.#leaders.get(s.partition)?.epoch ?? -1,
            })),
            {
              maxBytes: MAX_FETCH_BYTES,
              partitionMaxBytes: MAX_PARTITION_BYTES,
              maxWaitMs: following ? (followWaitMs ?? 500) : 0,
              isolation,
            },
          )
          .then(
            (answers) => answers.map((answer) => ({ ...answer, leader: leader.nodeId })),
            (error: Error) => {
              for (const s of states) {
                const why = `leader broker ${leader.nodeId} (${leader.host}:${leader.port}) failed: ${error.message}`;
                if (s.leaderRetries++ >= LEADER_RETRY.attempts) this.#fail(s, why);
                else {
                  s.retryBecause = why;
                  s.unreachableLeader = leader.nodeId;
                }
              }
              return [] as LedAnswer[];
            },
          ),
      ),
    ).then((perLeader) => perLeader.flat());
  }

  #advanceFetch(answer: LedAnswer): void {
    const state = this.#states.find((s) => s.partition === answer.partition);
    if (!state || state.done) return;
    if (answer.error) {
      this.#fail(state, answer.error);
      return;
    }
    if (answer.errorCode === 0) {
      state.fetchFrom = answer.nextOffset;
      state.leaderRetries = 0;
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
    const why = `leader broker ${answer.leader} answered Fetch with ${errorCodeName(answer.errorCode)}`;
    if (LEADERSHIP_ERROR_CODES.has(answer.errorCode)) {
      if (state.leaderRetries++ < LEADER_RETRY.attempts) {
        state.retryBecause = why;
        return;
      }
      this.#fail(state, `${why} ${state.leaderRetries} times in a row, with Metadata re-read in between`);
      return;
    }
    this.#fail(state, why);
  }

  async #examine(answer: LedAnswer, sink: ScanSink): Promise<StopReason | null> {
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
    if (selected.length) await sink.matches(selected);
    this.#matched += selected.length;
    state.matched += selected.length;
    this.#scanned += examined.length;
    state.scanned += examined.length;
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
