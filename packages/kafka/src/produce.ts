import type { Producer } from '@platformatic/kafka';
import { errorChain, KafkaGatewayError, kafkaErrorCodes } from './errors.ts';
import {
  backoffDelay,
  errorCodeName,
  LEADER_RETRY,
  LEADERSHIP_ERROR_CODES,
  type RetryPolicy,
  sleep,
} from './leader-requests.ts';

export const COMPRESSIONS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Compression = (typeof COMPRESSIONS)[number];

export interface RecordToProduce {
  /** Always set: the caller picks the partition (Kafka's partitioner for keyed records, see partitioner.ts). */
  partition: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [string, Buffer][];
  timestamp?: number;
}

export interface ProducedBatch {
  partition: number;
  /** Offset of the first record written to this partition; the rest follow in order. */
  baseOffset: number;
  count: number;
}

interface ProduceAnswer {
  responses?: {
    name: string;
    partitionResponses: { index: number; errorCode: number; baseOffset: bigint }[];
  }[];
}

/** A record in the library's message shape; the partition is always the caller's. */
const toMessage = (topic: string, record: RecordToProduce) => ({
  topic,
  partition: record.partition,
  key: record.key ?? undefined,
  value: record.value ?? undefined,
  headers: new Map(record.headers.map(([name, value]) => [Buffer.from(name), value])),
  timestamp: record.timestamp === undefined ? undefined : BigInt(record.timestamp),
});

/** What each partition's Produce answers said, from what the library threw: written or refused. */
function outcomes(error: unknown, topic: string) {
  const written = new Map<number, number>();
  const refused = new Map<number, number>();
  const produced = (error as { produced?: { offsets?: { partition: number; offset: bigint }[] } }).produced;
  for (const o of produced?.offsets ?? []) written.set(o.partition, Number(o.offset));
  for (const e of errorChain(error)) {
    for (const t of (e.response as ProduceAnswer | undefined)?.responses ?? []) {
      if (t.name !== topic) continue;
      for (const p of t.partitionResponses) {
        if (p.errorCode === 0) written.set(p.index, Number(p.baseOffset));
        else refused.set(p.index, p.errorCode);
      }
    }
  }
  return { written, refused };
}

/**
 * Writes records to one topic with acks=all and reports where each partition's records landed.
 * Partitions whose leader refused them with a leadership error (NOT_LEADER_OR_FOLLOWER, …) are
 * re-sent to the leader of fresh Metadata with backoff, as Kafka's producer does; partitions already
 * written are never re-sent, and neither is a partition whose outcome is unknown (a broker that did
 * not answer), since that could write its records twice.
 *
 * @throws KafkaGatewayError (kind `unreachable`) naming each partition still refused for leadership
 *   after the last attempt, its leader and Kafka's answer, and the partitions that were written;
 *   any other failure as the library threw it.
 */
export async function produceRecords(
  producer: Producer<Buffer, Buffer, Buffer, Buffer>,
  topic: string,
  records: RecordToProduce[],
  compression: Compression,
  policy: RetryPolicy = LEADER_RETRY,
): Promise<ProducedBatch[]> {
  const written = new Map<number, number>();
  let pending = records;
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      const result = await producer.send({
        messages: pending.map((record) => toMessage(topic, record)),
        acks: -1,
        compression,
        // The library's own repeat re-sends every record of a broker, written ones included.
        repeatOnStaleMetadata: false,
      });
      for (const o of result.offsets ?? []) written.set(o.partition, Number(o.offset));
      break;
    } catch (error) {
      const { written: done, refused } = outcomes(error, topic);
      for (const [partition, offset] of done) written.set(partition, offset);
      const unwritten = [...new Set(pending.map((r) => r.partition))].filter((p) => !written.has(p));
      const retriable = unwritten.every((p) => LEADERSHIP_ERROR_CODES.has(refused.get(p) ?? -1));
      if (!retriable || attempt >= policy.attempts)
        throw await produceFailure(producer, topic, error, { unwritten, refused, written, attempt });
      pending = pending.filter((r) => !written.has(r.partition));
      producer.clearMetadata();
      await sleep(backoffDelay(attempt, policy));
    }
  }
  const counts = new Map<number, number>();
  for (const record of records) counts.set(record.partition, (counts.get(record.partition) ?? 0) + 1);
  return [...written]
    .map(([partition, baseOffset]) => ({ partition, baseOffset, count: counts.get(partition) ?? 0 }))
    .sort((a, b) => a.partition - b.partition);
}

async function produceFailure(
  producer: Producer<Buffer, Buffer, Buffer, Buffer>,
  topic: string,
  error: unknown,
  state: { unwritten: number[]; refused: Map<number, number>; written: Map<number, number>; attempt: number },
): Promise<unknown> {
  // A refusal of the records themselves (too large, …) or no answer at all: the library's error
  // classifies and says it best.
  const codes = state.unwritten.map((p) => state.refused.get(p));
  if (codes.some((c) => c === undefined || !LEADERSHIP_ERROR_CODES.has(c))) return error;
  let leaders = new Map<number, number>();
  try {
    const metadata = await producer.metadata({ topics: [topic] });
    leaders = new Map((metadata.topics.get(topic)?.partitions ?? []).map((p, i) => [i, p.leader]));
  } catch {
    // Naming the leaders is a courtesy; the failure itself is reported either way.
  }
  const unwritten = state.unwritten.map((p) => {
    const answer = errorCodeName(state.refused.get(p) as number);
    return `partition ${p} (leader broker ${leaders.get(p) ?? 'unknown'}): ${answer}`;
  });
  const written = [...state.written.keys()].sort((a, b) => a - b);
  return new KafkaGatewayError(
    'unreachable',
    `Produce to ${topic} failed after ${state.attempt} attempt${state.attempt > 1 ? 's' : ''} for ${unwritten.join('; ')}. ${written.length === 0 ? 'Nothing was written.' : written.length === 1 ? `Partition ${written[0]} was written.` : `Partitions ${written.join(', ')} were written.`}`,
    { api: 'Produce', topic, partition: state.unwritten[0] },
    { cause: error },
  );
}

// Answers meaning this broker or topic cannot take an idempotent producer's batches: no
// IDEMPOTENT_WRITE (CLUSTER_AUTHORIZATION_FAILED before Kafka 2.8, KIP-679), a topic still written
// in message format v0/v1 (UNSUPPORTED_FOR_MESSAGE_FORMAT), or a broker without InitProducerId.
const IDEMPOTENCE_REFUSALS = new Set([31, 35, 43]);

/** Thrown by produceIdempotently when the cluster cannot take idempotent batches for this topic. */
export class IdempotenceRefusedError extends Error {
  /** Partitions already written before the refusal, by partition: base offset. */
  readonly written: Map<number, number>;
  constructor(written: Map<number, number>, options: { cause: unknown }) {
    super('the cluster refused an idempotent producer for this topic', options);
    this.written = written;
  }
}

/**
 * Writes records with an idempotent producer (KIP-98; the default of Kafka's own producer since 3.0,
 * KIP-679), one send per partition. The library retries a partition whose leader moved with the same
 * producer id and sequence numbers, so a batch that reached the old leader's log before the election
 * is deduplicated by the broker instead of written twice, which a plain producer cannot avoid with
 * acks=all. One partition per send, because the library routes a retried request by its first
 * partition's leader.
 *
 * @throws IdempotenceRefusedError when the broker refuses idempotence (see IDEMPOTENCE_REFUSALS),
 *   carrying what was written, so the caller can fall back to produceRecords for the rest; any other
 *   failure as the library threw it.
 */
export async function produceIdempotently(
  producer: Producer<Buffer, Buffer, Buffer, Buffer>,
  topic: string,
  records: RecordToProduce[],
  compression: Compression,
): Promise<ProducedBatch[]> {
  const byPartition = new Map<number, RecordToProduce[]>();
  for (const record of records)
    byPartition.set(record.partition, [...(byPartition.get(record.partition) ?? []), record]);
  const written = new Map<number, number>();
  const failures: unknown[] = [];
  await Promise.all(
    [...byPartition].map(async ([partition, batch]) => {
      try {
        const result = await producer.send({
          messages: batch.map((record) => toMessage(topic, record)),
          acks: -1,
          compression,
          repeatOnStaleMetadata: true,
        });
        const offset = result.offsets?.find((o) => o.partition === partition)?.offset;
        if (offset !== undefined) written.set(partition, Number(offset));
      } catch (error) {
        failures.push(error);
      }
    }),
  );
  const refusal = failures.find((error) => kafkaErrorCodes(error).some((c) => IDEMPOTENCE_REFUSALS.has(c)));
  if (refusal) throw new IdempotenceRefusedError(written, { cause: refusal });
  if (failures.length > 0) throw failures[0];
  return [...written]
    .map(([partition, baseOffset]) => ({
      partition,
      baseOffset,
      count: byPartition.get(partition)?.length ?? 0,
    }))
    .sort((a, b) => a.partition - b.partition);
}
