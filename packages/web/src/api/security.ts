import { useQuery } from '@tanstack/react-query';
import type { AclPage, ClientQuota, ScramUser } from '@weir/server/api-types';
import { apiRequest } from './client.ts';
import { base } from './cluster-cache.ts';

export type { AclBinding } from '@weir/server/api-types';

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
