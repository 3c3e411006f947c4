import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConfigChangeReport,
  ElectionOutcome,
  JobDetailView,
  JobEventView,
  JobView,
  MessageCountProgress,
  ReassignmentPlan,
  ReassignmentProgress,
  ResetPlan,
  ResetTo,
  TopicPreset,
  TruncateTarget,
  TruncationRow,
} from '@weir/server/api-types';
import { apiRequest } from './client.ts';

export type {
  ConfigChangeReport,
  ReassignmentPlan,
  ResetPlan,
  ResetTo,
  TopicPreset,
  TruncateTarget,
  TruncationRow,
} from '@weir/server/api-types';

import { apiPathName } from '../path-names.ts';

const base = (clusterId: string) => `/clusters/${clusterId}`;
const topicPath = (clusterId: string, topic: string) => `${base(clusterId)}/topics/${apiPathName(topic)}`;

/** A job as the jobs list shows it; reassignment is the one kind of job so far. */
export type Job = Omit<JobView, 'progress'> & { progress: ReassignmentProgress | null };

/** One entry of a job's history. */
export type JobEvent = JobEventView;
export type JobDetail = Job & Pick<JobDetailView, 'history'>;

/**
 * A request that may change the cluster. When it succeeds and `changes(input)` says it changed
 * something, the cluster's reads are fetched again before the mutation settles, so its button stays
 * busy until the page shows the new state. Previews and validate-only requests change nothing and
 * skip that, instead of keeping their buttons loading while every query of the cluster is re-read.
 * `removed(input)` names the query of a thing the change deleted (a topic, a group): it is not
 * fetched again, since it can only answer 404 (and be retried) while its page is still open.
 */
function useClusterChange<Input, Output>(
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

/** Whose configs: a topic, one broker, or the cluster-wide broker defaults. */
export type ConfigTarget =
  | { type: 'topic'; name: string }
  | { type: 'broker'; id: number }
  | { type: 'broker-defaults' };

const configsPath = (clusterId: string, target: ConfigTarget) =>
  target.type === 'topic'
    ? `${topicPath(clusterId, target.name)}/configs`
    : target.type === 'broker'
      ? `${base(clusterId)}/brokers/${target.id}/configs`
      : `${base(clusterId)}/broker-defaults/configs`;

/** Config edits: preview the diff, then apply. */
export const useConfigChange = (clusterId: string, target: ConfigTarget) =>
  useClusterChange(
    clusterId,
    ({ changes, apply }: { changes: { name: string; value: string | null }[]; apply: boolean }) =>
      apiRequest<ConfigChangeReport>(
        apply ? configsPath(clusterId, target) : `${configsPath(clusterId, target)}/preview`,
        {
          method: apply ? 'PATCH' : 'POST',
          body: { changes },
        },
      ),
    { changes: ({ apply }) => apply },
  );

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

export const useGroupReset = (clusterId: string, groupId: string) =>
  useClusterChange(
    clusterId,
    ({ to, topics, apply }: { to: ResetTo; topics?: { topic: string }[]; apply: boolean }) =>
      apiRequest<ResetPlan>(
        `${base(clusterId)}/groups/${apiPathName(groupId)}/offsets/${apply ? 'reset' : 'preview'}`,
        { method: 'POST', body: apply ? { to, topics, confirmName: groupId } : { to, topics } },
      ),
    { changes: ({ apply }) => apply },
  );

export const useDeleteGroup = (clusterId: string, groupId: string) =>
  useClusterChange(
    clusterId,
    () =>
      apiRequest(`${base(clusterId)}/groups/${apiPathName(groupId)}`, {
        method: 'DELETE',
        body: { confirmName: groupId },
      }),
    { removed: () => ['cluster', clusterId, 'group', groupId] },
  );

export const useDeleteGroupOffsets = (clusterId: string, groupId: string) =>
  useClusterChange(clusterId, (topic: string) =>
    apiRequest<{ partitions: number[] }>(
      `${base(clusterId)}/groups/${apiPathName(groupId)}/offsets/${apiPathName(topic)}`,
      { method: 'DELETE', body: { confirmName: groupId } },
    ),
  );

export const useElectLeaders = (clusterId: string) =>
  useClusterChange(clusterId, ({ topics, unclean }: { topics?: string[]; unclean: boolean }) =>
    apiRequest<{ results: ElectionOutcome[] }>(`${base(clusterId)}/elections`, {
      method: 'POST',
      body: {
        type: unclean ? 'unclean' : 'preferred',
        partitions: topics?.map((topic) => ({ topic })),
        acceptDataLoss: unclean ? true : undefined,
      },
    }),
  );

export const useChangeReplicationFactor = (clusterId: string, topic: string) =>
  useClusterChange(clusterId, (body: { replicationFactor: number; throttleBytesPerSecond?: number }) =>
    apiRequest<Job>(`${topicPath(clusterId, topic)}/replication-factor`, { method: 'POST', body }),
  );

export const useReassignmentPlan = (clusterId: string) =>
  useMutation({
    mutationFn: (body: { topics: string[]; brokers?: number[]; replicationFactor?: number }) =>
      apiRequest<ReassignmentPlan>(`${base(clusterId)}/reassignments/plan`, { method: 'POST', body }),
  });

export const useStartReassignment = (clusterId: string) =>
  useClusterChange(
    clusterId,
    (body: {
      moves: { topic: string; partition: number; replicas: number[] }[];
      throttleBytesPerSecond?: number;
    }) => apiRequest<Job>(`${base(clusterId)}/reassignments`, { method: 'POST', body }),
  );

export const useJobs = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'jobs'],
    queryFn: () => apiRequest<{ jobs: Job[] }>(`${base(clusterId)}/jobs`),
    refetchInterval: 2000,
  });

/** One job with its history; polled while it runs, left alone once it has ended. */
export const useJob = (clusterId: string, jobId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'jobs', jobId],
    queryFn: () => apiRequest<JobDetail>(`${base(clusterId)}/jobs/${jobId}`),
    refetchInterval: (query) =>
      query.state.data && !['running', 'cancelling'].includes(query.state.data.state) ? false : 2000,
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

export const useCancelJob = (clusterId: string) =>
  useClusterChange(clusterId, (jobId: string) =>
    apiRequest<Job>(`${base(clusterId)}/jobs/${jobId}/cancel`, { method: 'POST' }),
  );
