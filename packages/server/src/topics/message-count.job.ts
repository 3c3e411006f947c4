import type { MessageCountProgress } from '@weir/api';
import { countRecordSet, type FetchedRecordSet, type KafkaGateway } from '@weir/kafka';
import type { JobRecord } from '@weir/store';
import type { Gateways } from '../clusters/cluster-connections.ts';
import type { JobHandler, JobHistory } from '../jobs/jobs.service.ts';

export const MESSAGE_COUNT_JOB = 'message-count';

export interface MessageCountSpec {
  topic: string;
}

type Job = JobRecord<MessageCountSpec, MessageCountProgress>;
type PartitionCount = MessageCountProgress['partitions'][number];

// Enough per partition that a step moves far, small enough that a step (and its saved progress) stays short.
const LIMITS = { maxBytes: 16 * 1024 * 1024, partitionMaxBytes: 2 * 1024 * 1024, maxWaitMs: 0 };
const OFFSET_OUT_OF_RANGE = 1;
// NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE, FENCED/UNKNOWN_LEADER_EPOCH, UNKNOWN_TOPIC_OR_PARTITION (a new leader catching up), REPLICA_NOT_AVAILABLE.
const LEADERSHIP_ERRORS = new Set([6, 5, 74, 75, 3, 9]);
const MAX_LEADER_RETRIES = 20;

export const initialCountProgress = (): MessageCountProgress => ({
  phase: 'plan',
  partitions: [],
  records: 0,
  complete: false,
});

/**
 * Counts a topic's records exactly, as a read_committed consumer would receive them: reads every
 * partition from its leader, from the log start to the end offset seen when the count began,
 * counting data records only (not transaction markers, not aborted transactions, not the offsets
 * compaction removed). Progress per partition is saved after every step, so a restart resumes.
 */
export class MessageCountJob implements JobHandler<MessageCountSpec, MessageCountProgress> {
  readonly #connections: Gateways;

  constructor(connections: Gateways) {
    this.#connections = connections;
  }

  describe(spec: MessageCountSpec): string {
    return `exact record count of ${spec.topic} (read_committed).`;
  }

  whereAt(job: Job): string {
    const progress = job.progress ?? initialCountProgress();
    return `${progress.partitions.filter((p) => p.done).length} of ${progress.partitions.length} partition(s) counted`;
  }

  async step(job: Job, history: JobHistory) {
    const progress = structuredClone(job.progress ?? initialCountProgress());
    const gateway = await this.#connections.gateway(job.clusterId);
    if (progress.phase === 'plan') {
      await this.#plan(job.spec.topic, gateway, progress);
      await history.record(
        'step',
        `Counting ${progress.partitions.length} partition(s) up to the end offsets seen now (${sum(progress.partitions, (p) => p.end - p.start)} offsets in all).`,
        {
          partitions: progress.partitions.map((p) => ({
            partition: p.partition,
            start: p.start,
            end: p.end,
          })),
        },
      );
      return { progress, done: false, again: true };
    }
    if (progress.phase === 'count') {
      await this.#countOnce(job.spec.topic, gateway, progress, history);
      if (progress.partitions.every((p) => p.done)) progress.phase = 'finished';
      else {
        // A partition waiting for its leader to move waits a poll interval before it asks again.
        const waiting = progress.partitions.some((p) => !p.done && p.retries > 0);
        return { progress, done: false, again: !waiting };
      }
    }
    progress.records = sum(progress.partitions, (p) => p.records);
    const failed = progress.partitions.filter((p) => p.error !== null);
    progress.complete = failed.length === 0;
    const error = failed.length
      ? `${failed.length} partition(s) could not be counted, so ${progress.records} is a lower bound: ${failed.map((p) => `${p.partition}: ${p.error}`).join('; ')}`
      : null;
    if (!error) await history.record('step', `${job.spec.topic} holds ${progress.records} record(s).`);
    return { progress, done: true, error };
  }

  /** Nothing to undo: the count only read. */
  async cancel(job: Job): Promise<MessageCountProgress> {
    return { ...(job.progress ?? initialCountProgress()), phase: 'finished', complete: false };
  }

  async #plan(topic: string, gateway: KafkaGateway, progress: MessageCountProgress): Promise<void> {
    const led = await this.#ledPartitions(topic, gateway);
    const offline = led.filter((p) => p.leader === null).map((p) => p.partition);
    if (offline.length)
      throw new Error(
        `Partition(s) ${offline.join(', ')} of ${topic} have no leader; a count needs every partition.`,
      );
    const result = await gateway.listOffsets(
      led.map((p) => ({ topic, partition: p.partition, leader: p.leader! })),
    );
    if (result.failedBrokers.length)
      throw new Error(
        `ListOffsets failed on broker(s) ${result.failedBrokers.map((b) => `${b.nodeId} (${b.error})`).join(', ')}.`,
      );
    progress.partitions = result.offsets
      .map((o) => ({
        partition: o.partition,
        start: o.start,
        end: o.end,
        position: o.start,
        records: 0,
        aborted: 0,
        markers: 0,
        open: {},
        done: o.start >= o.end,
        retries: 0,
        error: null,
      }))
      .sort((a, b) => a.partition - b.partition);
    progress.phase = 'count';
  }

  /** One Fetch per leader for every partition not done yet; each answer advances its partition. */
  async #countOnce(
    topic: string,
    gateway: KafkaGateway,
    progress: MessageCountProgress,
    history: JobHistory,
  ) {
    const led = new Map((await this.#ledPartitions(topic, gateway)).map((p) => [p.partition, p]));
    const byLeader = new Map<number, PartitionCount[]>();
    for (const p of progress.partitions.filter((x) => !x.done)) {
      const leader = led.get(p.partition)?.leader;
      if (!leader) {
        this.#retryOrFail(p, 'has no leader');
        continue;
      }
      byLeader.set(leader.nodeId, [...(byLeader.get(leader.nodeId) ?? []), p]);
    }
    await Promise.all(
      [...byLeader].map(async ([nodeId, partitions]) => {
        const leader = led.get(partitions[0]!.partition)!.leader!;
        const topicId = led.get(partitions[0]!.partition)!.topicId;
        let answers: FetchedRecordSet[];
        try {
          answers = await gateway.fetchRecordSets(
            leader,
            partitions.map((p) => ({ topic, topicId, partition: p.partition, offset: p.position })),
            LIMITS,
          );
        } catch (error) {
          for (const p of partitions)
            this.#retryOrFail(p, `leader ${nodeId} failed: ${(error as Error).message}`);
          return;
        }
        for (const p of partitions) {
          const answer = answers.find((a) => a.partition === p.partition);
          if (!answer) this.#retryOrFail(p, `leader ${nodeId} did not answer for it`);
          else await this.#advance(topic, p, answer, nodeId, history);
        }
      }),
    );
  }

  async #advance(
    topic: string,
    p: PartitionCount,
    answer: FetchedRecordSet,
    nodeId: number,
    history: JobHistory,
  ) {
    if (answer.errorCode === OFFSET_OUT_OF_RANGE && answer.logStartOffset > p.position) {
      // Retention or DeleteRecords removed what was not read yet: those records no longer exist.
      await history.record(
        'step',
        `${topic}-${p.partition}: the log start moved from ${p.position} to ${answer.logStartOffset} while counting; records deleted meanwhile are not counted.`,
      );
      p.position = answer.logStartOffset;
      if (p.position >= p.end) p.done = true;
      return;
    }
    if (LEADERSHIP_ERRORS.has(answer.errorCode))
      return this.#retryOrFail(p, `leader ${nodeId} answered error ${answer.errorCode}`);
    if (answer.errorCode !== 0) {
      p.error = `leader ${nodeId} answered Fetch with error code ${answer.errorCode}`;
      p.done = true;
      return;
    }
    const counted = answer.records?.length ? countRecordSet(answer.records, p.position, p.end, p.open) : null;
    if (counted && counted.nextOffset <= p.position && !counted.reachedEnd)
      return this.#retryOrFail(p, `leader ${nodeId} sent no whole batch at offset ${p.position}`);
    p.retries = 0;
    if (counted) {
      p.records += counted.committed;
      p.aborted += counted.aborted;
      p.markers += counted.markers;
      p.position = Math.max(p.position, counted.nextOffset);
    }
    // An empty answer below the end: the rest of the range holds no batch (compacted or deleted away).
    if (counted && !counted.reachedEnd && p.position < p.end) return;
    p.position = Math.max(p.position, p.end);
    p.done = true;
    const open = Object.values(p.open).reduce((a, b) => a + b, 0);
    await history.record(
      'step',
      `${topic}-${p.partition}: ${p.records} record(s) in offsets ${p.start}–${p.end} (${p.markers} transaction marker(s), ${p.aborted} aborted record(s)${open ? `, ${open} record(s) of transactions still open, not counted` : ''}).`,
      { partition: p.partition, records: p.records, markers: p.markers, aborted: p.aborted, open },
    );
  }

  #retryOrFail(p: PartitionCount, reason: string): void {
    p.retries += 1;
    if (p.retries < MAX_LEADER_RETRIES) return;
    p.error = `${reason} (${MAX_LEADER_RETRIES} tries)`;
    p.done = true;
  }

  async #ledPartitions(topic: string, gateway: KafkaGateway) {
    const metadata = await gateway.metadata([topic]);
    const found = metadata.topics.find((t) => t.name === topic);
    if (!found) throw new Error(`Topic ${topic} no longer exists.`);
    const brokers = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
    return found.partitions.map((p) => ({
      partition: p.partition,
      topicId: found.topicId ?? '',
      leader: brokers.get(p.leader) ?? null,
    }));
  }
}

const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);
