import { formatBytes } from '@weir/api/display';
import { Alert, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useBroker } from '../../api/brokers.ts';
import { DetailHeader } from '../../components/DetailHeader.tsx';
import { localeOf } from '../../format.ts';
import { BrokerSummaryPanel } from './BrokerSummaryPanel.tsx';
import { BrokerConfigEditor } from './changes/ConfigEditor.tsx';

export function BrokerPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { clusterId = '', brokerId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useBroker(clusterId, Number(brokerId));
  const detail = query.data;
  const replicas = (detail?.logDirs ?? []).flatMap((dir) =>
    dir.replicas.map((r) => ({ ...r, path: dir.path })),
  );
  return (
    <>
      <DetailHeader
        parent={{ to: `/clusters/${clusterId}/brokers`, label: t('section.brokers') }}
        title={brokerId}
        query={query}
      />
      {detail && <BrokerSummaryPanel detail={detail} />}
      {detail && (
        <Tabs
          activeKey={params.get('tab') ?? 'configs'}
          onChange={(key) => setParams({ tab: key })}
          items={[
            {
              key: 'configs',
              label: t('broker.configs'),
              children: detail.configs ? (
                <BrokerConfigEditor
                  clusterId={clusterId}
                  broker={detail.broker.nodeId}
                  configs={detail.configs}
                />
              ) : (
                <Alert type="warning" showIcon message={detail.configsError} />
              ),
            },
            {
              key: 'logdirs',
              label: t('broker.logDirs'),
              children: detail.broker.logDirsError ? (
                <Alert type="warning" showIcon message={detail.broker.logDirsError} />
              ) : (
                <Table
                  rowKey={(r) => `${r.path}:${r.topic}:${r.partition}`}
                  size="small"
                  dataSource={replicas}
                  pagination={{ pageSize: 100, hideOnSinglePage: true }}
                  columns={[
                    { title: t('broker.path'), dataIndex: 'path' },
                    {
                      title: t('groups.topic'),
                      dataIndex: 'topic',
                      sorter: (a, b) => a.topic.localeCompare(b.topic),
                    },
                    { title: t('topic.partition'), dataIndex: 'partition' },
                    {
                      title: t('topics.size'),
                      dataIndex: 'sizeBytes',
                      align: 'right',
                      defaultSortOrder: 'descend',
                      sorter: (a, b) => a.sizeBytes - b.sizeBytes,
                      render: (v: number) => formatBytes(v, locale),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
