import {
  ApiOutlined,
  AuditOutlined,
  ClusterOutlined,
  FileTextOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Switch, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useThemeMode } from '../theme/theme.tsx';
import { SkipLink } from './SkipLink.tsx';
import { UserMenu } from './UserMenu.tsx';

const COLLAPSED_KEY = 'weir.navCollapsed';
/** The id of the `main` landmark, where the skip link leads. */
const MAIN_ID = 'main';

/** The frame around every page: a skip link, the collapsible navigation, the theme and the user menu. */
export function Shell() {
  const { t } = useTranslation();
  const { mode, setMode } = useThemeMode();
  const location = useLocation();
  const { token } = theme.useToken();
  const section = `/${location.pathname.split('/')[1] ?? ''}`;
  const [collapsed, setCollapsedState] = useState(() => localStorage.getItem(COLLAPSED_KEY) === 'true');
  const setCollapsed = (next: boolean) => {
    localStorage.setItem(COLLAPSED_KEY, String(next));
    setCollapsedState(next);
  };

  const items = [
    {
      key: '/clusters',
      icon: <ClusterOutlined aria-hidden />,
      label: <Link to="/clusters">{t('nav.clusters')}</Link>,
    },
    { key: '/audit', icon: <AuditOutlined aria-hidden />, label: <Link to="/audit">{t('nav.audit')}</Link> },
    {
      key: '/plugins',
      icon: <ApiOutlined aria-hidden />,
      label: <Link to="/plugins">{t('nav.plugins')}</Link>,
    },
    {
      key: '/schemas',
      icon: <FileTextOutlined aria-hidden />,
      label: <Link to="/schemas">{t('nav.schemas')}</Link>,
    },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink target={MAIN_ID} />
      <Layout.Sider
        width={208}
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        // The toggle is a real button in the header (antd's own trigger is a div no keyboard reaches).
        trigger={null}
        theme={mode}
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <div
          style={{ padding: collapsed ? '16px 0' : '16px 20px', textAlign: collapsed ? 'center' : 'left' }}
        >
          <Typography.Text strong style={{ fontSize: 20, display: 'block' }}>
            {collapsed ? t('app.name').slice(0, 1) : t('app.name')}
          </Typography.Text>
          {!collapsed && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('app.tagline')}
            </Typography.Text>
          )}
        </div>
        <nav aria-label={t('header.navigation')}>
          <Menu
            mode="inline"
            theme={mode}
            selectedKeys={[section]}
            items={items}
            inlineCollapsed={collapsed}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            paddingInline: 16,
          }}
        >
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
            aria-label={collapsed ? t('header.expandNav') : t('header.collapseNav')}
            aria-expanded={!collapsed}
            onClick={() => setCollapsed(!collapsed)}
          />
          <Space size="large">
            <Space>
              <Switch
                aria-label={t('header.theme.dark')}
                checked={mode === 'dark'}
                onChange={(dark) => setMode(dark ? 'dark' : 'light')}
              />
              <span aria-hidden>{t('header.theme.dark')}</span>
            </Space>
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content id={MAIN_ID} tabIndex={-1} style={{ padding: 24, outline: 'none', minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
