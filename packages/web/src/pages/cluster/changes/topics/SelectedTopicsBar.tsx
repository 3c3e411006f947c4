import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteTopicsDialog } from './DeleteTopicsDialog.tsx';
import { TopicsConfigDialog } from './TopicsConfigDialog.tsx';

/** What can be done to the topics ticked in the list: delete them, or change a config on all. */
export function SelectedTopicsBar({
  clusterId,
  topics,
  onSelect,
}: {
  clusterId: string;
  topics: string[];
  onSelect: (topics: string[]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'delete' | 'config' | null>(null);
  if (topics.length === 0) return null;
  return (
    <Space style={{ marginBottom: 12 }} wrap role="toolbar" aria-label={t('bulk.toolbar')}>
      <Typography.Text strong>{t('bulk.selected', { count: topics.length })}</Typography.Text>
      <Button onClick={() => setOpen('config')}>{t('bulk.configOpen')}</Button>
      <Button danger onClick={() => setOpen('delete')}>
        {t('bulk.deleteOpen')}
      </Button>
      <Button type="link" onClick={() => onSelect([])}>
        {t('bulk.clear')}
      </Button>
      <DeleteTopicsDialog
        clusterId={clusterId}
        topics={topics}
        open={open === 'delete'}
        onClose={() => setOpen(null)}
        onDeleted={(deleted) => onSelect(topics.filter((topic) => !deleted.includes(topic)))}
      />
      <TopicsConfigDialog
        clusterId={clusterId}
        topics={topics}
        open={open === 'config'}
        onClose={() => setOpen(null)}
      />
    </Space>
  );
}
