import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BrokerSummary,
  ClusterOverview,
  Freshness,
  GroupSummary,
  QuorumReplica,
  TopicSummary,
  ZooKeeperPanel,
  ZooKeeperServerStatus,
} from '@weir/server/api-types';
import { useState } from 'react';
import { apiRequest } from './client.ts';

/** The server's read-model types are the contract; re-exported so pages import from one place. */
export type {
  BrokerSummary,
  ClusterOverview,
  Freshness,
  GroupSummary,
  QuorumReplica,
  TopicSummary,
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

export interface ConfigEntry {
  name: string;
  value: string | null;
  source: string;
  readOnly: boolean;
  sensitive: boolean;
  defaultValue: string | null;
}

export interface TopicDetail {
  freshness: Freshness;
  topic: TopicSummary & { topicId: string };
  partitions: {
    partition: number;
    leader: number | null;
    replicas: number[];
    isr: number[];
    offline: boolean;
    underReplicated: boolean;
    startOffset: number | null;
    endOffset: number | null;
    replicaSizes: { broker: number; sizeBytes: number | null }[];
  }[];
  configs: ConfigEntry[] | null;
  configsError: string | null;
  consumerGroups: { groupId: string; state: string; lag: number }[];
}

export interface GroupDetail {
  freshness: Freshness;
  group: GroupSummary & {
    protocol: string | null;
    members: {
      memberId: string;
      clientId: string;
      host: string;
      assignment: { topic: string; partition: number }[];
    }[];
  };
  partitions: {
    topic: string;
    partition: number;
    committedOffset: number;
    endOffset: number | null;
    lag: number | null;
    memberId: string | null;
  }[];
}

export interface BrokerDetail {
  freshness: Freshness;
  broker: BrokerSummary;
  configs: ConfigEntry[];
  logDirs:
    | {
        path: string;
        totalBytes: number | null;
        usableBytes: number | null;
        replicas: { topic: string; partition: number; sizeBytes: number }[];
      }[]
    | null;
}

export interface AclBinding {
  resourceType: string;
  resourceName: string;
  patternType: string;
  principal: string;
  host: string;
  operation: string;
  permission: string;
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
    `${base(clusterId)}/topics/${encodeURIComponent(name)}`,
  );

export const useGroups = (clusterId: string) =>
  useClusterQuery<{ freshness: Freshness; groups: GroupSummary[] }>(
    ['cluster', clusterId, 'groups'],
    `${base(clusterId)}/groups`,
  );

export const useGroup = (clusterId: string, groupId: string) =>
  useClusterQuery<GroupDetail>(
    ['cluster', clusterId, 'group', groupId],
    `${base(clusterId)}/groups/${encodeURIComponent(groupId)}`,
  );

export const useAcls = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'acls'],
    queryFn: () =>
      apiRequest<{ authorizerEnabled: boolean; total: number; acls: AclBinding[] }>(
        `${base(clusterId)}/acls`,
      ),
  });

export const useScramUsers = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'scram'],
    queryFn: () =>
      apiRequest<{ users: { user: string; mechanisms: { mechanism: string; iterations: number }[] }[] }>(
        `${base(clusterId)}/scram-users`,
      ),
  });

export const useQuotas = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'quotas'],
    queryFn: () =>
      apiRequest<{ quotas: { entity: Record<string, string | null>; values: Record<string, number> }[] }>(
        `${base(clusterId)}/quotas`,
      ),
  });

/** Read live (not from the snapshot): ZooKeeper is asked each time the panel shows. */
export const useZooKeeper = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'zookeeper'],
    queryFn: () => apiRequest<ZooKeeperPanel>(`${base(clusterId)}/zookeeper`),
    retry: false,
  });
