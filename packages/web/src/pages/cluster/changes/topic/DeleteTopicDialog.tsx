import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDeleteTopic } from '../../../../api/topics.ts';
import { ConfirmByName } from '../ConfirmByName.tsx';
import type { TopicDialogProps } from './topic-dialog.ts';

/** Deletes the topic once its name is typed, then shows the topic list. */
export function DeleteTopicDialog({
  clusterId,
  topic,
  partitions,
  open,
  onClose,
}: TopicDialogProps & { partitions: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteTopic(clusterId);
  return (
    <ConfirmByName
      open={open}
      title={t('topicOps.deleteTitle', { topic })}
      name={topic}
      okText={t('topicOps.deleteOk')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(topic, { onSuccess: () => navigate(`/clusters/${clusterId}/topics`) })}
      onClose={() => {
        remove.reset();
        onClose();
      }}
    >
      <Alert type="error" showIcon message={t('topicOps.deleteExplain', { count: partitions })} />
    </ConfirmByName>
  );
}
