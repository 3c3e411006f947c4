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

/** Every change invalidates the cluster's reads, so pages show the new state. */
function useClusterChange<Input, Output>(clusterId: string, run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cluster', clusterId] }),
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
  );

export const useDeleteTopic = (clusterId: string) =>
  useClusterChange(clusterId, (name: string) =>
    apiRequest(topicPath(clusterId, name), { method: 'DELETE', body: { confirmName: name } }),
  );

export const useAddPartitions = (clusterId: string, topic: string) =>
  useClusterChange(clusterId, (body: { count: number; validateOnly: boolean }) =>
    apiRequest<{ before: number; after: number; warning: string }>(
      `${topicPath(clusterId, topic)}/partitions`,
      {
        method: 'POST',
        body,
      },
    ),
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
  );

export const useTruncate = (clusterId: string, topic: string) =>
  useClusterChange(clusterId, ({ target, apply }: { target: TruncateTarget; apply: boolean }) =>
    apiRequest<{ partitions: TruncationRow[] }>(
      `${topicPath(clusterId, topic)}/truncate${apply ? '' : '/preview'}`,
      {
        method: 'POST',
        body: apply ? { target, confirmName: topic } : { target },
      },
    ),
  );

export const useGroupReset = (clusterId: string, groupId: string) =>
  useClusterChange(
    clusterId,
    ({ to, topics, apply }: { to: ResetTo; topics?: { topic: string }[]; apply: boolean }) =>
      apiRequest<ResetPlan>(
        `${base(clusterId)}/groups/${apiPathName(groupId)}/offsets/${apply ? 'reset' : 'preview'}`,
        { method: 'POST', body: apply ? { to, topics, confirmGroup: groupId } : { to, topics } },
      ),
  );

export const useDeleteGroup = (clusterId: string, groupId: string) =>
  useClusterChange(clusterId, () =>
    apiRequest(`${base(clusterId)}/groups/${apiPathName(groupId)}`, {
      method: 'DELETE',
      body: { confirmGroup: groupId },
    }),
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
