import { useMutation } from '@tanstack/react-query';
import type {
  ReassignmentPlanRequest,
  ReassignmentRequest,
  ReplicationFactorChange,
} from '@weir/api/replicas';
import { useClusterChange } from './cluster-cache.ts';
import { weir } from './weir.ts';

export type { ReassignmentPlan } from '@weir/api/replicas';

/** Preferred or (with `unclean`, accepting data loss) unclean leader election, of some topics or all. */
export const useElectLeaders = (clusterId: string) =>
  useClusterChange(clusterId, ({ topics, unclean }: { topics?: string[]; unclean: boolean }) =>
    weir.replicas.elect(clusterId, {
      type: unclean ? 'unclean' : 'preferred',
      partitions: topics?.map((topic) => ({ topic })),
      acceptDataLoss: unclean ? true : undefined,
    }),
  );

/** Starts the reassignment job that changes a topic's replication factor. */
export const useChangeReplicationFactor = (clusterId: string, topic: string) =>
  useClusterChange(clusterId, (change: ReplicationFactorChange) =>
    weir.replicas.changeReplicationFactor(clusterId, topic, change),
  );

/** Plans a reassignment; changes nothing, so nothing is fetched again. */
export const useReassignmentPlan = (clusterId: string) =>
  useMutation({
    mutationFn: (request: ReassignmentPlanRequest) => weir.replicas.plan(clusterId, request),
  });

export const useStartReassignment = (clusterId: string) =>
  useClusterChange(clusterId, (request: ReassignmentRequest) => weir.replicas.reassign(clusterId, request));
