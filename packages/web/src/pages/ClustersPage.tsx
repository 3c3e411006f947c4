import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type Cluster, useClusters, useOverview } from '../api/clusters.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeading, usePageTitle } from '../components/PageTitle.tsx';
import { formatCount, localeOf } from '../format.ts';

/** Health, version and size of one cluster, from its snapshot. */
function ClusterStats({ cluster }: { cluster: Cluster }) {
  const { t, i18n } = useTranslation();
  const { data, error, isPending } = useOverview(cluster.id);
  const locale = localeOf(i18n.language);
  if (isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  if (error) return <Tag color="red">{t('clusters.unreachable')}</Tag>;
  const o = data.overview;
  const problems = o.offlinePartitions + o.underReplicatedPartitions;
  return (
    <Space size="small" wrap>
      <Tag color={o.offlinePartitions > 0 ? 'red' : problems > 0 ? 'orange' : 'green'}>
        {o.offlinePartitions > 0
          ? t('clusters.offline', { count: o.offlinePartitions })
          : problems > 0
            ? t('clusters.urp', { count: o.underReplicatedPartitions })
            : t('clusters.healthy')}
      </Tag>
      <Tag>{`Kafka ${o.version.label}`}</Tag>
      <Tag>{o.mode === 'kraft' ? 'KRaft' : 'ZooKeeper'}</Tag>
      <span>
        {[
          t('clusters.brokers', { count: o.brokers.alive }),
          t('clusters.topics', {
            count: o.topics - o.internalTopics,
            value: formatCount(o.topics - o.internalTopics, locale),
          }),
          t('clusters.partitions', { count: o.partitions, value: formatCount(o.partitions, locale) }),
        ].join(' · ')}
      </span>
    </Space>
  );
}

export function ClustersPage() {
  const { t } = useTranslation();
  usePageTitle(t('clusters.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const clusters = useClusters();
  const visible = (clusters.data?.clusters ?? []).filter(
    (c) =>
      !search ||
      c.name.toLowerCase().includes(search.toLowerCase()) ||
      c.tags.some((tag) => tag.includes(search)),
  );
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <PageHeading flush>{t('clusters.title')}</PageHeading>
        <Space>
          <Input.Search
            allowClear
            placeholder={t('clusters.search')}
            defaultValue={search}
            onSearch={(value) => setParams(value ? { q: value } : {})}
            style={{ width: 240 }}
          />
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => navigate('/clusters/new')}
          >
            {t('clusters.add')}
          </Button>
        </Space>
      </Space>
      <ErrorAlert error={clusters.error} />
      {clusters.data && clusters.data.clusters.length === 0 ? (
        <Card>
          <Empty description={t('clusters.empty')}>
            <Typography.Paragraph type="secondary">{t('clusters.emptyHint')}</Typography.Paragraph>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => navigate('/clusters/new')}
            >
              {t('clusters.add')}
            </Button>
          </Empty>
        </Card>
      ) : (
        <Table<Cluster>
          rowKey="id"
          loading={clusters.isPending}
          dataSource={visible}
          pagination={false}
          columns={[
            {
              title: t('clusters.name'),
              dataIndex: 'name',
              render: (name: string, c) => <Link to={`/clusters/${c.id}/overview`}>{name}</Link>,
            },
            { title: t('clusters.status'), render: (_, c) => <ClusterStats cluster={c} /> },
            {
              title: t('clusters.bootstrap'),
              dataIndex: 'bootstrapServers',
              render: (servers: string[]) => servers.join(', '),
            },
            { title: t('clusters.security'), dataIndex: 'securityProtocol' },
            {
              title: t('clusters.tags'),
              dataIndex: 'tags',
              render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
            },
          ]}
        />
      )}
    </>
  );
}
