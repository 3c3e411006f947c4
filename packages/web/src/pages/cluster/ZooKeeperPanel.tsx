import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useZooKeeper, type ZooKeeperServerStatus } from '../../api/clusters.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatCount, localeOf } from '../../format.ts';

/** A ZooKeeper-mode cluster's ensemble, each server as its `srvr` command reports it. */
export function ZooKeeperPanel({ clusterId }: { clusterId: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const query = useZooKeeper(clusterId);
  const panel = query.data;
  return (
    <Card size="small" title={t('zookeeper.title')} data-testid="zookeeper-panel">
      <ErrorAlert error={query.error} />
      {panel && !panel.connect && <Alert type="info" showIcon message={t('zookeeper.notConfigured')} />}
      {panel?.connect && (
        <Table<ZooKeeperServerStatus>
          size="small"
          scroll={{ x: 'max-content' }}
          rowKey="address"
          pagination={false}
          dataSource={panel.servers}
          columns={[
            { title: t('zookeeper.server'), dataIndex: 'address' },
            {
              title: t('zookeeper.mode'),
              render: (_, s) =>
                s.error ? (
                  <Tag color="red">{s.error}</Tag>
                ) : (
                  <Tag color={s.mode === 'follower' ? undefined : 'blue'}>{s.mode}</Tag>
                ),
            },
            { title: t('zookeeper.version'), dataIndex: 'version', render: (v: string | null) => v ?? '–' },
            {
              title: t('zookeeper.latency'),
              render: (_, s) =>
                s.latencyMs ? `${s.latencyMs.min} / ${s.latencyMs.avg} / ${s.latencyMs.max}` : '–',
            },
            {
              title: t('zookeeper.connections'),
              dataIndex: 'connections',
              render: (v: number | null) => formatCount(v, locale),
            },
            {
              title: t('zookeeper.znodes'),
              dataIndex: 'nodeCount',
              render: (v: number | null) => formatCount(v, locale),
            },
          ]}
        />
      )}
    </Card>
  );
}
