import { Space } from 'antd';
import { DeleteGroupDialog } from './group/DeleteGroupDialog.tsx';
import { DeleteOffsetsPicker } from './group/DeleteOffsetsPicker.tsx';
import type { GroupActionProps } from './group/group-action.ts';
import { ResetOffsetsDialog } from './group/ResetOffsetsDialog.tsx';

/** Offset reset (always previewed per partition, refused while members are active) and group deletion. */
export function GroupActions({ clusterId, groupId, topics }: GroupActionProps) {
  return (
    <Space>
      <ResetOffsetsDialog clusterId={clusterId} groupId={groupId} topics={topics} />
      <DeleteOffsetsPicker clusterId={clusterId} groupId={groupId} topics={topics} />
      <DeleteGroupDialog clusterId={clusterId} groupId={groupId} />
    </Space>
  );
}
