import type {
  BrowseQuery,
  KeyPartitioner,
  KeyScope,
  MessageFilter,
  SearchRequest,
  StartAt,
} from '../../../api/messages.ts';

export type From = BrowseQuery['from'];
export type Isolation = NonNullable<BrowseQuery['isolation']>;

/** Where reading starts and what it reads, as the browse bar sets it; search and export use it too. */
export interface ReadPosition {
  from: From;
  /** The first offset, when `from` is 'offset'. */
  offset: number | null;
  /** A `datetime-local` value, when `from` is 'timestamp'; empty when not set. */
  time: string;
  /** One partition, or undefined for all. */
  partition: number | undefined;
  /** How many records a browse shows, and a search from 'newest' reads per partition. */
  limit: number;
  isolation: Isolation;
}

export const initialPosition: ReadPosition = {
  from: 'newest',
  offset: 0,
  time: '',
  partition: undefined,
  limit: 50,
  isolation: 'read_committed',
};

const toMillis = (local: string) => (local ? new Date(local).getTime() : undefined);

/** The browse request for a position. */
export function browseQueryOf(position: ReadPosition): BrowseQuery {
  const { from, limit, isolation, partition, offset, time } = position;
  return {
    from,
    limit,
    isolation,
    partition,
    offset: from === 'offset' ? (offset ?? 0) : undefined,
    timestamp: from === 'timestamp' ? toMillis(time) : undefined,
  };
}

/**
 * Where a search starts and how much it may read, set in the search card itself (not the browse
 * bar's): by default the whole topic from the oldest record, within the server's default budgets.
 */
export interface SearchRange {
  from: From;
  /** Records per partition, when `from` is 'newest'. */
  count: number;
  offset: number | null;
  /** A `datetime-local` value, when `from` is 'timestamp'. */
  time: string;
  /** At most this many records examined (the request's maxScanned). */
  maxScanned: number;
  /** At most this long, in seconds (the request's maxMs / 1000). */
  maxSeconds: number;
}

export const initialSearchRange: SearchRange = {
  from: 'oldest',
  count: 1000,
  offset: 0,
  time: '',
  maxScanned: 10_000_000,
  maxSeconds: 30,
};

/** A key to look up, the partitioner its producer used, and whether to read every partition. */
export interface KeyQuery {
  value: string;
  partitioner: KeyPartitioner;
  scope: KeyScope;
}

function startOf(range: SearchRange): StartAt {
  const { from, count, offset, time } = range;
  return from === 'newest'
    ? { type: 'newest', count }
    : from === 'offset'
      ? { type: 'offset', offset: offset ?? 0 }
      : from === 'timestamp'
        ? { type: 'timestamp', timestamp: toMillis(time) ?? 0 }
        : { type: 'oldest' };
}

/**
 * The search (and export) request for a range, the browse bar's partition and isolation, its
 * filters and an optional key to look up. A filter with an empty value is left out, except
 * 'equals', which then matches an empty field.
 */
export function searchRequestOf(
  range: SearchRange,
  position: Pick<ReadPosition, 'partition' | 'isolation'>,
  filters: MessageFilter[],
  key: KeyQuery,
): SearchRequest {
  const { partition, isolation } = position;
  return {
    filters: filters.filter((f) => f.value !== '' || f.match === 'equals'),
    start: startOf(range),
    partitions: partition === undefined ? undefined : [partition],
    key: key.value
      ? { value: key.value, encoding: 'text', partitioner: key.partitioner, scope: key.scope }
      : undefined,
    maxScanned: range.maxScanned,
    maxMs: range.maxSeconds * 1000,
    isolation,
  };
}
