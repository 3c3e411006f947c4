import { Alert, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeleteTopics } from '../../../../api/topics.ts';
import { ConfirmByName } from '../ConfirmByName.tsx';
import { TopicOutcomes } from './TopicOutcomes.tsx';

/**
 * Deletes the selected topics once their count is typed. Each topic is deleted on its own; the
 * outcome of every one is shown, and the dialog closes by itself only when all were deleted.
 */
export function DeleteTopicsDialog({
  clusterId,
  topics,
  open,
  onClose,
  onDeleted,
}: {
  clusterId: string;
  topics: string[];
  open: boolean;
  onClose: () => void;
  onDeleted: (topics: string[]) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteTopics(clusterId);
  const outcomes = remove.data;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmByName
      open={open}
      title={t('bulk.deleteTitle', { count: topics.length })}
      name={String(topics.length)}
      okText={t('bulk.deleteOk', { count: topics.length })}
      pending={remove.isPending}
      error={null}
      onConfirm={() =>
        remove.mutate(topics, {
          onSuccess: (result) => {
            onDeleted(result.filter((o) => o.ok).map((o) => o.topic));
            if (result.every((o) => o.ok)) close();
          },
        })
      }
      onClose={close}
    >
      <Alert type="error" showIcon message={t('bulk.deleteExplain', { count: topics.length })} />
      {outcomes ? (
        <div style={{ marginTop: 12 }}>
          <TopicOutcomes outcomes={outcomes} done={() => <Tag color="green">{t('bulk.deleted')}</Tag>} />
        </div>
      ) : (
        <Space wrap style={{ marginTop: 12 }}>
          {topics.map((topic) => (
            <Tag key={topic}>{topic}</Tag>
          ))}
        </Space>
      )}
    </ConfirmByName>
  );
}
