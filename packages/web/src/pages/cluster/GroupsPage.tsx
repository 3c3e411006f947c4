import { Alert, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Total } from '../../api/cluster-cache.ts';
import { type GroupSummary, useGroups } from '../../api/groups.ts';
import { DataAge } from '../../components/DataAge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { GroupStateTag } from '../../components/GroupStateTag.tsx';
import { TotalValue } from '../../components/TotalValue.tsx';
import { compareTotals, formatCount, localeOf } from '../../format.ts';
import { routePathName } from '../../route-names.ts';

export function GroupsPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { clusterId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const groups = useGroups(clusterId);
  const visible = (groups.data?.groups ?? []).filter((g) =>
    g.groupId.toLowerCase().includes(search.toLowerCase()),
  );
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('groups.search')}
          defaultValue={search}
          onSearch={(value) => setParams(value ? { search: value } : {})}
          style={{ width: 280 }}
        />
        <DataAge
          freshness={groups.data?.freshness}
          onRefresh={() => void groups.refresh()}
          refreshing={groups.refreshing}
        />
      </Space>
      <ErrorAlert error={groups.error} />
      {groups.data && !groups.data.listing.complete && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('groups.listPartial', { reason: groups.data.listing.reason ?? '' })}
        />
      )}
      <Table<GroupSummary>
        rowKey="groupId"
        size="small"
        loading={groups.isPending}
        dataSource={visible}
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showTotal: (total) => t('groups.total', { count: total, total: formatCount(total, locale) }),
        }}
        columns={[
          {
            title: t('groups.group'),
            dataIndex: 'groupId',
            sorter: (a, b) => a.groupId.localeCompare(b.groupId),
            render: (id: string) => (
              <Link to={`/clusters/${clusterId}/groups/${routePathName(id)}`}>{id}</Link>
            ),
          },
          {
            title: t('groups.state'),
            dataIndex: 'state',
            render: (s: string) => <GroupStateTag state={s} />,
          },
          { title: t('groups.protocol'), dataIndex: 'protocolType', render: (p: string) => p || '–' },
          { title: t('groups.topics'), dataIndex: 'topics', render: (topics: string[]) => topics.join(', ') },
          {
            title: t('groups.lag'),
            dataIndex: 'totalLag',
            align: 'right',
            sorter: (a, b, order) => compareTotals(a.totalLag, b.totalLag, order),
            render: (lag: Total) => <TotalValue total={lag} format={(v) => formatCount(v, locale)} />,
          },
        ]}
      />
    </>
  );
}
