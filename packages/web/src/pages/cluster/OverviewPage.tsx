import { Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type QuorumReplica, useOverview } from '../../api/clusters.ts';
import { DataAge } from '../../components/DataAge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TotalValue } from '../../components/TotalValue.tsx';
import { formatCount, localeOf } from '../../format.ts';
import { PluginChecksCard } from './PluginChecksCard.tsx';
import { ZooKeeperPanel } from './ZooKeeperPanel.tsx';

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { clusterId = '' } = useParams();
  const query = useOverview(clusterId);
  const locale = localeOf(i18n.language);
  const o = query.data?.overview;
  const stat = (title: string, value: number | null | undefined, testId: string, danger = false) => (
    <Col xs={12} md={6} lg={4}>
      <Card size="small">
        <Statistic
          title={title}
          value={value === null || value === undefined ? '–' : formatCount(value, locale)}
          valueStyle={danger && value ? { color: '#cf1322' } : undefined}
          data-testid={testId}
        />
      </Card>
    </Col>
  );
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 12 }}>
        <DataAge
          freshness={query.data?.freshness}
          onRefresh={() => void query.refresh()}
          refreshing={query.refreshing}
        />
      </Space>
      <ErrorAlert error={query.error} />
      {o && (
        <>
          <Row gutter={[12, 12]}>
            {stat(t('overview.brokers'), o.brokers.alive, 'stat-brokers')}
            {stat(t('overview.topics'), o.topics - o.internalTopics, 'stat-topics')}
            {stat(t('overview.partitions'), o.partitions, 'stat-partitions')}
            {stat(t('overview.replicas'), o.replicas, 'stat-replicas')}
            {stat(t('overview.urp'), o.underReplicatedPartitions, 'stat-urp', true)}
            <Col xs={12} md={6} lg={4}>
              <Card size="small">
                <Statistic
                  title={t('overview.underMinIsr')}
                  valueRender={() => (
                    <TotalValue total={o.underMinIsrPartitions} format={(v) => formatCount(v, locale)} />
                  )}
                  valueStyle={o.underMinIsrPartitions.value ? { color: '#cf1322' } : undefined}
                  data-testid="stat-under-min-isr"
                />
              </Card>
            </Col>
            {stat(t('overview.offline'), o.offlinePartitions, 'stat-offline', true)}
            {stat(t('overview.leaderless'), o.leaderlessPartitions, 'stat-leaderless', true)}
            {stat(t('overview.acls'), o.aclCount, 'stat-acls')}
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('overview.cluster')}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('overview.clusterId')}>{o.clusterId}</Descriptions.Item>
                  <Descriptions.Item label={t('overview.version')}>
                    <Tooltip title={o.version.evidence.join('; ')}>
                      {`Kafka ${o.version.label} (${t(`overview.versionCertainty.${o.version.certainty}`)})`}
                    </Tooltip>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('overview.mode')}>
                    {o.mode === 'kraft' ? 'KRaft' : 'ZooKeeper'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('overview.controller')}>
                    {o.controllerId ?? '–'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('overview.groups')}>
                    {o.groupsByState &&
                      Object.entries(o.groupsByState).map(([state, count]) => (
                        <Tag key={state}>{`${state}: ${count}`}</Tag>
                      ))}
                    {!o.groups.complete && (
                      <TotalValue total={o.groups} format={(v) => formatCount(v, locale)} />
                    )}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            {o.quorum && (
              <Col xs={24} lg={12}>
                <Card
                  size="small"
                  title={t('overview.quorum', { leader: o.quorum.leaderId, epoch: o.quorum.leaderEpoch })}
                >
                  <Table<QuorumReplica & { role: string }>
                    size="small"
                    rowKey={(r) => `${r.role}-${r.nodeId}`}
                    pagination={false}
                    dataSource={[
                      ...o.quorum.voters.map((v) => ({
                        ...v,
                        role: v.nodeId === o.quorum?.leaderId ? t('overview.leader') : t('overview.voter'),
                      })),
                      ...o.quorum.observers.map((v) => ({ ...v, role: t('overview.observer') })),
                    ]}
                    columns={[
                      { title: t('overview.node'), dataIndex: 'nodeId' },
                      { title: t('overview.role'), dataIndex: 'role' },
                      {
                        title: t('overview.logEnd'),
                        dataIndex: 'logEndOffset',
                        render: (v: number) => formatCount(v, locale),
                      },
                      {
                        title: t('overview.lag'),
                        dataIndex: 'lag',
                        render: (v: number) => formatCount(v, locale),
                      },
                    ]}
                  />
                </Card>
              </Col>
            )}
            {o.mode === 'zookeeper' && (
              <Col xs={24} lg={12}>
                <ZooKeeperPanel clusterId={clusterId} />
              </Col>
            )}
          </Row>
          <PluginChecksCard clusterId={clusterId} />
        </>
      )}
    </>
  );
}
