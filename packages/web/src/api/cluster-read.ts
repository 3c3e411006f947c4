import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AclBinding,
  AclPage,
  BrokerDetail,
  BrokerSummary,
  ClientQuota,
  ClusterOverview,
  ConfigEntryView,
  Freshness,
  GroupDetail,
  GroupList,
  GroupSummary,
  QuorumReplica,
  ScramUser,
  TopicDetail,
  TopicSummary,
  Total,
  ZooKeeperPanel,
  ZooKeeperServerStatus,
} from '@weir/server/api-types';
import { useState } from 'react';
import { apiPathName } from '../path-names.ts';
import { apiRequest } from './client.ts';

/** The server's read-model types are the contract; re-exported so pages import from one place. */
export type {
  AclBinding,
  BrokerDetail,
  BrokerSummary,
  ClusterOverview,
  ConfigEntryView,
  Freshness,
  GroupDetail,
  GroupSummary,
  QuorumReplica,
  TopicDetail,
  TopicSummary,
  Total,
  ZooKeeperServerStatus,
};

export interface TopicQuery {
  search: string;
  internal: boolean;
  sort: 'name' | 'partitions' | 'size' | 'messages' | 'underReplicated';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const base = (clusterId: string) => `/clusters/${clusterId}`;

/**
 * Read-model queries share one pattern: the snapshot is served cached, and `refresh()` asks the server
 * to read the cluster again (the `?refresh=true` variant) and replaces the cached answer.
 */
function useClusterQuery<T>(key: unknown[], path: string) {
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

export const useOverview = (clusterId: string) =>
  useClusterQuery<{ freshness: Freshness; overview: ClusterOverview }>(
    ['cluster', clusterId, 'overview'],
    `${base(clusterId)}/overview`,
  );

export const useBrokers = (clusterId: string) =>
  useClusterQuery<{ freshness: Freshness; brokers: BrokerSummary[] }>(
    ['cluster', clusterId, 'brokers'],
    `${base(clusterId)}/brokers`,
  );

export const useBroker = (clusterId: string, brokerId: number) =>
  useClusterQuery<BrokerDetail>(
    ['cluster', clusterId, 'broker', brokerId],
    `${base(clusterId)}/brokers/${brokerId}`,
  );

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
  useClusterQuery<TopicDetail>(
    ['cluster', clusterId, 'topic', name],
    `${base(clusterId)}/topics/${apiPathName(name)}`,
  );

export const useGroups = (clusterId: string) =>
  useClusterQuery<GroupList>(['cluster', clusterId, 'groups'], `${base(clusterId)}/groups`);

export const useGroup = (clusterId: string, groupId: string) =>
  useClusterQuery<GroupDetail>(
    ['cluster', clusterId, 'group', groupId],
    `${base(clusterId)}/groups/${apiPathName(groupId)}`,
  );

export const useAcls = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'acls'],
    queryFn: () => apiRequest<AclPage>(`${base(clusterId)}/acls`),
  });

export const useScramUsers = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'scram'],
    queryFn: () => apiRequest<{ users: ScramUser[] }>(`${base(clusterId)}/scram-users`),
  });

export const useQuotas = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'quotas'],
    queryFn: () => apiRequest<{ quotas: ClientQuota[] }>(`${base(clusterId)}/quotas`),
  });

/** Read live (not from the snapshot): ZooKeeper is asked each time the panel shows. */
export const useZooKeeper = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'zookeeper'],
    queryFn: () => apiRequest<ZooKeeperPanel>(`${base(clusterId)}/zookeeper`),
    retry: false,
  });
