import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Progress, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BrowseQuery,
  exportMessages,
  type MessageFilter,
  type RenderedMessage,
  type ScanProgress,
  type SearchRequest,
  type StopReason,
  searchMessages,
  useBrowse,
} from '../../../api/messages.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatCount, localeOf } from '../../../format.ts';
import { MessageTable } from './MessageTable.tsx';
import { ProduceDrawer } from './ProduceDrawer.tsx';

type From = BrowseQuery['from'];
type Isolation = NonNullable<BrowseQuery['isolation']>;
const toMillis = (local: string) => (local ? new Date(local).getTime() : undefined);

interface SearchState {
  running: boolean;
  progress: ScanProgress | null;
  reason: StopReason | null;
  keyPartition: number | null;
  error: string | null;
}

/** Browse, search (streamed, stoppable, resumable), live tail, export and produce for one topic. */
export function MessagesTab({
  clusterId,
  topic,
  partitions,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [from, setFrom] = useState<From>('newest');
  const [offset, setOffset] = useState<number | null>(0);
  const [time, setTime] = useState('');
  const [partition, setPartition] = useState<number | undefined>(undefined);
  const [limit, setLimit] = useState<number>(50);
  const [isolation, setIsolation] = useState<Isolation>('read_committed');
  const [browseQuery, setBrowseQuery] = useState<BrowseQuery | null>({ from: 'newest', limit: 50 });
  const browse = useBrowse(clusterId, topic, browseQuery);

  const [filters, setFilters] = useState<MessageFilter[]>([]);
  const [key, setKey] = useState('');
  const [found, setFound] = useState<RenderedMessage[] | null>(null);
  const [search, setSearch] = useState<SearchState>({
    running: false,
    progress: null,
    reason: null,
    keyPartition: null,
    error: null,
  });
  const [exportError, setExportError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = (): SearchRequest['start'] =>
    from === 'newest'
      ? { type: 'newest', count: limit }
      : from === 'offset'
        ? { type: 'offset', offset: offset ?? 0 }
        : from === 'timestamp'
          ? { type: 'timestamp', timestamp: toMillis(time) ?? 0 }
          : { type: 'oldest' };
  const request = (): SearchRequest => ({
    filters: filters.filter((f) => f.value !== '' || f.match === 'equals'),
    start: start(),
    partitions: partition === undefined ? undefined : [partition],
    key: key ? { value: key, encoding: 'text' } : undefined,
    isolation,
  });

  const run = async (body: SearchRequest, append: boolean) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    if (!append) setFound([]);
    setSearch({ running: true, progress: null, reason: null, keyPartition: null, error: null });
    const batch: RenderedMessage[] = [];
    const flush = () => {
      if (batch.length) {
        const taken = batch.splice(0);
        setFound((previous) => [...(previous ?? []), ...taken]);
      }
    };
    try {
      await searchMessages(
        clusterId,
        topic,
        body,
        (event) => {
          if (event.type === 'match') batch.push(event.message);
          else if (event.type === 'start') setSearch((s) => ({ ...s, keyPartition: event.keyPartition }));
          else if (event.type === 'progress') {
            flush();
            setSearch((s) => ({ ...s, progress: event.progress }));
          } else if (event.type === 'end') {
            flush();
            setSearch((s) => ({ ...s, progress: event.progress, reason: event.reason }));
          } else if (event.type === 'error') setSearch((s) => ({ ...s, error: event.message }));
        },
        controller.signal,
      );
    } catch (error) {
      if (!controller.signal.aborted) setSearch((s) => ({ ...s, error: (error as Error).message }));
      else setSearch((s) => ({ ...s, reason: 'cancelled' }));
    } finally {
      flush();
      setSearch((s) => ({ ...s, running: false }));
    }
  };
  const resumable = search.reason !== null && search.reason !== 'end' && search.progress !== null;
  const resume = () =>
    search.progress &&
    run(
      {
        ...request(),
        start: undefined,
        partitions: undefined,
        key: key ? { value: key, encoding: 'text' } : undefined,
        cursor: { partitions: search.progress.partitions.filter((p) => !p.done) },
      },
      true,
    );
  const download = async (format: 'json' | 'csv') => {
    setExportError(null);
    try {
      const { blob, filename } = await exportMessages(clusterId, topic, { ...request(), format });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = filename;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setExportError((error as Error).message);
    }
  };
  const setFilter = (index: number, change: Partial<MessageFilter>) =>
    setFilters(filters.map((f, i) => (i === index ? { ...f, ...change } : f)));
  const progress = search.progress;
  const total = progress?.partitions.reduce(
    (sum, p) => sum + (p.end === null ? 0 : Math.max(0, p.end - p.position)),
    0,
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Select<From>
            aria-label={t('msg.from')}
            value={from}
            onChange={setFrom}
            style={{ width: 150 }}
            options={(['newest', 'oldest', 'offset', 'timestamp'] as From[]).map((value) => ({
              value,
              label: t(`msg.from.${value}`),
            }))}
          />
          {from === 'offset' && (
            <InputNumber aria-label={t('msg.offset')} min={0} value={offset} onChange={setOffset} />
          )}
          {from === 'timestamp' && (
            <Input
              type="datetime-local"
              aria-label={t('msg.timestamp')}
              value={time}
              onChange={(e) => setTime(e.target.value)}
              style={{ width: 220 }}
            />
          )}
          <Select<number | 'all'>
            aria-label={t('topic.partition')}
            value={partition ?? 'all'}
            onChange={(value) => setPartition(value === 'all' ? undefined : value)}
            style={{ width: 150 }}
            options={[
              { value: 'all', label: t('msg.allPartitions') },
              ...Array.from({ length: partitions }, (_, p) => ({
                value: p,
                label: `${t('topic.partition')} ${p}`,
              })),
            ]}
          />
          <InputNumber
            aria-label={t('msg.limit')}
            addonBefore={t('msg.limit')}
            min={1}
            max={500}
            value={limit}
            onChange={(value) => setLimit(value ?? 50)}
            style={{ width: 150 }}
          />
          <Select<Isolation>
            aria-label={t('msg.isolation')}
            title={t('msg.isolationHint')}
            value={isolation}
            onChange={setIsolation}
            style={{ width: 190 }}
            options={(['read_committed', 'read_uncommitted'] as Isolation[]).map((value) => ({
              value,
              label: t(`msg.isolation.${value}`),
            }))}
          />
          <Button
            type="primary"
            onClick={() => {
              setFound(null);
              setBrowseQuery({
                from,
                limit,
                isolation,
                partition,
                offset: from === 'offset' ? (offset ?? 0) : undefined,
                timestamp: from === 'timestamp' ? toMillis(time) : undefined,
              });
            }}
          >
            {t('msg.browse')}
          </Button>
          <ProduceDrawer clusterId={clusterId} topic={topic} partitions={partitions} />
        </Space>
      </Card>

      <Card size="small" title={t('msg.searchTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {filters.map((filter, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: filters have no identity beyond their place
            <Space key={index} wrap>
              <Select
                aria-label={t('msg.filterTarget')}
                value={filter.target}
                onChange={(target) => setFilter(index, { target })}
                style={{ width: 110 }}
                options={(['key', 'value', 'header'] as const).map((value) => ({
                  value,
                  label: t(`msg.${value}`),
                }))}
              />
              {filter.target === 'header' && (
                <Input
                  aria-label={t('msg.headerName')}
                  placeholder={t('msg.headerName')}
                  value={filter.header}
                  onChange={(e) => setFilter(index, { header: e.target.value })}
                  style={{ width: 140 }}
                />
              )}
              <Select
                aria-label={t('msg.filterMatch')}
                value={filter.match}
                onChange={(match) => setFilter(index, { match })}
                style={{ width: 150 }}
                options={(['contains', 'equals', 'regex', 'jsonPath'] as const).map((value) => ({
                  value,
                  label: t(`msg.match.${value}`),
                }))}
              />
              {filter.match === 'jsonPath' && (
                <Input
                  aria-label={t('msg.jsonPath')}
                  placeholder="$.order.id"
                  value={filter.path}
                  onChange={(e) => setFilter(index, { path: e.target.value })}
                  style={{ width: 180 }}
                />
              )}
              <Input
                aria-label={t('msg.filterValue')}
                placeholder={t('msg.filterValue')}
                value={filter.value}
                onChange={(e) => setFilter(index, { value: e.target.value })}
                style={{ width: 260 }}
              />
              <Button
                aria-label={t('msg.removeFilter')}
                icon={<DeleteOutlined />}
                onClick={() => setFilters(filters.filter((_, i) => i !== index))}
              />
            </Space>
          ))}
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
            <Button type="primary" loading={search.running} onClick={() => void run(request(), false)}>
              {t('msg.search')}
            </Button>
            <Button
              disabled={search.running}
              onClick={() =>
                void run({ ...request(), start: undefined, follow: true, maxMs: 600_000 }, false)
              }
            >
              {t('msg.tail')}
            </Button>
            {search.running && (
              <Button danger onClick={() => abort.current?.abort()}>
                {t('msg.stop')}
              </Button>
            )}
            {resumable && !search.running && <Button onClick={() => void resume()}>{t('msg.resume')}</Button>}
            <Button onClick={() => void download('json')}>{t('msg.exportJson')}</Button>
            <Button onClick={() => void download('csv')}>{t('msg.exportCsv')}</Button>
          </Space>
          {progress && (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="search-progress">
              <Typography.Text>
                {t('msg.progress', {
                  scanned: formatCount(progress.scanned, locale),
                  matched: formatCount(progress.matched, locale),
                  seconds: (progress.elapsedMs / 1000).toFixed(1),
                })}
                {search.keyPartition !== null &&
                  ` · ${t('msg.keyPartition', { partition: search.keyPartition })}`}
                {search.reason && ` · ${t(`msg.reason.${search.reason}`)}`}
              </Typography.Text>
              {search.running && total !== undefined && total > 0 && (
                <Progress
                  percent={Math.round((progress.scanned / (progress.scanned + total)) * 100)}
                  size="small"
                />
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {progress.partitions
                  .map(
                    (p) =>
                      `${p.partition}: ${formatCount(p.position, locale)}/${p.end === null ? '∞' : formatCount(p.end, locale)}${p.error ? ` ⚠ ${p.error}` : ''}`,
                  )
                  .join('   ')}
              </Typography.Text>
            </Space>
          )}
          {search.error && <Alert type="error" showIcon message={search.error} />}
          {exportError && <Alert type="error" showIcon message={exportError} />}
        </Space>
      </Card>

      {found === null && <ErrorAlert error={browse.error} />}
      <MessageTable
        messages={found ?? browse.data?.messages ?? []}
        loading={found === null && browse.isFetching}
      />
    </Space>
  );
}
