/**
 * The messages API's request and response shapes, imported type-only by the console and the CLI
 * through `@weir/server/api-types`. No imports on purpose, as in read-model.types.ts.
 */

/** How a key, value or header value is shown: text when it is UTF-8 text, JSON when it also parses, else bytes. */
export type Payload =
  | { kind: 'null'; size: 0 }
  | { kind: 'text' | 'json'; text: string; size: number; truncated: boolean }
  | { kind: 'binary'; base64: string; size: number; truncated: boolean };

/** How typed input is turned into bytes: text as UTF-8, JSON validated, base64 or hex decoded. */
export type PayloadEncoding = 'text' | 'json' | 'base64' | 'hex';

export type MessageCompression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** KIP-98's isolation levels; read_committed is the default, as librdkafka's is. */
export type Isolation = 'read_committed' | 'read_uncommitted';

export interface RenderedMessage {
  partition: number;
  offset: number;
  /** Epoch milliseconds; null when the record has none (Kafka's -1, e.g. message format v0). */
  timestamp: number | null;
  /** Null for message format v0, which has no timestamp type. */
  timestampType: 'CreateTime' | 'LogAppendTime' | null;
  /** Written in a transaction (the batch's isTransactional attribute). */
  transactional: boolean;
  /**
   * For a transactional record: committed or aborted by its marker, or undecided (no marker yet, past
   * the last stable offset). Read_committed reads show only committed ones. Null otherwise.
   */
  transactionState: 'committed' | 'aborted' | 'undecided' | null;
  /** The producer id and epoch from the batch; null when none was assigned, and before format v2. */
  producerId: number | null;
  producerEpoch: number | null;
  key: Payload;
  value: Payload;
  headers: { name: string; value: Payload }[];
  size: number;
}

export interface PartitionProgress {
  partition: number;
  /** The next offset to read: resume here. */
  position: number;
  /** Where this partition's scan ends (exclusive); null when following. */
  end: number | null;
  done: boolean;
  error?: string;
}

export interface ScanProgress {
  scanned: number;
  matched: number;
  elapsedMs: number;
  partitions: PartitionProgress[];
}

export type StopReason =
  | 'end'
  | 'limit'
  | 'scan-budget'
  | 'time-budget'
  /** The filters of one batch outlived the time left; the cursor resumes at that batch. */
  | 'filter-timeout'
  | 'cancelled';

export interface MessageFilter {
  target: 'key' | 'value' | 'header';
  /** For `header`: which header. */
  header?: string;
  match: 'contains' | 'equals' | 'regex' | 'jsonPath';
  /** The text to find, the pattern, or (jsonPath) the value to compare with. */
  value: string;
  /** For `jsonPath`: e.g. `$.order.items[0].sku`. */
  path?: string;
  ignoreCase?: boolean;
}

export type StartAt =
  | { type: 'oldest' }
  | { type: 'newest'; count: number }
  | { type: 'offset'; offset: number }
  | { type: 'timestamp'; timestamp: number };

/** `GET …/messages`: one page of records; the server fills in the limits left out. */
export interface BrowseQuery {
  from: 'newest' | 'oldest' | 'offset' | 'timestamp';
  offset?: number;
  timestamp?: number;
  partition?: number;
  limit?: number;
  maxValueBytes?: number;
  isolation?: Isolation;
}

export interface BrowseResult {
  messages: RenderedMessage[];
  reason: StopReason;
  partitions: PartitionProgress[];
}

/** `POST …/messages/search` (and `/export`); budgets left out get the server's defaults. */
export interface SearchRequest {
  filters: MessageFilter[];
  start?: StartAt;
  /** Continue a search that stopped: the positions from its last progress. */
  cursor?: { partitions: { partition: number; position: number; end: number | null }[] };
  partitions?: number[];
  /** Find a key: only its partition (Kafka's default partitioner) is read, and only equal keys match. */
  key?: { value: string; encoding: PayloadEncoding };
  /** Keep reading new records as they arrive, until the budget's time runs out or the client leaves. */
  follow?: boolean;
  isolation?: Isolation;
  maxScanned?: number;
  maxMs?: number;
  maxMatches?: number;
  maxValueBytes?: number;
}

export type SearchEvent =
  | { type: 'start'; partitions: PartitionProgress[]; keyPartition: number | null }
  | { type: 'match'; message: RenderedMessage }
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'end'; reason: StopReason; progress: ScanProgress };

/** A line of the search stream: the search's own events, or why it broke off after it had started. */
export type SearchStreamEvent = SearchEvent | { type: 'error'; message: string };

export interface ProduceRequest {
  messages: {
    key?: string | null;
    value?: string | null;
    headers?: { name: string; value: string }[];
    partition?: number;
  }[];
  keyEncoding: PayloadEncoding;
  valueEncoding: PayloadEncoding;
  compression: MessageCompression;
}

export interface ProduceResult {
  written: number;
  partitions: { partition: number; baseOffset: number; count: number }[];
}
