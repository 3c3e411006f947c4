import type { ResetScope, ResetTo } from '@weir/api/groups';
import { useClusterChange, useClusterQuery } from './cluster-cache.ts';
import { weir } from './weir.ts';

export type { GroupDetail, GroupSummary, ResetPlan, ResetTo } from '@weir/api/groups';

export const useGroups = (clusterId: string) =>
  useClusterQuery(['cluster', clusterId, 'groups'], (query) => weir.groups.list(clusterId, query));

export const useGroup = (clusterId: string, groupId: string) =>
  useClusterQuery(['cluster', clusterId, 'group', groupId], (query) =>
    weir.groups.get(clusterId, groupId, query),
  );

/** Offset reset: preview per partition (`apply: false`), then apply. */
export const useGroupReset = (clusterId: string, groupId: string) =>
  useClusterChange(
    clusterId,
    ({ to, topics, apply }: { to: ResetTo; topics?: ResetScope; apply: boolean }) =>
      apply
        ? weir.groups.reset(clusterId, groupId, { to, topics, confirmName: groupId })
        : weir.groups.previewReset(clusterId, groupId, { to, topics }),
    { changes: ({ apply }) => apply },
  );

export const useDeleteGroup = (clusterId: string, groupId: string) =>
  useClusterChange(clusterId, () => weir.groups.delete(clusterId, groupId, groupId), {
    removed: () => ['cluster', clusterId, 'group', groupId],
  });

export const useDeleteGroupOffsets = (clusterId: string, groupId: string) =>
  useClusterChange(clusterId, (topic: string) =>
    weir.groups.deleteOffsets(clusterId, groupId, topic, groupId),
  );
