import { Alert, Descriptions, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type GroupDetail, useGroup } from '../../api/groups.ts';
import { DetailHeader } from '../../components/DetailHeader.tsx';
import { GroupStateTag } from '../../components/GroupStateTag.tsx';
import { TotalValue } from '../../components/TotalValue.tsx';
import { formatCount, localeOf } from '../../format.ts';
import { nameFromRoute } from '../../route-names.ts';
import { GroupActions } from './changes/GroupActions.tsx';

type PartitionLag = GroupDetail['partitions'][number];
type Member = GroupDetail['group']['members'][number];

export function GroupPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { clusterId = '', groupId: groupParam = '' } = useParams();
  const groupId = nameFromRoute(groupParam);
  const query = useGroup(clusterId, groupId);
  const detail = query.data;
  const clientOf = new Map(detail?.group.members.map((m) => [m.memberId, `${m.clientId} @ ${m.host}`]));
  return (
    <>
      <DetailHeader
        parent={{ to: `/clusters/${clusterId}/groups`, label: t('section.groups') }}
        title={groupId}
        query={query}
        extra={
          detail && (
            <GroupActions
              clusterId={clusterId}
              groupId={groupId}
              topics={[...new Set(detail.partitions.map((p) => p.topic))]}
            />
          )
        }
      />
      {detail && (
        <>
          <Descriptions size="small" column={{ xs: 2, md: 4 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('groups.state')}>
              <GroupStateTag state={detail.group.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('groups.members')}>{detail.group.members.length}</Descriptions.Item>
            <Descriptions.Item label={t('groups.assignor')}>{detail.group.protocol ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('groups.lag')}>
              <span data-testid="group-total-lag">
                <TotalValue total={detail.group.totalLag} format={(v) => formatCount(v, locale)} />
              </span>
            </Descriptions.Item>
          </Descriptions>
          {detail.group.describeError && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={detail.group.describeError}
            />
          )}
          <Typography.Title level={5}>{t('groups.partitionLag')}</Typography.Title>
          <Table<PartitionLag>
            rowKey={(p) => `${p.topic}:${p.partition}`}
            size="small"
            dataSource={detail.partitions}
            pagination={{ pageSize: 100, hideOnSinglePage: true }}
            columns={[
              {
                title: t('groups.topic'),
                dataIndex: 'topic',
                sorter: (a, b) => a.topic.localeCompare(b.topic),
              },
              {
                title: t('topic.partition'),
                dataIndex: 'partition',
                sorter: (a, b) => a.partition - b.partition,
              },
              {
                title: t('groups.committed'),
                dataIndex: 'committedOffset',
                align: 'right',
                // No commit yet: Kafka's tool prints "-"; the lag column says why it is unknown.
                render: (v: number | null) => (v === null ? '-' : formatCount(v, locale)),
              },
              {
                title: t('topic.end'),
                dataIndex: 'endOffset',
                align: 'right',
                render: (v: number | null) => (v === null ? t('total.unknown') : formatCount(v, locale)),
              },
              {
                title: t('groups.lag'),
                dataIndex: 'lag',
                align: 'right',
                defaultSortOrder: 'descend',
                // Unknown lags last in either direction (antd negates the result for descending).
                sorter: (a, b, order) =>
                  a.lag === null || b.lag === null
                    ? (a.lag === b.lag ? 0 : a.lag === null ? 1 : -1) * (order === 'descend' ? -1 : 1)
                    : a.lag - b.lag,
                render: (v: number | null, p) =>
                  v === null ? (
                    <Tooltip title={p.lagUnknownReason}>
                      <span>{t('total.unknown')}</span>
                    </Tooltip>
                  ) : (
                    formatCount(v, locale)
                  ),
              },
              {
                title: t('groups.consumer'),
                dataIndex: 'memberId',
                render: (id: string | null) => (id ? clientOf.get(id) : '–'),
              },
            ]}
          />
          <Typography.Title level={5}>{t('groups.membersTitle')}</Typography.Title>
          <Table<Member>
            rowKey="memberId"
            size="small"
            dataSource={detail.group.members}
            pagination={false}
            locale={{ emptyText: t('groups.noMembers') }}
            columns={[
              { title: t('groups.clientId'), dataIndex: 'clientId' },
              { title: t('groups.host'), dataIndex: 'host' },
              {
                title: t('groups.assignment'),
                render: (_, m) => m.assignment.map((a) => `${a.topic}-${a.partition}`).join(', '),
              },
              {
                title: t('groups.memberId'),
                dataIndex: 'memberId',
                render: (id: string) => <Typography.Text type="secondary">{id}</Typography.Text>,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
