import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterOverview, ConnectionReport, Freshness, ZooKeeperPanel } from '@weir/server/api-types';
import { apiRequest } from './client.ts';
import { base, useClusterQuery } from './cluster-cache.ts';

export type {
  ConnectionReport,
  QuorumReplica,
  ZooKeeperServerStatus,
} from '@weir/server/api-types';

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512' | 'OAUTHBEARER';

export interface Cluster {
  id: string;
  name: string;
  description: string;
  tags: string[];
  bootstrapServers: string[];
  securityProtocol: SecurityProtocol;
  sasl?: { mechanism: SaslMechanism; username?: string; hasPassword: boolean; hasToken: boolean };
  createdAt: string;
  updatedAt: string;
}

/** What the add-cluster form submits (see ClusterInput in the OpenAPI document). */
export interface ClusterInput {
  name: string;
  description?: string;
  tags?: string[];
  bootstrapServers: string[];
  securityProtocol: SecurityProtocol;
  sasl?: { mechanism: SaslMechanism; username?: string; password?: string; token?: string };
}

export const clustersKey = ['clusters'] as const;

export function useClusters() {
  return useQuery({ queryKey: clustersKey, queryFn: () => apiRequest<{ clusters: Cluster[] }>('/clusters') });
}

/** Tests settings; with `clusterId`, the server fills in secrets left blank from the stored cluster. */
export function useTestConnection(clusterId?: string) {
  return useMutation({
    mutationFn: (input: ClusterInput) =>
      apiRequest<ConnectionReport>('/clusters/test', {
        method: 'POST',
        body: clusterId ? { ...input, clusterId } : input,
      }),
  });
}

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterInput) =>
      apiRequest<{ cluster: Cluster; connection: ConnectionReport }>('/clusters', {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clustersKey }),
  });
}

export function useUpdateCluster(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClusterInput) =>
      apiRequest<{ cluster: Cluster; connection: ConnectionReport }>(`/clusters/${clusterId}`, {
        method: 'PUT',
        body: input,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: clustersKey });
      await queryClient.invalidateQueries({ queryKey: ['cluster', clusterId] });
    },
  });
}

export function useRemoveCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cluster: Pick<Cluster, 'id' | 'name'>) =>
      apiRequest<void>(`/clusters/${cluster.id}`, { method: 'DELETE', body: { confirmName: cluster.name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clustersKey }),
  });
}

/** A cluster's overview (brokers, controller, quorum) from its snapshot. */
export const useOverview = (clusterId: string) =>
  useClusterQuery<{ freshness: Freshness; overview: ClusterOverview }>(
    ['cluster', clusterId, 'overview'],
    `${base(clusterId)}/overview`,
  );

/** Read live (not from the snapshot): ZooKeeper is asked each time the panel shows. */
export const useZooKeeper = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'zookeeper'],
    queryFn: () => apiRequest<ZooKeeperPanel>(`${base(clusterId)}/zookeeper`),
    retry: false,
  });
