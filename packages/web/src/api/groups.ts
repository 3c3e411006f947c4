import type { GroupDetail, GroupList, ResetPlan, ResetTo } from '@weir/server/api-types';
import { apiPathName } from '../path-names.ts';
import { apiRequest } from './client.ts';
import { base, useClusterChange, useClusterQuery } from './cluster-cache.ts';

export type { GroupDetail, GroupSummary, ResetPlan, ResetTo } from '@weir/server/api-types';

/** The API path of one consumer group of a cluster. */
const groupPath = (clusterId: string, groupId: string) => `${base(clusterId)}/groups/${apiPathName(groupId)}`;

export const useGroups = (clusterId: string) =>
  useClusterQuery<GroupList>(['cluster', clusterId, 'groups'], `${base(clusterId)}/groups`);

export const useGroup = (clusterId: string, groupId: string) =>
  useClusterQuery<GroupDetail>(['cluster', clusterId, 'group', groupId], groupPath(clusterId, groupId));

/** Offset reset: preview per partition (`apply: false`), then apply. */
export const useGroupReset = (clusterId: string, groupId: string) =>
  useClusterChange(
    clusterId,
    ({ to, topics, apply }: { to: ResetTo; topics?: { topic: string }[]; apply: boolean }) =>
      apiRequest<ResetPlan>(`${groupPath(clusterId, groupId)}/offsets/${apply ? 'reset' : 'preview'}`, {
        method: 'POST',
        body: apply ? { to, topics, confirmName: groupId } : { to, topics },
      }),
    { changes: ({ apply }) => apply },
  );

export const useDeleteGroup = (clusterId: string, groupId: string) =>
  useClusterChange(
    clusterId,
    () => apiRequest(groupPath(clusterId, groupId), { method: 'DELETE', body: { confirmName: groupId } }),
    { removed: () => ['cluster', clusterId, 'group', groupId] },
  );

export const useDeleteGroupOffsets = (clusterId: string, groupId: string) =>
  useClusterChange(clusterId, (topic: string) =>
    apiRequest<{ partitions: number[] }>(`${groupPath(clusterId, groupId)}/offsets/${apiPathName(topic)}`, {
      method: 'DELETE',
      body: { confirmName: groupId },
    }),
  );
