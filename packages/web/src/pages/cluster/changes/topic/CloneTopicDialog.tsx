import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCloneTopic } from '../../../../api/topics.ts';
import { errorText } from '../../../../api/weir.ts';
import { routePathName } from '../../../../route-names.ts';
import type { TopicDialogProps } from './topic-dialog.ts';

/** Creates an empty topic with this one's partitions, replication factor and config overrides, then opens it. */
export function CloneTopicDialog({ clusterId, topic, open, onClose }: TopicDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [cloneName, setCloneName] = useState(`${topic}-copy`);
  const clone = useCloneTopic(clusterId, topic);
  const close = () => {
    clone.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('topicOps.clone')}
      okText={t('topicOps.cloneOk')}
      okButtonProps={{ loading: clone.isPending }}
      onOk={() =>
        clone.mutate(cloneName, {
          onSuccess: () => navigate(`/clusters/${clusterId}/topics/${routePathName(cloneName)}`),
        })
      }
      onCancel={close}
    >
      <Typography.Paragraph>{t('topicOps.cloneExplain')}</Typography.Paragraph>
      <Input value={cloneName} onChange={(e) => setCloneName(e.target.value)} aria-label={t('create.name')} />
      {clone.error && (
        <Alert type="error" showIcon message={errorText(clone.error)} style={{ marginTop: 12 }} />
      )}
    </Modal>
  );
}
