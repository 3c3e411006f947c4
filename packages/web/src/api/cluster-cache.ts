/** How the noun modules share one cluster's query cache: its paths, its reads and its changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfigChangeReport, ConfigEntryView, Freshness, Total } from '@weir/server/api-types';
import { useState } from 'react';
import { apiPathName } from '../path-names.ts';
import { apiRequest } from './client.ts';

/** Read-model types more than one noun's views carry. */
export type { ConfigChangeReport, ConfigEntryView, Freshness, Total };

/** The API path of one cluster; every cluster query key starts `['cluster', clusterId]`. */
export const base = (clusterId: string) => `/clusters/${clusterId}`;

/** The API path of one topic of a cluster. */
export const topicPath = (clusterId: string, topic: string) =>
  `${base(clusterId)}/topics/${apiPathName(topic)}`;

/**
 * Read-model queries share one pattern: the snapshot is served cached, and `refresh()` asks the server
 * to read the cluster again (the `?refresh=true` variant) and replaces the cached answer.
 */
export function useClusterQuery<T>(key: unknown[], path: string) {
  const queryClient = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  const query = useQuery({
    queryKey: key,
    queryFn: () => apiRequest<T>(path),
    placeholderData: keepPreviousData,
    retry: 1,
  });
  const refresh = async () => {
    setRefreshing(true);
    try {
      const separator = path.includes('?') ? '&' : '?';
      queryClient.setQueryData(key, await apiRequest<T>(`${path}${separator}refresh=true`));
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

/**
 * Config edits of one owner (a topic, a broker, the broker defaults) at `configsPath`: preview the
 * diff (`apply: false`, a POST to `previewPath`), then apply it (a PATCH).
 */
export const useConfigChange = (clusterId: string, paths: { configsPath: string; previewPath: string }) =>
  useClusterChange(
    clusterId,
    ({ changes, apply }: { changes: { name: string; value: string | null }[]; apply: boolean }) =>
      apiRequest<ConfigChangeReport>(apply ? paths.configsPath : paths.previewPath, {
        method: apply ? 'PATCH' : 'POST',
        body: { changes },
      }),
    { changes: ({ apply }) => apply },
  );

/** What a config edit hook returns; the editor takes one for its preview and one for applying. */
export type ConfigChange = ReturnType<typeof useConfigChange>;
