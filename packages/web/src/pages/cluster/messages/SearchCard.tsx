import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportMessages, type MessageFilter, type useMessageSearch } from '../../../api/messages.ts';
import { errorText } from '../../../api/weir.ts';
import { FilterRows } from './FilterRows.tsx';
import { type ReadPosition, searchRequestOf } from './read-position.ts';
import { SearchProgress } from './SearchProgress.tsx';

/** Saves a file the server sent through a temporary link, as a download. */
function saveFile({ blob, filename }: { blob: Blob; filename: string }) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * Filters and key lookup, the search's buttons (search, live tail, stop, resume, export) and its
 * progress. Searches start at the browse bar's `position`.
 */
export function SearchCard({
  clusterId,
  topic,
  position,
  search,
}: {
  clusterId: string;
  topic: string;
  position: ReadPosition;
  search: ReturnType<typeof useMessageSearch>;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<MessageFilter[]>([]);
  const [key, setKey] = useState('');
  const [exportError, setExportError] = useState<string | null>(null);
  const request = () => searchRequestOf(position, filters, key);
  const { status } = search;
  const download = async (format: 'json' | 'csv') => {
    setExportError(null);
    try {
      saveFile(await exportMessages(clusterId, topic, { ...request(), format }));
    } catch (error) {
      setExportError(errorText(error as Error));
    }
  };
  return (
    <Card size="small" title={t('msg.searchTitle')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <FilterRows filters={filters} onChange={setFilters} />
        <Space wrap>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setFilters([...filters, { target: 'value', match: 'contains', value: '' }])}
          >
            {t('msg.addFilter')}
          </Button>
          <Input
            aria-label={t('msg.keyLookup')}
            placeholder={t('msg.keyLookup')}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            style={{ width: 220 }}
            allowClear
          />
          <Button type="primary" loading={status.running} onClick={() => void search.search(request())}>
            {t('msg.search')}
          </Button>
          <Button disabled={status.running} onClick={() => void search.tail(request())}>
            {t('msg.tail')}
          </Button>
          {status.running && (
            <Button danger onClick={search.stop}>
              {t('msg.stop')}
            </Button>
          )}
          {search.resumable && !status.running && (
            <Button onClick={() => void search.resume(request())}>{t('msg.resume')}</Button>
          )}
          <Button onClick={() => void download('json')}>{t('msg.exportJson')}</Button>
          <Button onClick={() => void download('csv')}>{t('msg.exportCsv')}</Button>
        </Space>
        <SearchProgress status={status} />
        {status.error && <Alert type="error" showIcon message={status.error} />}
        {exportError && <Alert type="error" showIcon message={exportError} />}
      </Space>
    </Card>
  );
}
