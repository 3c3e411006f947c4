import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  target: string | null;
  result: string;
  detail: string | null;
  ip: string | null;
}

const PAGE_SIZE = 50;

/** The audit log newest first, a page at a time (cursor: the last id seen). */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      apiRequest<{ entries: AuditEntry[] }>(
        `/audit?limit=${PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ''}`,
      ),
    getNextPageParam: (last) => (last.entries.length === PAGE_SIZE ? last.entries.at(-1)?.id : undefined),
  });
}
