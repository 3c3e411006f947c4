import { formatBytes } from '@weir/api/display';
import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type BrokerSummary, useBrokers } from '../../api/brokers.ts';
import { DataAge } from '../../components/DataAge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TotalValue } from '../../components/TotalValue.tsx';
import { localeOf } from '../../format.ts';
import { ClusterDefaultsDrawer } from './changes/ClusterDefaultsDrawer.tsx';

export function BrokersPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { clusterId = '' } = useParams();
  const brokers = useBrokers(clusterId);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 12 }}>
        {brokers.data?.brokers[0] && (
          <ClusterDefaultsDrawer clusterId={clusterId} brokerId={brokers.data.brokers[0].nodeId} />
        )}
        <DataAge
          freshness={brokers.data?.freshness}
          onRefresh={() => void brokers.refresh()}
          refreshing={brokers.refreshing}
        />
      </Space>
      <ErrorAlert error={brokers.error} />
      <Table<BrokerSummary>
        rowKey="nodeId"
        size="small"
        loading={brokers.isPending}
        dataSource={brokers.data?.brokers}
        pagination={false}
        columns={[
          {
            title: t('brokers.id'),
            dataIndex: 'nodeId',
            render: (id: number, b) => (
              <Space>
                <Link to={`/clusters/${clusterId}/brokers/${id}`}>{id}</Link>
                {b.controller && <Tag color="gold">{t('brokers.controller')}</Tag>}
              </Space>
            ),
          },
          { title: t('brokers.address'), render: (_, b) => `${b.host}:${b.port}` },
          { title: t('brokers.rack'), dataIndex: 'rack', render: (r: string | null) => r ?? '–' },
          { title: t('brokers.leaders'), dataIndex: 'leaders', align: 'right' },
          { title: t('brokers.replicas'), dataIndex: 'replicas', align: 'right' },
          {
            title: t('brokers.skew'),
            dataIndex: 'leaderSkewPercent',
            align: 'right',
            render: (v: number | null) =>
              v === null ? (
                '–'
              ) : (
                <span
                  style={Math.abs(v) > 20 ? { color: '#d46b08' } : undefined}
                >{`${v > 0 ? '+' : ''}${v}%`}</span>
              ),
          },
          {
            title: t('brokers.disk'),
            render: (_, b) =>
              b.logDirs ? (
                b.logDirs
                  .map(
                    (d) =>
                      `${formatBytes(d.sizeBytes, locale)}${d.usableBytes !== null ? ` (${formatBytes(d.usableBytes, locale)} ${t('brokers.free')})` : ''}`,
                  )
                  .join('; ')
              ) : (
                <TotalValue total={b.sizeBytes} format={(v) => formatBytes(v, locale)} />
              ),
          },
        ]}
      />
    </>
  );
}
