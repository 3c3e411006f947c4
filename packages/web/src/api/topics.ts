import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TypedJobDetail } from '@weir/api/jobs';
import type {
  AddPartitions,
  MessageCountProgress,
  NewTopic,
  TopicSort,
  TruncateTarget,
} from '@weir/api/topics';
import { useClusterChange, useClusterQuery, useConfigChange } from './cluster-cache.ts';
import { weir } from './weir.ts';

export type { TopicDetail, TopicSummary, TruncateTarget } from '@weir/api/topics';

/** What the topics page asks for; an empty `search` lists every topic. */
export interface TopicQuery {
  search: string;
  internal: boolean;
  sort: TopicSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const useTopics = (clusterId: string, query: TopicQuery) =>
  useClusterQuery(['cluster', clusterId, 'topics', query], ({ refresh }) =>
    weir.topics.list(clusterId, { ...query, search: query.search || undefined, refresh }),
  );

export const useTopic = (clusterId: string, name: string) =>
  useClusterQuery(['cluster', clusterId, 'topic', name], (query) => weir.topics.get(clusterId, name, query));

export const useTopicPresets = () =>
  useQuery({
    queryKey: ['topic-presets'],
    queryFn: () => weir.topics.presets(),
  });

export const useCreateTopic = (clusterId: string) =>
  useClusterChange(clusterId, (topic: NewTopic) => weir.topics.create(clusterId, topic), {
    changes: (topic) => !topic.validateOnly,
  });

export const useDeleteTopic = (clusterId: string) =>
  useClusterChange(clusterId, (name: string) => weir.topics.delete(clusterId, name, name), {
    removed: (name) => ['cluster', clusterId, 'topic', name],
  });

export const useAddPartitions = (clusterId: string, topic: string) =>
  useClusterChange(
    clusterId,
    (change: AddPartitions) => weir.topics.addPartitions(clusterId, topic, change),
    {
      changes: (change) => !change.validateOnly,
    },
  );

export const useCloneTopic = (clusterId: string, topic: string) =>
  useClusterChange(clusterId, (name: string) => weir.topics.clone(clusterId, topic, name));

/** Deletes records up to a target: preview per partition (`apply: false`), then apply. */
export const useTruncate = (clusterId: string, topic: string) =>
  useClusterChange(
    clusterId,
    ({ target, apply }: { target: TruncateTarget; apply: boolean }) =>
      apply
        ? weir.topics.truncate(clusterId, topic, { target, confirmName: topic })
        : weir.topics.previewTruncate(clusterId, topic, { target }),
    { changes: ({ apply }) => apply },
  );

/** Config edits of one topic. */
export const useTopicConfigChange = (clusterId: string, topic: string) =>
  useConfigChange(clusterId, weir.topics.configs(clusterId, topic));

/** A message-count job with its history. */
export type CountJob = TypedJobDetail<unknown, MessageCountProgress>;

/** The topic's newest exact count; polled while it runs. */
export const useMessageCount = (clusterId: string, topic: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'message-count', topic],
    queryFn: async () => (await weir.topics.messageCount(clusterId, topic)) as { job: CountJob | null },
    refetchInterval: (query) =>
      query.state.data?.job && ['running', 'cancelling'].includes(query.state.data.job.state) ? 1000 : false,
  });

export const useStartMessageCount = (clusterId: string, topic: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => weir.topics.startMessageCount(clusterId, topic),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['cluster', clusterId, 'message-count', topic] }),
  });
};
