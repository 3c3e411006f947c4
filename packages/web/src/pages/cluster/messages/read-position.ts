import type { BrowseQuery, MessageFilter, SearchRequest } from '../../../api/messages.ts';

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
 * The search (and export) request for a position, its filters and an optional key to look up. A
 * filter with an empty value is left out, except 'equals', which then matches an empty field.
 */
export function searchRequestOf(
  position: ReadPosition,
  filters: MessageFilter[],
  key: string,
): SearchRequest {
  const { from, limit, offset, time, partition, isolation } = position;
  return {
    filters: filters.filter((f) => f.value !== '' || f.match === 'equals'),
    start:
      from === 'newest'
        ? { type: 'newest', count: limit }
        : from === 'offset'
          ? { type: 'offset', offset: offset ?? 0 }
          : from === 'timestamp'
            ? { type: 'timestamp', timestamp: toMillis(time) ?? 0 }
            : { type: 'oldest' },
    partitions: partition === undefined ? undefined : [partition],
    key: key ? { value: key, encoding: 'text' } : undefined,
    isolation,
  };
}
