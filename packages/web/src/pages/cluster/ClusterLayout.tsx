import { Breadcrumb, Menu, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import { useClusters } from '../../api/clusters.ts';
import { PageHeading, usePageTitle } from '../../components/PageTitle.tsx';
import { nameFromRoute } from '../../route-names.ts';
import { RemoveClusterButton } from './RemoveClusterButton.tsx';

const SECTIONS = ['overview', 'brokers', 'topics', 'groups', 'security', 'jobs', 'serdes'] as const;

/**
 * A cluster's pages under one header with its sections: the cluster's name is the page's `h1`, and
 * the window title names the page inside it (`orders · Topics · demo · Weir`).
 */
export function ClusterLayout() {
  const { t } = useTranslation();
  const { clusterId = '' } = useParams();
  const location = useLocation();
  const clusters = useClusters();
  const cluster = clusters.data?.clusters.find((c) => c.id === clusterId);
  // /clusters/:id/:section/:name; the name (a broker, topic or group) only on a detail page.
  const [, , , section = 'overview', name] = location.pathname.split('/');
  const sectionTitle = section === 'edit' ? t('wizard.edit') : t(`section.${section}`);
  const detail = name
    ? section === 'brokers'
      ? `Broker ${nameFromRoute(name)}`
      : nameFromRoute(name)
    : undefined;
  usePageTitle(detail, sectionTitle, cluster?.name ?? clusterId);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/clusters">{t('clusters.title')}</Link> },
          { title: cluster?.name ?? clusterId },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <PageHeading flush>{cluster?.name ?? clusterId}</PageHeading>
        {cluster && (
          <Space>
            <Link to={`/clusters/${clusterId}/edit`}>{t('wizard.edit')}</Link>
            <RemoveClusterButton cluster={cluster} />
          </Space>
        )}
      </Space>
      <Menu
        mode="horizontal"
        aria-label={t('section.menu')}
        selectedKeys={[section]}
        // Seven sections do not fit at 1024 px; antd would fold the last into a "…" it hides with
        // aria-hidden while its link stays focusable, so they wrap onto a second line instead.
        disabledOverflow
        style={{ marginBottom: 16, background: 'transparent', flexWrap: 'wrap' }}
        items={SECTIONS.map((key) => ({
          key,
          label: <Link to={`/clusters/${clusterId}/${key}`}>{t(`section.${key}`)}</Link>,
        }))}
      />
      <Outlet />
    </>
  );
}
