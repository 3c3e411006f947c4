import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Freshness,
  JobDetailView,
  JobView,
  MessageCountProgress,
  TopicDetail,
  TopicPreset,
  TopicSummary,
  TruncateTarget,
  TruncationRow,
} from '@weir/server/api-types';
import { apiRequest } from './client.ts';
import { base, topicPath, useClusterChange, useClusterQuery, useConfigChange } from './cluster-cache.ts';

export type { TopicDetail, TopicSummary, TruncateTarget } from '@weir/server/api-types';

export interface TopicQuery {
  search: string;
  internal: boolean;
  sort: 'name' | 'partitions' | 'size' | 'messages' | 'underReplicated';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function useTopics(clusterId: string, query: TopicQuery) {
  const params = new URLSearchParams({
    sort: query.sort,
    order: query.order,
    page: String(query.page),
    pageSize: String(query.pageSize),
    internal: String(query.internal),
  });
  if (query.search) params.set('search', query.search);
  return useClusterQuery<{ freshness: Freshness; total: number; items: TopicSummary[] }>(
    ['cluster', clusterId, 'topics', query],
    `${base(clusterId)}/topics?${params}`,
  );
}

export const useTopic = (clusterId: string, name: string) =>
  useClusterQuery<TopicDetail>(['cluster', clusterId, 'topic', name], topicPath(clusterId, name));

export const useTopicPresets = () =>
  useQuery({
    queryKey: ['topic-presets'],
    queryFn: () => apiRequest<{ presets: TopicPreset[] }>('/topic-presets'),
  });

export const useCreateTopic = (clusterId: string) =>
  useClusterChange(
    clusterId,
    (body: {
      name: string;
      partitions: number;
      replicationFactor: number;
      configs: Record<string, string>;
      validateOnly: boolean;
    }) =>
      apiRequest<{ name: string; validateOnly: boolean; warnings?: string[] }>(`${base(clusterId)}/topics`, {
        method: 'POST',
        body,
      }),
    { changes: (body) => !body.validateOnly },
  );

export const useDeleteTopic = (clusterId: string) =>
  useClusterChange(
    clusterId,
    (name: string) =>
      apiRequest(topicPath(clusterId, name), { method: 'DELETE', body: { confirmName: name } }),
    { removed: (name) => ['cluster', clusterId, 'topic', name] },
  );

export const useAddPartitions = (clusterId: string, topic: string) =>
  useClusterChange(
    clusterId,
    (body: { count: number; validateOnly: boolean }) =>
      apiRequest<{ before: number; after: number; warning: string }>(
        `${topicPath(clusterId, topic)}/partitions`,
        {
          method: 'POST',
          body,
        },
      ),
    { changes: (body) => !body.validateOnly },
  );

export const useCloneTopic = (clusterId: string, topic: string) =>
  useClusterChange(clusterId, (name: string) =>
    apiRequest(`${topicPath(clusterId, topic)}/clone`, { method: 'POST', body: { name } }),
  );

/** Deletes records up to a target: preview per partition (`apply: false`), then apply. */
export const useTruncate = (clusterId: string, topic: string) =>
  useClusterChange(
    clusterId,
    ({ target, apply }: { target: TruncateTarget; apply: boolean }) =>
      apiRequest<{ partitions: TruncationRow[] }>(
        `${topicPath(clusterId, topic)}/truncate${apply ? '' : '/preview'}`,
        {
          method: 'POST',
          body: apply ? { target, confirmName: topic } : { target },
        },
      ),
    { changes: ({ apply }) => apply },
  );

/** Config edits of one topic. */
export const useTopicConfigChange = (clusterId: string, topic: string) =>
  useConfigChange(clusterId, {
    configsPath: `${topicPath(clusterId, topic)}/configs`,
    previewPath: `${topicPath(clusterId, topic)}/configs/preview`,
  });

/** A message-count job with its history. */
export type CountJob = Omit<JobDetailView, 'progress'> & { progress: MessageCountProgress | null };

/** The topic's newest exact count; polled while it runs. */
export const useMessageCount = (clusterId: string, topic: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'message-count', topic],
    queryFn: () => apiRequest<{ job: CountJob | null }>(`${topicPath(clusterId, topic)}/message-count`),
    refetchInterval: (query) =>
      query.state.data?.job && ['running', 'cancelling'].includes(query.state.data.job.state) ? 1000 : false,
  });

export const useStartMessageCount = (clusterId: string, topic: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<JobView>(`${topicPath(clusterId, topic)}/message-count`, { method: 'POST' }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['cluster', clusterId, 'message-count', topic] }),
  });
};
