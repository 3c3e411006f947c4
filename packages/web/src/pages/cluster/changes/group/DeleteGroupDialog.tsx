import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDeleteGroup } from '../../../../api/groups.ts';
import { ConfirmByName } from '../ConfirmByName.tsx';

/** The delete-group button and its dialog; once deleted, the group list shows. */
export function DeleteGroupDialog({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const remove = useDeleteGroup(clusterId, groupId);
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('groupOps.delete')}
      </Button>
      <ConfirmByName
        open={open}
        title={t('groupOps.deleteTitle', { group: groupId })}
        name={groupId}
        okText={t('groupOps.delete')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, { onSuccess: () => navigate(`/clusters/${clusterId}/groups`) })
        }
        onClose={() => setOpen(false)}
      >
        <Alert type="warning" showIcon message={t('groupOps.deleteExplain')} />
      </ConfirmByName>
    </>
  );
}
