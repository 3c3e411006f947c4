import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterInput, ClusterView } from '@weir/api/clusters';
import { useClusterQuery } from './cluster-cache.ts';
import { weir } from './weir.ts';

export type { QuorumReplica } from '@weir/api/brokers';
export type { ClusterInput, ConnectionReport, ZooKeeperServerStatus } from '@weir/api/clusters';
export type { SaslMechanism, SecurityProtocol } from '@weir/api/common';

/** A registered cluster as the API shows it (never a secret, only whether one is stored). */
export type Cluster = ClusterView;

export const clustersKey = ['clusters'] as const;

export function useClusters() {
  return useQuery({
    queryKey: clustersKey,
    queryFn: async () => ({ clusters: await weir.clusters.list() }),
  });
}

/** Tests settings; with `clusterId`, the server fills in secrets left blank from the stored cluster. */
export function useTestConnection(clusterId?: string) {
  return useMutation({
    mutationFn: (input: ClusterInput) => weir.clusters.test(clusterId ? { ...input, clusterId } : input),
  });
}

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterInput) => weir.clusters.create(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clustersKey }),
  });
}

export function useUpdateCluster(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterInput) => weir.clusters.update(clusterId, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: clustersKey });
      await queryClient.invalidateQueries({ queryKey: ['cluster', clusterId] });
    },
  });
}

export function useRemoveCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cluster: Pick<Cluster, 'id' | 'name'>) => weir.clusters.remove(cluster.id, cluster.name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clustersKey }),
  });
}

/** A cluster's overview (brokers, controller, quorum) from its snapshot. */
export const useOverview = (clusterId: string) =>
  useClusterQuery(['cluster', clusterId, 'overview'], (query) => weir.clusters.overview(clusterId, query));

/** Read live (not from the snapshot): ZooKeeper is asked each time the panel shows. */
export const useZooKeeper = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'zookeeper'],
    queryFn: () => weir.clusters.zookeeper(clusterId),
    retry: false,
  });
