import { Alert, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type AclBinding, useAcls, useQuotas, useScramUsers } from '../../api/security.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export function SecurityPage() {
  const { t } = useTranslation();
  const { clusterId = '' } = useParams();
  const acls = useAcls(clusterId);
  const scram = useScramUsers(clusterId);
  const quotas = useQuotas(clusterId);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('security.acls')}>
        <ErrorAlert error={acls.error} />
        {acls.data && !acls.data.authorizerEnabled && (
          <Alert type="info" showIcon message={t('security.noAuthorizer')} />
        )}
        {acls.data?.authorizerEnabled && (
          <Table<AclBinding>
            rowKey={(a) => JSON.stringify(a)}
            size="small"
            dataSource={acls.data.acls}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                title: t('security.principal'),
                dataIndex: 'principal',
                filters: [...new Set(acls.data.acls.map((a) => a.principal))].map((p) => ({
                  text: p,
                  value: p,
                })),
                onFilter: (value, a) => a.principal === value,
              },
              {
                title: t('security.resource'),
                render: (_, a) =>
                  `${a.resourceType} ${a.patternType === 'PREFIXED' ? `${a.resourceName}*` : a.resourceName}`,
              },
              { title: t('security.operation'), dataIndex: 'operation' },
              {
                title: t('security.permission'),
                dataIndex: 'permission',
                render: (p: string) => <Tag color={p === 'ALLOW' ? 'green' : 'red'}>{p}</Tag>,
              },
              { title: t('security.host'), dataIndex: 'host' },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('security.scram')}>
        <ErrorAlert error={scram.error} />
        <Table
          rowKey="user"
          size="small"
          dataSource={scram.data?.users}
          pagination={false}
          loading={scram.isPending}
          columns={[
            { title: t('security.user'), dataIndex: 'user' },
            {
              title: t('security.mechanisms'),
              render: (_, u) =>
                u.mechanisms.map((m) => <Tag key={m.mechanism}>{`${m.mechanism} (${m.iterations})`}</Tag>),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('security.quotas')}>
        <ErrorAlert error={quotas.error} />
        <Table
          rowKey={(q) => JSON.stringify(q.entity)}
          size="small"
          dataSource={quotas.data?.quotas}
          pagination={false}
          loading={quotas.isPending}
          columns={[
            {
              title: t('security.entity'),
              render: (_, q) =>
                Object.entries(q.entity)
                  .map(([type, name]) => `${type}=${name ?? t('security.default')}`)
                  .join(', '),
            },
            {
              title: t('security.limits'),
              render: (_, q) =>
                Object.entries(q.values)
                  .map(([key, value]) => `${key}=${value}`)
                  .join(', '),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
