import { Alert, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddPartitions } from '../../../../api/topics.ts';
import { errorText } from '../../../../api/weir.ts';
import type { TopicDialogProps } from './topic-dialog.ts';

/** Adds partitions to a topic, warning that keyed records may then land in other partitions. */
export function AddPartitionsDialog({
  clusterId,
  topic,
  partitions,
  open,
  onClose,
}: TopicDialogProps & { partitions: number }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(partitions + 1);
  const addPartitions = useAddPartitions(clusterId, topic);
  const close = () => {
    addPartitions.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('topicOps.addPartitions')}
      okText={t('topicOps.addPartitionsOk', { count })}
      okButtonProps={{ disabled: count <= partitions, loading: addPartitions.isPending }}
      onOk={() => addPartitions.mutate({ count, validateOnly: false }, { onSuccess: close })}
      onCancel={close}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('topicOps.partitionsNow', { count: partitions })}</Typography.Text>
        <InputNumber
          min={partitions + 1}
          value={count}
          onChange={(v) => setCount(v ?? partitions + 1)}
          aria-label={t('topics.partitions')}
        />
        <Alert type="warning" showIcon message={t('topicOps.orderingWarning')} />
        {addPartitions.error && <Alert type="error" showIcon message={errorText(addPartitions.error)} />}
      </Space>
    </Modal>
  );
}
