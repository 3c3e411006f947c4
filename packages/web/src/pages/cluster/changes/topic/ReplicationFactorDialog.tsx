import { Alert, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useChangeReplicationFactor } from '../../../../api/replicas.ts';
import { errorText } from '../../../../api/weir.ts';
import type { TopicDialogProps } from './topic-dialog.ts';

/** Changes a topic's replication factor through a throttled reassignment job, then shows the jobs. */
export function ReplicationFactorDialog({
  clusterId,
  topic,
  replicationFactor,
  open,
  onClose,
}: TopicDialogProps & { replicationFactor: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [rf, setRf] = useState(replicationFactor);
  const [throttleMb, setThrottleMb] = useState<number | null>(10);
  const changeRf = useChangeReplicationFactor(clusterId, topic);
  const close = () => {
    changeRf.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('topicOps.changeRf')}
      okText={t('topicOps.changeRfOk', { rf })}
      okButtonProps={{ disabled: rf === replicationFactor, loading: changeRf.isPending }}
      onOk={() =>
        changeRf.mutate(
          {
            replicationFactor: rf,
            throttleBytesPerSecond: throttleMb ? Math.round(throttleMb * 1024 * 1024) : undefined,
          },
          { onSuccess: () => navigate(`/clusters/${clusterId}/jobs`) },
        )
      }
      onCancel={close}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('topicOps.rfNow', { rf: replicationFactor })}</Typography.Text>
        <InputNumber
          addonBefore={t('topics.rf')}
          min={1}
          max={32}
          value={rf}
          onChange={(v) => setRf(v ?? replicationFactor)}
        />
        <InputNumber
          addonBefore={t('jobs.throttle')}
          addonAfter="MB/s"
          min={0}
          value={throttleMb}
          onChange={setThrottleMb}
        />
        <Alert type="info" showIcon message={t('topicOps.rfExplain')} />
        {changeRf.error && <Alert type="error" showIcon message={errorText(changeRf.error)} />}
      </Space>
    </Modal>
  );
}
