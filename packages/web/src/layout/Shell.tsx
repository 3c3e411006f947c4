import { AuditOutlined, ClusterOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Segmented, Space, Switch, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../api/auth.ts';
import { LANGUAGES, type Language, setLanguage } from '../i18n/index.ts';
import { useThemeMode } from '../theme/theme.tsx';

/** The frame around every page: navigation, language, theme and the user menu. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const { mode, setMode } = useThemeMode();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const section = `/${location.pathname.split('/')[1] ?? ''}`;

  const items = [
    {
      key: '/clusters',
      icon: <ClusterOutlined aria-hidden />,
      label: <Link to="/clusters">{t('nav.clusters')}</Link>,
    },
    { key: '/audit', icon: <AuditOutlined aria-hidden />, label: <Link to="/audit">{t('nav.audit')}</Link> },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={208}
        theme={mode}
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.tagline')}
          </Typography.Text>
        </div>
        <Menu mode="inline" theme={mode} selectedKeys={[section]} items={items} aria-label={t('nav.main')} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 24,
          }}
        >
          <Space size="large">
            <Segmented
              aria-label={t('header.language')}
              value={i18n.language}
              options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
              onChange={(value) => setLanguage(value as Language)}
            />
            <Space>
              <Switch
                aria-label={t('header.theme.dark')}
                checked={mode === 'dark'}
                onChange={(dark) => setMode(dark ? 'dark' : 'light')}
              />
              <span>{t('header.theme.dark')}</span>
            </Space>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [{ key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('header.logout') }],
                onClick: () =>
                  logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) }),
              }}
            >
              <Button icon={<UserOutlined aria-hidden />} data-testid="user-menu">
                {me.data?.username}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
