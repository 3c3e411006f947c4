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

/** One topic's outcome in a change to several: its answer, or why it was refused. */
export type TopicOutcome<T> =
  | { topic: string; ok: true; value: T }
  | { topic: string; ok: false; error: Error };

/**
 * Runs `run` for each topic in turn and keeps every outcome: one refusal does not stop the others,
 * and none is silent. With `changes`, the cluster's pages are re-read afterwards.
 */
export const useTopicsChange = <T>(clusterId: string, run: (topic: string) => Promise<T>, changes: boolean) =>
  useClusterChange(
    clusterId,
    async (topics: string[]): Promise<TopicOutcome<T>[]> => {
      const outcomes: TopicOutcome<T>[] = [];
      for (const topic of topics) {
        try {
          outcomes.push({ topic, ok: true, value: await run(topic) });
        } catch (error) {
          outcomes.push({ topic, ok: false, error: error as Error });
        }
      }
      return outcomes;
    },
    { changes: () => changes },
  );

/** Deletes several topics, each confirmed by its own name once the count was typed. */
export const useDeleteTopics = (clusterId: string) =>
  useTopicsChange(clusterId, (topic) => weir.topics.delete(clusterId, topic, topic), true);

/** The same config edit previewed on several topics, then applied to them. */
export const useTopicsConfigChange = (
  clusterId: string,
  changes: { name: string; value: string | null }[],
  apply: boolean,
) =>
  useTopicsChange(
    clusterId,
    (topic) =>
      apply
        ? weir.topics.configs(clusterId, topic).apply(changes)
        : weir.topics.configs(clusterId, topic).preview(changes),
    apply,
  );
