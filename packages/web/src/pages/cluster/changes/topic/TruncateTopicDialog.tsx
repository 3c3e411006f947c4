import { Input, InputNumber, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TruncateTarget, useTruncate } from '../../../../api/topics.ts';
import { formatCount, localeOf } from '../../../../format.ts';
import { ConfirmByName } from '../ConfirmByName.tsx';
import type { TopicDialogProps } from './topic-dialog.ts';

/**
 * Deletes a topic's records before a point (the end, an offset, a time): each choice is previewed per
 * partition, and the deletion needs the topic's name typed. Opening it previews deleting everything.
 */
export function TruncateTopicDialog({ clusterId, topic, open, onClose }: TopicDialogProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [target, setTarget] = useState<TruncateTarget>({ type: 'end' });
  // The preview and the truncation are separate requests, so the dialog's button is loading only
  // while the records are being deleted, not while the preview is read.
  const preview = useTruncate(clusterId, topic);
  const truncate = useTruncate(clusterId, topic);
  // mutate and reset keep their identity across renders, so the effect below runs once per opening.
  const { mutate: readPreview, reset: resetPreview } = preview;
  const { reset: resetTruncate } = truncate;
  useEffect(() => {
    if (!open) return;
    setTarget({ type: 'end' });
    resetTruncate();
    readPreview({ target: { type: 'end' }, apply: false });
  }, [open, readPreview, resetTruncate]);
  const show = (next: TruncateTarget) => {
    setTarget(next);
    resetTruncate();
    readPreview({ target: next, apply: false });
  };
  const close = () => {
    resetPreview();
    resetTruncate();
    onClose();
  };
  return (
    <ConfirmByName
      open={open}
      title={t('topicOps.truncate')}
      name={topic}
      okText={t('topicOps.truncateOk')}
      pending={truncate.isPending}
      error={truncate.error ?? preview.error}
      onConfirm={() => truncate.mutate({ target, apply: true }, { onSuccess: close })}
      onClose={close}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={target.type}
          style={{ width: 200 }}
          aria-label={t('topicOps.truncateTo')}
          onChange={(type) =>
            show(
              type === 'end'
                ? { type }
                : type === 'offset'
                  ? { type, offset: 0 }
                  : { type: 'timestamp', timestamp: Date.now() },
            )
          }
          options={[
            { value: 'end', label: t('topicOps.toEnd') },
            { value: 'offset', label: t('topicOps.toOffset') },
            { value: 'timestamp', label: t('topicOps.toTimestamp') },
          ]}
        />
        {target.type === 'offset' && (
          <InputNumber
            min={0}
            value={target.offset}
            onChange={(v) => show({ type: 'offset', offset: v ?? 0 })}
          />
        )}
        {target.type === 'timestamp' && (
          <Input
            type="datetime-local"
            onChange={(e) => show({ type: 'timestamp', timestamp: new Date(e.target.value).getTime() || 0 })}
          />
        )}
      </Space>
      <Table
        size="small"
        rowKey="partition"
        pagination={false}
        loading={preview.isPending}
        dataSource={preview.data?.partitions}
        columns={[
          { title: t('topic.partition'), dataIndex: 'partition' },
          { title: t('topic.start'), dataIndex: 'start', render: (v: number) => formatCount(v, locale) },
          {
            title: t('topicOps.newStart'),
            dataIndex: 'newStart',
            render: (v: number) => formatCount(v, locale),
          },
          {
            title: t('topicOps.deleted'),
            dataIndex: 'deleted',
            render: (v: number) => formatCount(v, locale),
          },
        ]}
      />
    </ConfirmByName>
  );
}
