import { useMutation } from '@tanstack/react-query';
import type { ElectionOutcome, ReassignmentPlan } from '@weir/server/api-types';
import { apiRequest } from './client.ts';
import { base, topicPath, useClusterChange } from './cluster-cache.ts';
import type { Job } from './jobs.ts';

export type { ReassignmentPlan } from '@weir/server/api-types';

/** Preferred or (with `unclean`, accepting data loss) unclean leader election, of some topics or all. */
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

/** Starts the reassignment job that changes a topic's replication factor. */
export const useChangeReplicationFactor = (clusterId: string, topic: string) =>
  useClusterChange(clusterId, (body: { replicationFactor: number; throttleBytesPerSecond?: number }) =>
    apiRequest<Job>(`${topicPath(clusterId, topic)}/replication-factor`, { method: 'POST', body }),
  );

/** Plans a reassignment; changes nothing, so nothing is fetched again. */
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
