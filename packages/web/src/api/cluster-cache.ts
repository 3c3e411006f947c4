/**
 * How the noun modules share one cluster's query cache: its reads and its changes. Every cluster
 * query key starts `['cluster', clusterId]`.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfigChangeReport, ConfigChanges, ConfigEntryView, Freshness, Total } from '@weir/api/common';
import { useState } from 'react';

/** Read-model types more than one noun's views carry. */
export type { ConfigChangeReport, ConfigEntryView, Freshness, Total };

/**
 * Read-model queries share one pattern: the snapshot is served cached, and `refresh()` asks the server
 * to read the cluster again (`read({ refresh: true })`) and replaces the cached answer.
 */
export function useClusterQuery<T>(key: unknown[], read: (query: { refresh?: boolean }) => Promise<T>) {
  const queryClient = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  const query = useQuery({
    queryKey: key,
    queryFn: () => read({}),
    placeholderData: keepPreviousData,
    retry: 1,
  });
  const refresh = async () => {
    setRefreshing(true);
    try {
      queryClient.setQueryData(key, await read({ refresh: true }));
      await queryClient.invalidateQueries({ queryKey: key.slice(0, 2), refetchType: 'inactive' });
    } finally {
      setRefreshing(false);
    }
  };
  return { ...query, refresh, refreshing };
}

/**
 * A request that may change the cluster. When it succeeds and `changes(input)` says it changed
 * something, the cluster's reads are fetched again before the mutation settles, so its button stays
 * busy until the page shows the new state. Previews and validate-only requests change nothing and
 * skip that, instead of keeping their buttons loading while every query of the cluster is re-read.
 * `removed(input)` names the query of a thing the change deleted (a topic, a group): it is not
 * fetched again, since it can only answer 404 (and be retried) while its page is still open.
 */
export function useClusterChange<Input, Output>(
  clusterId: string,
  run: (input: Input) => Promise<Output>,
  options: { changes?: (input: Input) => boolean; removed?: (input: Input) => readonly unknown[] } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (_output, input) => {
      if (options.changes && !options.changes(input)) return;
      const removed = options.removed?.(input);
      await queryClient.invalidateQueries({
        queryKey: ['cluster', clusterId],
        // Every query of the cluster except the removed thing's (and its sub-queries).
        predicate: (query) => !removed || removed.some((part, index) => query.queryKey[index] !== part),
      });
    },
  });
}

/** The client's config edits of one owner (a topic, a broker, the broker defaults). */
interface ConfigOwner {
  preview(changes: ConfigChanges['changes']): Promise<ConfigChangeReport>;
  apply(changes: ConfigChanges['changes']): Promise<ConfigChangeReport>;
}

/** Config edits of one owner: preview the diff (`apply: false`), then apply it. */
export const useConfigChange = (clusterId: string, owner: ConfigOwner) =>
  useClusterChange(
    clusterId,
    ({ changes, apply }: { changes: ConfigChanges['changes']; apply: boolean }) =>
      apply ? owner.apply(changes) : owner.preview(changes),
    { changes: ({ apply }) => apply },
  );

/** What a config edit hook returns; the editor takes one for its preview and one for applying. */
export type ConfigChange = ReturnType<typeof useConfigChange>;
