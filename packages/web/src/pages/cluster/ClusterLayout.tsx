import { Breadcrumb, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import { useClusters } from '../../api/clusters.ts';
import { RemoveClusterButton } from './RemoveClusterButton.tsx';

const SECTIONS = ['overview', 'brokers', 'topics', 'groups', 'security', 'jobs'] as const;

/** A cluster's pages under one header with its sections. */
export function ClusterLayout() {
  const { t } = useTranslation();
  const { clusterId = '' } = useParams();
  const location = useLocation();
  const clusters = useClusters();
  const cluster = clusters.data?.clusters.find((c) => c.id === clusterId);
  const section = location.pathname.split('/')[3] ?? 'overview';
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/clusters">{t('clusters.title')}</Link> },
          { title: cluster?.name ?? clusterId },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {cluster?.name}
        </Typography.Title>
        {cluster && (
          <Space>
            <Link to={`/clusters/${clusterId}/edit`}>{t('wizard.edit')}</Link>
            <RemoveClusterButton cluster={cluster} />
          </Space>
        )}
      </Space>
      <Menu
        mode="horizontal"
        selectedKeys={[section]}
        style={{ marginBottom: 16, background: 'transparent' }}
        items={SECTIONS.map((key) => ({
          key,
          label: <Link to={`/clusters/${clusterId}/${key}`}>{t(`section.${key}`)}</Link>,
        }))}
      />
      <Outlet />
    </>
  );
}
