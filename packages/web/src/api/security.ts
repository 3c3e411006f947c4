import { useQuery } from '@tanstack/react-query';
import { weir } from './weir.ts';

export type { AclBinding } from '@weir/api/security';

export const useAcls = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'acls'],
    queryFn: () => weir.security.acls(clusterId),
  });

export const useScramUsers = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'scram'],
    queryFn: () => weir.security.scramUsers(clusterId),
  });

export const useQuotas = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'quotas'],
    queryFn: () => weir.security.quotas(clusterId),
  });
