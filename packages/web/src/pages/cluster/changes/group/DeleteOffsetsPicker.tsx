import { Alert, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteGroupOffsets } from '../../../../api/groups.ts';
import { ConfirmByName } from '../ConfirmByName.tsx';
import type { GroupActionProps } from './group-action.ts';

/** Picking one of the group's topics asks (with the group id typed) to delete its offsets for it. */
export function DeleteOffsetsPicker({ clusterId, groupId, topics }: GroupActionProps) {
  const { t } = useTranslation();
  const [offsetsTopic, setOffsetsTopic] = useState<string | null>(null);
  const removeOffsets = useDeleteGroupOffsets(clusterId, groupId);
  const close = () => {
    setOffsetsTopic(null);
    removeOffsets.reset();
  };
  return (
    <>
      <Select
        placeholder={t('groupOps.deleteOffsets')}
        aria-label={t('groupOps.deleteOffsets')}
        value={offsetsTopic}
        onChange={setOffsetsTopic}
        style={{ width: 220 }}
        options={topics.map((topic) => ({ value: topic, label: topic }))}
      />
      <ConfirmByName
        open={offsetsTopic !== null}
        title={t('groupOps.deleteOffsetsTitle', { group: groupId, topic: offsetsTopic ?? '' })}
        name={groupId}
        okText={t('groupOps.deleteOffsetsOk')}
        pending={removeOffsets.isPending}
        error={removeOffsets.error}
        onConfirm={() => offsetsTopic && removeOffsets.mutate(offsetsTopic, { onSuccess: close })}
        onClose={close}
      >
        <Alert
          type="warning"
          showIcon
          message={t('groupOps.deleteOffsetsExplain', { topic: offsetsTopic ?? '' })}
        />
      </ConfirmByName>
    </>
  );
}
