import { type Admin, protocolErrorsCodesById } from '@platformatic/kafka';
import { type MetadataSnapshot, readMetadata } from './metadata.ts';
import type { LedPartition } from './offsets.ts';

/**
 * Answers that mean "this broker is not (or no longer) the partition's leader, ask Metadata again":
 * the error codes behind Kafka's InvalidMetadataException family, which its Java clients answer with
 * a metadata refresh and a retry (UNKNOWN_TOPIC_OR_PARTITION 3, LEADER_NOT_AVAILABLE 5,
 * NOT_LEADER_OR_FOLLOWER 6, KAFKA_STORAGE_ERROR 56, FENCED_LEADER_EPOCH 74, UNKNOWN_LEADER_EPOCH 75).
 */
export const LEADERSHIP_ERROR_CODES: ReadonlySet<number> = new Set([3, 5, 6, 56, 74, 75]);

/** How often and how patiently a request is re-sent; delays in ms. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  /**
   * No retry starts this long after the first attempt, so retries fit inside the gateway's per-call
   * deadline (request timeout + connect timeout, 15 s by default) even after a broker timed out.
   */
  withinMs: number;
}

/**
 * Kafka's client defaults: retry.backoff.ms 100 growing exponentially to retry.backoff.max.ms 1000
 * (KIP-580). Six attempts span about 3 s, long enough for a controller to elect a new leader.
 */
export const LEADER_RETRY: RetryPolicy = { attempts: 6, backoffMs: 100, maxBackoffMs: 1000, withinMs: 8000 };

// A Metadata read between retries gets this long; a broker that does not answer ends the retries.
const METADATA_WAIT_MS = 2000;

/** The delay before attempt `attempt + 1` (1-based): exponential with ±20% jitter, as KIP-580 has it. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const base = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `NOT_LEADER_OR_FOLLOWER (6)`: Kafka's name for an error code, with the code. */
export const errorCodeName = (code: number) =>
  `${protocolErrorsCodesById[code] ?? 'UNKNOWN_SERVER_ERROR'} (${code})`;

export const partitionKey = (p: { topic: string; partition: number }) => `${p.topic}:${p.partition}`;

/** Reads fresh Metadata for some topics. */
export type MetadataReader = (topics: string[]) => Promise<MetadataSnapshot>;

/** Metadata through the client's bootstrap connection, never creating a topic. */
export const metadataReader =
  (admin: Admin): MetadataReader =>
  (topics) =>
    readMetadata(admin, topics);

/** One partition's answer from the broker asked: Kafka's error code, and the value when it is 0. */
export interface PartitionAnswer<T> {
  errorCode: number;
  value?: T;
}

/** A partition the request could not be completed for, with the broker that failed and how. */
export interface LeaderFailure {
  topic: string;
  partition: number;
  /** The broker last asked, or null when Metadata names no leader. */
  nodeId: number | null;
  error: string;
}

export interface LeaderAnswers<T> {
  /** By `topic:partition`. */
  answers: Map<string, T>;
  failures: LeaderFailure[];
}

/** A request for some partitions, sent to the broker Metadata names as their leader. */
export type LeaderRequest<T> = (
  leader: LedPartition['leader'],
  partitions: LedPartition[],
) => Promise<Map<string, PartitionAnswer<T>>>;

interface Pending {
  partition: LedPartition;
  /** Set when the leader could not be reached at all: retried only if leadership moved. */
  unreachable: boolean;
}

/**
 * Sends a per-partition request to each partition's leader (one request per leader, leaders in
 * parallel) and, as Kafka's clients do, re-reads Metadata and re-sends with backoff the partitions
 * whose broker answered with a leadership error or could not be reached while another broker took
 * over. A broker that cannot be reached and is still the leader is not waited on again (a hung broker
 * would cost a timeout per attempt). Leaders given in `partitions` are a hint from the caller's
 * Metadata. Never throws for one partition: each one gives an answer or a failure naming the broker.
 *
 * @param refresh Reads Metadata for the named topics (see metadataReader).
 * @param api Kafka's name of the request, for failure messages (`ListOffsets`).
 */
export async function askLeaders<T>(
  refresh: MetadataReader,
  api: string,
  partitions: LedPartition[],
  request: LeaderRequest<T>,
  policy: RetryPolicy = LEADER_RETRY,
): Promise<LeaderAnswers<T>> {
  const answers = new Map<string, T>();
  const failures = new Map<string, LeaderFailure>();
  let pending: LedPartition[] = partitions;
  let waiting: Pending[] = [];
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const retry = [...(await sendRound(pending, request, api, answers, failures)), ...waiting];
    const delay = backoffDelay(attempt, policy);
    if (retry.length === 0 || attempt >= policy.attempts || Date.now() - started + delay > policy.withinMs) {
      if (attempt > 1)
        for (const p of retry) {
          const failure = failures.get(partitionKey(p.partition));
          if (failure) failure.error += ` (asked ${attempt} times, re-reading Metadata in between)`;
        }
      break;
    }
    await sleep(delay);
    ({ send: pending, waiting } = await currentLeaders(refresh, retry, failures));
    if (pending.length === 0 && waiting.length === 0) break;
  }
  return {
    answers,
    failures: [...failures.values()].sort(
      (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition,
    ),
  };
}

async function sendRound<T>(
  partitions: LedPartition[],
  request: LeaderRequest<T>,
  api: string,
  answers: Map<string, T>,
  failures: Map<string, LeaderFailure>,
): Promise<Pending[]> {
  const byLeader = new Map<number, LedPartition[]>();
  for (const p of partitions) byLeader.set(p.leader.nodeId, [...(byLeader.get(p.leader.nodeId) ?? []), p]);
  const retry: Pending[] = [];
  await Promise.all(
    [...byLeader].map(async ([nodeId, led]) => {
      const leader = (led[0] as LedPartition).leader;
      let got: Map<string, PartitionAnswer<T>>;
      try {
        got = await request(leader, led);
      } catch (error) {
        for (const p of led) {
          failures.set(partitionKey(p), {
            topic: p.topic,
            partition: p.partition,
            nodeId,
            error: `${api} to broker ${nodeId} (${leader.host}:${leader.port}) failed: ${(error as Error).message}`,
          });
          retry.push({ partition: p, unreachable: true });
        }
        return;
      }
      for (const p of led) {
        const key = partitionKey(p);
        const answer = got.get(key);
        if (answer && answer.errorCode === 0) {
          answers.set(key, answer.value as T);
          failures.delete(key);
          continue;
        }
        const error = answer
          ? `broker ${nodeId} answered ${api} with ${errorCodeName(answer.errorCode)}`
          : `broker ${nodeId} left it out of its ${api} answer`;
        failures.set(key, { topic: p.topic, partition: p.partition, nodeId, error });
        if (answer && LEADERSHIP_ERROR_CODES.has(answer.errorCode))
          retry.push({ partition: p, unreachable: false });
      }
    }),
  );
  return retry;
}

/**
 * Fresh leaders for the partitions to retry. Those Metadata names no leader for wait for the next
 * round (an election may be under way); a topic gone from Metadata stops retrying.
 */
async function currentLeaders(
  refresh: MetadataReader,
  retry: Pending[],
  failures: Map<string, LeaderFailure>,
): Promise<{ send: LedPartition[]; waiting: Pending[] }> {
  const send: LedPartition[] = [];
  const waiting: Pending[] = [];
  let metadata: MetadataSnapshot;
  try {
    let timer: NodeJS.Timeout | undefined;
    metadata = await Promise.race([
      refresh([...new Set(retry.map((r) => r.partition.topic))]),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Metadata did not answer')), METADATA_WAIT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
  } catch {
    return { send, waiting };
  }
  const brokers = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
  for (const pending of retry) {
    const { partition, unreachable } = pending;
    const fresh = metadata.topics
      .find((t) => t.name === partition.topic)
      ?.partitions.find((p) => p.partition === partition.partition);
    const broker = brokers.get(fresh?.leader ?? -1);
    if (!fresh) continue;
    if (!broker) {
      const failure = failures.get(partitionKey(partition));
      if (failure && !failure.error.includes(NO_LEADER)) failure.error += `; ${NO_LEADER}`;
      waiting.push(pending);
      continue;
    }
    if (unreachable && broker.nodeId === partition.leader.nodeId) {
      const failure = failures.get(partitionKey(partition));
      if (failure) failure.error += `; Metadata still names broker ${broker.nodeId} its leader`;
      continue;
    }
    send.push({
      topic: partition.topic,
      partition: partition.partition,
      leader: { nodeId: broker.nodeId, host: broker.host, port: broker.port },
      leaderEpoch: fresh.leaderEpoch,
    });
  }
  return { send, waiting };
}

const NO_LEADER = 'then Metadata named no leader for it (offline, or an election under way)';

/** One line naming each failed partition and its broker, for an error that must stop the caller. */
export function describeFailures(failures: LeaderFailure[]): string {
  return failures.map((f) => `${f.topic}-${f.partition}: ${f.error}`).join('; ');
}
