import { useInfiniteQuery } from '@tanstack/react-query';
import { weir } from './weir.ts';

export type { AuditEntry } from '@weir/api/audit';

const PAGE_SIZE = 50;

/** The audit log newest first, a page at a time (cursor: the last id seen). */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => weir.audit.list({ limit: PAGE_SIZE, before: pageParam || undefined }),
    getNextPageParam: (last) => (last.entries.length === PAGE_SIZE ? last.entries.at(-1)?.id : undefined),
  });
}
