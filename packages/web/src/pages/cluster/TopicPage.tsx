import { formatBytes } from '@weir/api/display';
import { Alert, Descriptions, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Total } from '../../api/cluster-cache.ts';
import { type TopicDetail, useTopic } from '../../api/topics.ts';
import { DetailHeader } from '../../components/DetailHeader.tsx';
import { TotalValue } from '../../components/TotalValue.tsx';
import { formatCount, formatEstimate, formatTotal, localeOf } from '../../format.ts';
import { nameFromRoute, routePathName } from '../../route-names.ts';
import { TopicConfigEditor } from './changes/ConfigEditor.tsx';
import { TopicActions } from './changes/TopicActions.tsx';
import { MessageCount } from './MessageCount.tsx';
import { MessagesTab } from './messages/MessagesTab.tsx';

type Partition = TopicDetail['partitions'][number];

export function TopicPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { clusterId = '', topic: topicParam = '' } = useParams();
  const name = nameFromRoute(topicParam);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'partitions';
  const query = useTopic(clusterId, name);
  const detail = query.data;
  // An offset or size that could not be read says so, with the reason as its tooltip; never "0".
  const orUnknown = (text: string | null, reason: string | null) =>
    text ?? (
      <Tooltip title={reason}>
        <span>{t('total.unknown')}</span>
      </Tooltip>
    );
  return (
    <>
      <DetailHeader
        parent={{ to: `/clusters/${clusterId}/topics`, label: t('section.topics') }}
        title={name}
        query={query}
        extra={
          detail && (
            <TopicActions
              clusterId={clusterId}
              topic={name}
              partitions={detail.topic.partitions}
              replicationFactor={detail.topic.replicationFactor}
            />
          )
        }
      />
      {detail && (
        <>
          <Descriptions size="small" column={{ xs: 2, md: 4 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('topics.partitions')}>{detail.topic.partitions}</Descriptions.Item>
            <Descriptions.Item label={t('topics.rf')}>{detail.topic.replicationFactor}</Descriptions.Item>
            <Descriptions.Item label={t('topics.size')}>
              <TotalValue total={detail.topic.sizeBytes} format={(v) => formatBytes(v, locale)} />
            </Descriptions.Item>
            <Descriptions.Item label={t('topics.messages')}>
              <Space direction="vertical" size={4}>
                <Tooltip
                  title={
                    detail.topic.messages.complete ? t('topics.estimateWhy') : detail.topic.messages.reason
                  }
                >
                  {t('topics.estimated', {
                    value: formatTotal(
                      detail.topic.messages,
                      (v) => formatEstimate(v, locale),
                      (key, values) => t(key, values ?? {}),
                    ),
                  })}
                </Tooltip>
                <MessageCount clusterId={clusterId} topic={name} />
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams({ tab: key })}
            items={[
              {
                key: 'partitions',
                label: t('topic.partitionsTab'),
                children: (
                  <Table<Partition>
                    rowKey="partition"
                    size="small"
                    dataSource={detail.partitions}
                    pagination={{ pageSize: 100, hideOnSinglePage: true }}
                    columns={[
                      { title: t('topic.partition'), dataIndex: 'partition' },
                      {
                        title: t('topic.leader'),
                        render: (_, p) =>
                          p.offline ? <Tag color="red">{t('topic.noLeader')}</Tag> : p.leader,
                      },
                      {
                        title: t('topic.replicas'),
                        dataIndex: 'replicas',
                        render: (r: number[]) => r.join(', '),
                      },
                      {
                        title: t('topic.isr'),
                        render: (_, p) => (
                          <span style={p.underReplicated ? { color: '#d46b08' } : undefined}>
                            {p.isr.join(', ')}
                          </span>
                        ),
                      },
                      {
                        title: t('topic.start'),
                        dataIndex: 'startOffset',
                        align: 'right',
                        render: (v: number | null, p) =>
                          orUnknown(v === null ? null : formatCount(v, locale), p.offsetsUnknownReason),
                      },
                      {
                        title: t('topic.end'),
                        dataIndex: 'endOffset',
                        align: 'right',
                        render: (v: number | null, p) =>
                          orUnknown(v === null ? null : formatCount(v, locale), p.offsetsUnknownReason),
                      },
                      {
                        title: t('topic.sizes'),
                        render: (_, p) =>
                          p.replicaSizes.map((r) => (
                            <span key={r.broker} style={{ marginRight: 8 }}>
                              {r.broker}:{' '}
                              {orUnknown(
                                r.sizeBytes === null ? null : formatBytes(r.sizeBytes, locale),
                                r.unknownReason,
                              )}
                            </span>
                          )),
                      },
                    ]}
                  />
                ),
              },
              {
                key: 'configs',
                label: t('topic.configsTab'),
                children: detail.configs ? (
                  <TopicConfigEditor clusterId={clusterId} topic={name} configs={detail.configs} />
                ) : (
                  <Alert type="warning" message={detail.configsError} />
                ),
              },
              {
                key: 'messages',
                label: t('topic.messagesTab'),
                children: (
                  <MessagesTab clusterId={clusterId} topic={name} partitions={detail.topic.partitions} />
                ),
              },
              {
                key: 'groups',
                label: t('topic.groupsTab', { count: detail.consumerGroups.length }),
                children: (
                  <Table
                    rowKey="groupId"
                    size="small"
                    dataSource={detail.consumerGroups}
                    pagination={false}
                    columns={[
                      {
                        title: t('groups.group'),
                        dataIndex: 'groupId',
                        render: (id: string) => (
                          <Link to={`/clusters/${clusterId}/groups/${routePathName(id)}`}>{id}</Link>
                        ),
                      },
                      { title: t('groups.state'), dataIndex: 'state' },
                      {
                        title: t('groups.lag'),
                        dataIndex: 'lag',
                        align: 'right',
                        render: (lag: Total) => (
                          <TotalValue total={lag} format={(v) => formatCount(v, locale)} />
                        ),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
