import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportMessages, type MessageFilter, type useMessageSearch } from '../../../api/messages.ts';
import { errorText } from '../../../api/weir.ts';
import { FilterRows } from './FilterRows.tsx';
import { KeyLookupFields } from './KeyLookupFields.tsx';
import {
  initialSearchRange,
  type KeyQuery,
  type ReadPosition,
  type SearchRange,
  searchRequestOf,
} from './read-position.ts';
import { SearchProgress } from './SearchProgress.tsx';
import { SearchRangeFields } from './SearchRangeFields.tsx';

/** Saves a file the server sent through a temporary link, as a download. */
function saveFile({ blob, filename }: { blob: Blob; filename: string }) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * Filters and key lookup, where the search starts and its budgets (set here, not inherited from the
 * browse bar, whose partition and isolation it does use), the search's buttons (search, live tail,
 * stop, resume, export, search all partitions after a key was not found) and its progress.
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
  const [range, setRange] = useState<SearchRange>(initialSearchRange);
  const [key, setKey] = useState<KeyQuery>({ value: '', partitioner: 'murmur2', scope: 'hashed' });
  const [exportError, setExportError] = useState<string | null>(null);
  const request = (query: KeyQuery = key) => searchRequestOf(range, position, filters, query);
  const { status } = search;
  const download = async (format: 'json' | 'csv') => {
    setExportError(null);
    try {
      saveFile(await exportMessages(clusterId, topic, { ...request(), format }));
    } catch (error) {
      setExportError(errorText(error as Error));
    }
  };
  const searchAll = () => {
    const everywhere: KeyQuery = { ...key, scope: 'all' };
    setKey(everywhere);
    void search.search(request(everywhere));
  };
  return (
    <Card size="small" title={t('msg.searchTitle')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <SearchRangeFields range={range} onChange={(change) => setRange({ ...range, ...change })} />
        <FilterRows filters={filters} onChange={setFilters} />
        <Space wrap>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setFilters([...filters, { target: 'value', match: 'contains', value: '' }])}
          >
            {t('msg.addFilter')}
          </Button>
          <KeyLookupFields query={key} onChange={setKey} />
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
        {status.searchAllPartitions && !status.running && status.keyLookup && (
          <Alert
            type="info"
            showIcon
            message={t('msg.keyLookup.notFound', {
              partition: status.keyLookup.partition,
              partitioner: status.keyLookup.partitioner,
            })}
            action={
              <Button size="small" type="primary" onClick={searchAll}>
                {t('msg.searchAllPartitions')}
              </Button>
            }
          />
        )}
        {status.error && <Alert type="error" showIcon message={status.error} />}
        {exportError && <Alert type="error" showIcon message={exportError} />}
      </Space>
    </Card>
  );
}
