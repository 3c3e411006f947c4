import { Alert, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { AUDIT_RESULTS, type AuditEntry, type AuditFilters, useAuditLog } from '../api/audit.ts';
import { errorText } from '../api/weir.ts';
import { PageHeading, usePageTitle } from '../components/PageTitle.tsx';
import { useFormatTime } from '../settings/time-zone.tsx';
import { AuditChange } from './audit/AuditChange.tsx';
import { AuditFiltersBar } from './audit/AuditFiltersBar.tsx';

const FILTER_NAMES = ['actor', 'action', 'cluster', 'result', 'from', 'to'] as const;

/** The filters as the URL holds them, so a filtered log is a link to share. */
function filtersOf(params: URLSearchParams): AuditFilters {
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const result = filters.result as AuditFilters['result'];
  return { ...filters, result: AUDIT_RESULTS.includes(result as 'success') ? result : undefined };
}

/** "demo/orders" for a thing inside a cluster, the cluster's name for the cluster, else the target. */
const targetName = (entry: AuditEntry) =>
  entry.cluster && entry.targetType !== 'cluster'
    ? `${entry.cluster}/${entry.target ?? ''}`
    : (entry.target ?? entry.targetType);

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const audit = useAuditLog(filters);
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const formatTime = useFormatTime();
  usePageTitle(t('audit.title'));
  const setFilters = (next: AuditFilters) =>
    setParams(
      Object.fromEntries(
        Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1])),
      ),
    );

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      {audit.isError && (
        <Alert type="error" showIcon message={errorText(audit.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isPending}
        dataSource={entries}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{ expandedRowRender: (entry) => <AuditChange entry={entry} /> }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 210,
            render: (at: string) => formatTime(at),
          },
          { title: t('audit.actor'), dataIndex: 'actor', width: 140 },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 220,
            render: (action: string) => (
              <span title={action}>{t(`audit.actions.${action}`, { defaultValue: action })}</span>
            ),
          },
          { title: t('audit.target'), render: (_, entry) => targetName(entry) },
          {
            title: t('audit.result'),
            dataIndex: 'result',
            width: 110,
            render: (result: AuditEntry['result']) => (
              <Tag color={result === 'success' ? 'green' : 'red'}>{t(`audit.results.${result}`)}</Tag>
            ),
          },
          { title: t('audit.ip'), dataIndex: 'ip', width: 140 },
        ]}
      />
      {audit.hasNextPage && (
        <Button
          style={{ marginTop: 16 }}
          onClick={() => void audit.fetchNextPage()}
          loading={audit.isFetchingNextPage}
        >
          {t('audit.more')}
        </Button>
      )}
    </>
  );
}
