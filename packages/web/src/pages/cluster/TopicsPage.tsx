import { formatBytes } from '@weir/api/display';
import { Input, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Total } from '../../api/cluster-cache.ts';
import { type TopicQuery, type TopicSummary, useTopics } from '../../api/topics.ts';
import { DataAge } from '../../components/DataAge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TotalValue } from '../../components/TotalValue.tsx';
import { formatCount, formatEstimate, localeOf } from '../../format.ts';
import { routePathName } from '../../route-names.ts';
import { CreateTopicDialog } from './changes/CreateTopicDialog.tsx';
import { SelectedTopicsBar } from './changes/topics/SelectedTopicsBar.tsx';

const SORTS: TopicQuery['sort'][] = ['name', 'partitions', 'size', 'messages', 'underReplicated'];

/** Reads the page's filters, sort and page from the URL, so a deep link restores them. */
function queryFrom(params: URLSearchParams): TopicQuery {
  const sort = params.get('sort') as TopicQuery['sort'];
  return {
    search: params.get('search') ?? '',
    internal: params.get('internal') === 'true',
    sort: SORTS.includes(sort) ? sort : 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: [20, 50, 100, 200].includes(Number(params.get('pageSize')))
      ? Number(params.get('pageSize'))
      : 50,
  };
}

export function TopicsPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { clusterId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const topics = useTopics(clusterId, query);
  const [selected, setSelected] = useState<string[]>([]);
  const update = (changes: Partial<TopicQuery>) => {
    const next = { ...query, ...changes };
    const entries = Object.entries(next).filter(
      ([key, value]) => value !== '' && value !== queryFrom(new URLSearchParams())[key as keyof TopicQuery],
    );
    setParams(Object.fromEntries(entries.map(([key, value]) => [key, String(value)])));
  };
  const order = (column: TopicQuery['sort']): SortOrder | undefined =>
    query.sort === column ? (query.order === 'asc' ? 'ascend' : 'descend') : undefined;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('topics.search')}
            defaultValue={query.search}
            onSearch={(search) => update({ search, page: 1 })}
            style={{ width: 280 }}
            aria-label={t('topics.search')}
          />
          <Switch
            checked={query.internal}
            onChange={(internal) => update({ internal, page: 1 })}
            aria-label={t('topics.internal')}
          />
          <Tooltip title={t('topics.internalHint')}>
            <span>{t('topics.internal')}</span>
          </Tooltip>
        </Space>
        <Space wrap>
          <CreateTopicDialog clusterId={clusterId} />
          <DataAge
            freshness={topics.data?.freshness}
            onRefresh={() => void topics.refresh()}
            refreshing={topics.refreshing}
          />
        </Space>
      </Space>
      <ErrorAlert error={topics.error} />
      <SelectedTopicsBar clusterId={clusterId} topics={selected} onSelect={setSelected} />
      <Table<TopicSummary>
        rowKey="name"
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(String)),
          // Kafka's own topics (offsets, transactions) are not for bulk changes.
          getCheckboxProps: (topic) => ({
            disabled: topic.internal,
            'aria-label': t('bulk.select', { topic: topic.name }),
          }),
        }}
        size="small"
        loading={topics.isFetching && !topics.data}
        dataSource={topics.data?.items}
        onChange={(pagination, _filters, sorter) => {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          const sort = (single?.order ? single.columnKey : 'name') as TopicQuery['sort'];
          update({
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? 50,
            sort,
            order: single?.order === 'descend' ? 'desc' : 'asc',
          });
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: topics.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('topics.total', { count: total, total: formatCount(total, locale) }),
        }}
        columns={[
          {
            key: 'name',
            title: t('topics.name'),
            dataIndex: 'name',
            sorter: true,
            sortOrder: order('name'),
            render: (name: string, topic) => (
              <Space>
                <Link to={`/clusters/${clusterId}/topics/${routePathName(name)}`}>{name}</Link>
                {topic.internal && <Tag>{t('topics.internalTag')}</Tag>}
                {topic.system && <Tag>{t('topics.systemTag', { owner: topic.system })}</Tag>}
              </Space>
            ),
          },
          {
            key: 'partitions',
            title: t('topics.partitions'),
            dataIndex: 'partitions',
            sorter: true,
            sortOrder: order('partitions'),
            align: 'right',
          },
          { key: 'rf', title: t('topics.rf'), dataIndex: 'replicationFactor', align: 'right' },
          {
            key: 'size',
            title: t('topics.size'),
            dataIndex: 'sizeBytes',
            sorter: true,
            sortOrder: order('size'),
            align: 'right',
            render: (size: Total) => <TotalValue total={size} format={(v) => formatBytes(v, locale)} />,
          },
          {
            key: 'messages',
            title: <Tooltip title={t('topics.estimateWhy')}>{t('topics.messagesEstimate')}</Tooltip>,
            dataIndex: 'messages',
            sorter: true,
            sortOrder: order('messages'),
            align: 'right',
            render: (count: Total) => <TotalValue total={count} format={(v) => formatEstimate(v, locale)} />,
          },
          {
            key: 'underReplicated',
            title: t('topics.health'),
            sorter: true,
            sortOrder: order('underReplicated'),
            render: (_, topic) =>
              topic.offline > 0 ? (
                <Tag color="red">{t('topics.offline', { count: topic.offline })}</Tag>
              ) : topic.underReplicated > 0 ? (
                <Tag color="orange">{t('topics.urp', { count: topic.underReplicated })}</Tag>
              ) : (
                <Tag color="green">{t('topics.ok')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
