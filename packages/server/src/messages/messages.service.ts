import {
  type BrowseResult,
  type Isolation,
  type KeyLookup,
  MAX_FOLLOW_MS,
  MAX_PRODUCE_BODY_BYTES,
  MAX_SEARCH_MS,
  type PartitionProgress,
  type PayloadEncoding,
  type ProduceResult,
  type ResolvedBrowse,
  type ResolvedProduce,
  type ResolvedSearch,
  type SearchCoverage,
  type SearchEvent,
  type StartAt,
  type StopReason,
} from '@weir/api';
import {
  type FetchedRecord,
  hashedPartition,
  type KafkaGateway,
  KafkaGatewayError,
  type MetadataSnapshot,
  type ProducedBatch,
  partitionForKey,
  type TopicMetadata,
} from '@weir/kafka';
import type { Encoder } from '@weir/plugin-sdk';
import type { Actor } from '../changes/actor.ts';
import type { AuditedChanges } from '../changes/audited-change.ts';
import type { Gateways } from '../clusters/cluster-connections.ts';
import { InputError, NotFoundError } from '../errors.ts';
import type { SerdesService } from '../serdes/serdes.service.ts';
import { topicNameProblems } from '../topics/topic-rules.ts';
import type { FilterPool } from './filter-pool.ts';
import type { MatcherFilter } from './message-filter.ts';
import { MessageMatcher } from './message-matcher.ts';
import { mergeByTimestamp } from './message-order.ts';
import { MessageScan, type ScanRange } from './message-scan.ts';
import { encodePayload } from './payload.ts';
import { type Bounds, coverage } from './search-coverage.ts';

// Kept for the temporary api-contract.test.ts, which compares them with the contract's.

const BROWSE_TIME_MS = 15_000;

/** Reading and writing records: browse, search (streamed, budgeted, resumable), export and produce. */
export class MessagesService {
  readonly #connections: Gateways;
  readonly #changes: AuditedChanges;
  readonly #filters: FilterPool;
  readonly #serdes: Pick<SerdesService, 'reader' | 'encoder'>;

  constructor(deps: {
    connections: Gateways;
    changes: AuditedChanges;
    filters: FilterPool;
    serdes: Pick<SerdesService, 'reader' | 'encoder'>;
  }) {
    this.#connections = deps.connections;
    this.#changes = deps.changes;
    this.#filters = deps.filters;
    this.#serdes = deps.serdes;
  }

  async browse(clusterId: string, topicName: string, query: ResolvedBrowse): Promise<BrowseResult> {
    const { gateway, topic, metadata } = await this.#topic(clusterId, topicName);
    const partitions = this.#choosePartitions(
      topic,
      query.partition === undefined ? undefined : [query.partition],
    );
    const start: StartAt =
      query.from === 'newest'
        ? { type: 'newest', count: query.limit }
        : query.from === 'offset'
          ? { type: 'offset', offset: this.#required(query.offset, 'offset') }
          : query.from === 'timestamp'
            ? { type: 'timestamp', timestamp: this.#required(query.timestamp, 'timestamp') }
            : { type: 'oldest' };
    const { ranges, failed } = await this.#ranges(
      gateway,
      metadata,
      topic,
      partitions,
      start,
      query.isolation,
    );
    const found = new Map<number, FetchedRecord[]>();
    const scan = new MessageScan(gateway, {
      topic,
      ranges,
      matcher: new MessageMatcher([], null),
      isolation: query.isolation,
      budget: {
        maxScanned: Number.MAX_SAFE_INTEGER,
        maxMs: BROWSE_TIME_MS,
        maxMatches: query.limit * ranges.length,
        perPartitionLimit: query.limit,
      },
    });
    const reason = await scan.run({
      matches: (records) => {
        for (const r of records) found.set(r.partition, [...(found.get(r.partition) ?? []), r]);
      },
    });
    const page = mergeByTimestamp([...found.values()], query.from === 'newest');
    const reader = await this.#serdes.reader(clusterId, topicName);
    return {
      messages: await Promise.all(
        page.slice(0, query.limit).map((r) => reader.render(r, query.maxValueBytes)),
      ),
      reason,
      partitions: [...scan.progress().partitions, ...failed],
    };
  }

  /**
   * Runs a search, handing each event to `emit` as it happens; resolves with the stop reason. Each
   * search, tail or export (`exportFormat` given) is one audit entry; browsing pages is not audited.
   */
  async search(
    clusterId: string,
    topicName: string,
    request: ResolvedSearch,
    actor: Actor,
    emit: (event: SearchEvent) => void,
    signal?: AbortSignal,
    exportFormat?: 'json' | 'csv',
  ): Promise<StopReason> {
    const maxMs = request.follow ? MAX_FOLLOW_MS : MAX_SEARCH_MS;
    if (request.maxMs > maxMs)
      throw new InputError(
        request.follow
          ? `maxMs: a live tail runs at most ${maxMs} ms (10 minutes); start a new one to keep following.`
          : `maxMs: a search runs at most ${maxMs} ms (2 minutes); to read further, pass the positions of its end event back as "cursor".`,
      );
    const { gateway, topic, metadata } = await this.#topic(clusterId, topicName);
    const filters: MatcherFilter[] = [...request.filters];
    let keyLookup: KeyLookup | null = null;
    let chosen = request.partitions;
    if (request.key) {
      const { partitioner } = request.key;
      const keyBytes = this.#decode(request.key.value, request.key.encoding, 'key.value');
      const partition = hashedPartition(keyBytes, topic.partitions.length, partitioner);
      // A key the partitioner places at random (consistent_random's empty key) may be anywhere.
      const scope = partition === null ? 'all' : request.key.scope;
      keyLookup = { partitioner, partition, scope };
      if (scope === 'hashed') chosen = [partition as number];
      filters.push({ target: 'key', match: 'equals', value: '', bytes: keyBytes });
    }
    const reader = await this.#serdes.reader(clusterId, topicName);
    // Filters read what the browser shows: a part a serde decodes is matched as its JSON text.
    const rawKey = keyLookup !== null;
    const matcher = new MessageMatcher(
      filters,
      this.#filters,
      reader.mayDecode ? (records, fields) => reader.filterView(records, fields, rawKey) : null,
    );
    const start: SearchCoverage['start'] = request.cursor
      ? { type: 'cursor' }
      : (request.start ?? (request.follow ? { type: 'newest', count: 0 } : { type: 'oldest' }));
    const resumed = request.cursor ? this.#resume(topic, request.cursor) : null;
    const partitions = resumed ? resumed.map((r) => r.partition) : this.#choosePartitions(topic, chosen);
    const [{ ranges: fresh, failed, bounds }, compacted] = await Promise.all([
      this.#ranges(
        gateway,
        metadata,
        topic,
        partitions,
        start.type === 'cursor' ? { type: 'oldest' } : start,
        request.isolation,
      ),
      gateway
        .topicConfigValue([topic.name], 'cleanup.policy')
        .then((values) => (values.get(topic.name) ?? '').includes('compact'))
        .catch(() => false),
    ]);
    // Resuming still lists the offsets: the end event says how many records the partitions hold.
    let ranges = resumed ?? fresh;
    if (request.follow && !request.cursor) ranges = ranges.map((r) => ({ ...r, to: null }));
    await this.#changes.record(clusterId, actor, {
      action: exportFormat ? 'message.export' : request.follow ? 'message.tail' : 'message.search',
      targetType: 'topic',
      target: topicName,
      after: {
        ...(exportFormat ? { format: exportFormat } : {}),
        filters: request.filters,
        key: request.key?.value ?? null,
        ...(keyLookup ? { partitioner: keyLookup.partitioner, keyScope: keyLookup.scope } : {}),
        resumed: Boolean(request.cursor),
        isolation: request.isolation,
      },
      ok: true,
    });
    const scan = new MessageScan(gateway, {
      topic,
      ranges,
      matcher,
      isolation: request.isolation,
      budget: { maxScanned: request.maxScanned, maxMs: request.maxMs, maxMatches: request.maxMatches },
      signal,
    });
    emit({
      type: 'start',
      partitions: [...scan.progress().partitions, ...(request.cursor ? [] : failed)],
      keyPartition: keyLookup?.partition ?? null,
      keyLookup,
    });
    const reason = await scan.run({
      matches: async (records) => {
        const rendered = await Promise.all(records.map((r) => reader.render(r, request.maxValueBytes)));
        for (const message of rendered) emit({ type: 'match', message });
      },
      progress: (progress) => emit({ type: 'progress', progress }),
    });
    const progress = scan.progress();
    emit({
      type: 'end',
      reason,
      progress: { ...progress, partitions: [...progress.partitions, ...(request.cursor ? [] : failed)] },
      covered: coverage(start, scan.covered(), bounds, compacted),
      keyLookup: keyLookup && {
        ...keyLookup,
        // Nothing in the partition the key hashes to: the producer may have used another partitioner.
        searchAllPartitions:
          keyLookup.scope === 'hashed' &&
          progress.matched === 0 &&
          reason === 'end' &&
          topic.partitions.length > 1,
      },
    });
    return reason;
  }

  async produce(
    clusterId: string,
    topicName: string,
    request: ResolvedProduce,
    actor: Actor,
  ): Promise<ProduceResult> {
    const { gateway, topic } = await this.#topic(clusterId, topicName);
    const count = topic.partitions.length;
    let roundRobin = Math.floor(Math.random() * count);
    const [encodeKey, encodeValue] = await Promise.all([
      request.keySerde ? this.#serdes.encoder(clusterId, topicName, 'key', request.keySerde) : null,
      request.valueSerde ? this.#serdes.encoder(clusterId, topicName, 'value', request.valueSerde) : null,
    ]);
    const encoded = await Promise.all(
      request.messages.map(async (message, index) => ({
        key: await this.#bytes(
          message.key,
          encodeKey,
          request.keySerde?.serde,
          request.keyEncoding,
          `messages[${index}].key`,
        ),
        value: await this.#bytes(
          message.value,
          encodeValue,
          request.valueSerde?.serde,
          request.valueEncoding,
          `messages[${index}].value`,
        ),
      })),
    );
    const records = request.messages.map((message, index) => {
      const { key, value } = encoded[index] as { key: Buffer | null; value: Buffer | null };
      if (message.partition !== undefined && message.partition >= count)
        throw new InputError(
          `messages[${index}].partition: ${topicName} has partitions 0 to ${count - 1}; ${message.partition} does not exist.`,
        );
      const partition = message.partition ?? (key ? partitionForKey(key, count) : roundRobin++ % count);
      return {
        partition,
        key,
        value,
        headers: (message.headers ?? []).map((h) => [h.name, Buffer.from(h.value)] as [string, Buffer]),
      };
    });
    const bytes = records.reduce((sum, r) => sum + (r.key?.length ?? 0) + (r.value?.length ?? 0), 0);
    const batches: ProducedBatch[] = await this.#changes.apply(
      clusterId,
      actor,
      { action: 'message.produce', targetType: 'topic', target: topicName },
      () =>
        gateway
          .produce(topicName, records, request.compression)
          .catch(async (error: unknown) =>
            Promise.reject(await tooLarge(error, gateway, topicName, records)),
          ),
      (written) => ({
        messages: records.length,
        bytes,
        compression: request.compression,
        partitions: written,
      }),
    );
    return { written: records.length, partitions: batches };
  }

  async #topic(clusterId: string, name: string) {
    // A name Kafka could never accept names no topic: say so, rather than answering an empty read.
    const problems = topicNameProblems(name);
    if (problems.length)
      throw new InputError(
        `"${name}" cannot be a Kafka topic name: ${problems.map((p) => p.replace(/^name: /, '')).join(' ')}`,
        problems,
      );
    const gateway = await this.#connections.gateway(clusterId);
    const metadata = await gateway.metadata([name]);
    const topic = metadata.topics.find((t) => t.name === name);
    if (!topic)
      throw new NotFoundError(`Topic "${name}" does not exist in this cluster; check the name.`, {
        code: 'topic.not-found',
        params: { topic: name },
      });
    return { gateway, topic, metadata };
  }

  #choosePartitions(topic: TopicMetadata, chosen: number[] | undefined): number[] {
    const all = topic.partitions.map((p) => p.partition).sort((a, b) => a - b);
    if (!chosen?.length) return all;
    const missing = chosen.filter((p) => !all.includes(p));
    if (missing.length)
      throw new InputError(
        `${topic.name} has partitions 0 to ${all.length - 1}; partition ${missing.join(', ')} does not exist.`,
      );
    return [...new Set(chosen)].sort((a, b) => a - b);
  }

  /** Where each partition's read starts and ends; leaderless partitions are reported, not waited for. */
  async #ranges(
    gateway: KafkaGateway,
    metadata: MetadataSnapshot,
    topic: TopicMetadata,
    partitions: number[],
    start: StartAt,
    isolation: Isolation,
  ): Promise<{ ranges: ScanRange[]; failed: PartitionProgress[]; bounds: Map<number, Bounds> }> {
    const brokers = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
    const led = [];
    const failed: PartitionProgress[] = [];
    for (const partition of partitions) {
      const leader = brokers.get(topic.partitions.find((p) => p.partition === partition)?.leader ?? -1);
      if (leader) led.push({ topic: topic.name, partition, leader });
      else
        failed.push({
          partition,
          position: 0,
          end: 0,
          done: true,
          error: `Partition ${partition} has no leader (offline); it was skipped.`,
        });
    }
    const [listed, atTime] = await Promise.all([
      gateway.listOffsets(led, isolation),
      start.type === 'timestamp' ? gateway.offsetsAt(led, start.timestamp) : Promise.resolve(null),
    ]);
    for (const broker of listed.failedBrokers) {
      for (const p of led.filter((l) => l.leader.nodeId === broker.nodeId))
        failed.push({ partition: p.partition, position: 0, end: 0, done: true, error: broker.error });
    }
    const ranges = listed.offsets.map(({ partition, start: first, end }): ScanRange => {
      const at = atTime?.get(`${topic.name}:${partition}`);
      const from =
        start.type === 'oldest'
          ? first
          : start.type === 'newest'
            ? Math.max(first, end - start.count)
            : start.type === 'offset'
              ? Math.min(Math.max(start.offset, first), end)
              : at === undefined || at < 0
                ? end
                : Math.max(at, first);
      return { partition, from, to: end };
    });
    const bounds = new Map(listed.offsets.map((o) => [o.partition, { logStart: o.start, end: o.end }]));
    return { ranges: ranges.sort((a, b) => a.partition - b.partition), failed, bounds };
  }

  #resume(topic: TopicMetadata, cursor: NonNullable<ResolvedSearch['cursor']>): ScanRange[] {
    const known = new Set(topic.partitions.map((p) => p.partition));
    return cursor.partitions.map(({ partition, position, end }) => {
      if (!known.has(partition))
        throw new InputError(
          `cursor: ${topic.name} has no partition ${partition}; the cursor is from another topic.`,
        );
      return { partition, from: position, to: end };
    });
  }

  /** A produced part's bytes: through the serde's encoder (the input is JSON text), else by its encoding. */
  async #bytes(
    input: string | null | undefined,
    encoder: Encoder | null,
    serde: string | undefined,
    encoding: PayloadEncoding,
    where: string,
  ): Promise<Buffer | null> {
    if (input == null) return null;
    if (!encoder) return this.#decode(input, encoding, where);
    let value: unknown;
    const rounded: string[] = [];
    try {
      // JSON numbers are doubles: an integer beyond 2^53 would reach the serde already changed.
      value = JSON.parse(input, (_key, parsed: unknown, context?: { source?: string }) => {
        if (
          typeof parsed === 'number' &&
          context?.source &&
          /^-?\d+$/.test(context.source) &&
          !Number.isSafeInteger(parsed)
        )
          rounded.push(context.source);
        return parsed;
      });
    } catch (error) {
      const problem = `body.${where}: is not JSON (${(error as Error).message}); the ${serde} serde encodes a JSON value, e.g. {"id": 1} or "text".`;
      throw new InputError(`The request is invalid: ${problem}`, [problem]);
    }
    if (rounded.length) {
      const problem = `body.${where}: ${rounded.join(', ')} is beyond 2^53, where JSON numbers lose digits; give it as a decimal string, e.g. "${rounded[0]}".`;
      throw new InputError(`The request is invalid: ${problem}`, [problem]);
    }
    try {
      const bytes = await encoder(value);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    } catch (error) {
      const problem = `body.${where}: the ${serde} serde cannot encode it: ${(error as Error).message}`;
      throw new InputError(`The request is invalid: ${problem}`, [problem]);
    }
  }

  #decode(input: string, encoding: PayloadEncoding, where: string): Buffer {
    try {
      return encodePayload(input, encoding);
    } catch (error) {
      const problem = `body.${where}: ${(error as Error).message} (encoding "${encoding}").`;
      throw new InputError(`The request is invalid: ${problem}`, [problem]);
    }
  }

  #required(value: number | undefined, name: string): number {
    if (value === undefined) throw new InputError(`Browsing from an ${name} needs "${name}".`);
    return value;
  }
}

/**
 * Kafka's MESSAGE_TOO_LARGE and RECORD_LIST_TOO_LARGE say neither the limit nor where it is set;
 * this adds both: the topic's max.message.bytes (default: the broker's message.max.bytes), which
 * bounds a record batch after compression, and Weir's own produce body limit. Other errors pass.
 */
async function tooLarge(
  error: unknown,
  gateway: KafkaGateway,
  topicName: string,
  records: { key: Buffer | null; value: Buffer | null; headers: [string, Buffer][] }[],
): Promise<unknown> {
  const code = error instanceof KafkaGatewayError ? error.coordinates.codeName : undefined;
  if (code !== 'MESSAGE_TOO_LARGE' && code !== 'RECORD_LIST_TOO_LARGE') return error;
  const limit = await gateway
    .topicConfigValue([topicName], 'max.message.bytes')
    .then((values) => values.get(topicName) ?? null)
    .catch(() => null);
  const largest = Math.max(
    ...records.map(
      (r) =>
        (r.key?.length ?? 0) +
        (r.value?.length ?? 0) +
        r.headers.reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + value.length, 0),
    ),
  );
  const limitText =
    limit === null ? 'its max.message.bytes (which could not be read)' : `max.message.bytes = ${limit} bytes`;
  const detail =
    `Kafka refused the records as too large (${code}): topic ${topicName} has ${limitText}, the most one record batch may hold after compression; the largest record sent is ${largest} bytes. ` +
    `Raise the topic's max.message.bytes (its default is the broker's message.max.bytes), compress, or send smaller or fewer records per request. ` +
    `Weir's produce endpoint accepts request bodies up to ${MAX_PRODUCE_BODY_BYTES} bytes; your own producers also need max.request.size above the record size.`;
  return new InputError(detail, [`body.messages: a record batch is larger than ${limitText}.`], {
    cause: error,
  });
}
