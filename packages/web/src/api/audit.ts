import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditQuery } from '@weir/api/audit';
import { weir } from './weir.ts';

export { AUDIT_ACTIONS, AUDIT_RESULTS, type AuditEntry } from '@weir/api/audit';

/** The audit log's filters, as the page keeps them in its URL. */
export type AuditFilters = Pick<AuditQuery, 'actor' | 'action' | 'cluster' | 'result' | 'from' | 'to'>;

const PAGE_SIZE = 50;

/** The audit log newest first, filtered, a page at a time (cursor: the last id seen). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      weir.audit.list({ ...filters, limit: PAGE_SIZE, before: pageParam || undefined }),
    getNextPageParam: (last) => (last.entries.length === PAGE_SIZE ? last.entries.at(-1)?.id : undefined),
  });
}
