import { Alert, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, useAuditLog } from '../api/audit.ts';
import { errorText } from '../api/weir.ts';
import { PageHeading, usePageTitle } from '../components/PageTitle.tsx';
import { useFormatTime } from '../settings/time-zone.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const audit = useAuditLog();
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const formatTime = useFormatTime();
  usePageTitle(t('audit.title'));

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
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
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 200,
            render: (at: string) => formatTime(at),
          },
          { title: t('audit.actor'), dataIndex: 'actor', width: 140 },
          { title: t('audit.action'), dataIndex: 'action', width: 180 },
          {
            title: t('audit.target'),
            render: (_, entry) => [entry.targetType, entry.target].filter(Boolean).join(' '),
          },
          {
            title: t('audit.result'),
            dataIndex: 'result',
            width: 110,
            render: (result: string) => <Tag color={result === 'success' ? 'green' : 'red'}>{result}</Tag>,
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
