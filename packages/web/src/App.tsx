import { LoadingOutlined } from '@ant-design/icons';
import { ConfigProvider, theme } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { cspNonce } from './csp-nonce.ts';
import { RequireLogin } from './layout/RequireLogin.tsx';
import { Shell } from './layout/Shell.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { ClusterFormPage } from './pages/ClusterFormPage.tsx';
import { ClustersPage } from './pages/ClustersPage.tsx';
import { BrokerPage } from './pages/cluster/BrokerPage.tsx';
import { BrokersPage } from './pages/cluster/BrokersPage.tsx';
import { ClusterLayout } from './pages/cluster/ClusterLayout.tsx';
import { GroupPage } from './pages/cluster/GroupPage.tsx';
import { GroupsPage } from './pages/cluster/GroupsPage.tsx';
import { JobsPage } from './pages/cluster/JobsPage.tsx';
import { OverviewPage } from './pages/cluster/OverviewPage.tsx';
import { SecurityPage } from './pages/cluster/SecurityPage.tsx';
import { SerdesPage } from './pages/cluster/SerdesPage.tsx';
import { TopicPage } from './pages/cluster/TopicPage.tsx';
import { TopicsPage } from './pages/cluster/TopicsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PluginsPage } from './pages/PluginsPage.tsx';
import { SchemasPage } from './pages/SchemasPage.tsx';
import { useThemeMode } from './theme/theme.tsx';

/**
 * Light-mode colours one step darker than antd's defaults, each of which misses WCAG AA's 4.5:1
 * contrast for text on white or on the page's grey (the e2e run checks with axe-core): the primary
 * and link blue (#1677ff), the danger red (#ff4d4f), secondary, tertiary, placeholder and disabled
 * greys (an empty table's text is the disabled grey).
 */
const LIGHT_CONTRAST = {
  colorPrimary: '#0958d9',
  colorLink: '#0958d9',
  colorError: '#cf1322',
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
} as const;

/**
 * A tag's text is step 7 of its colour's palette, on step 1: for green, orange and gold that misses
 * 4.5:1 at a tag's 12 px, so tags take step 8 (a seed change would darken the background too).
 */
const LIGHT_TAG_CONTRAST = { green7: '#237804', orange7: '#ad4e00', gold7: '#874d00' } as const;

/** Routes only mount pages. */
export function App() {
  const { t, i18n } = useTranslation();
  const { mode } = useThemeMode();
  return (
    <ConfigProvider
      locale={i18n.language === 'zh' ? zhCN : enUS}
      theme={{
        algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
        token: { borderRadius: 4, ...(mode === 'dark' ? {} : LIGHT_CONTRAST) },
        components: mode === 'dark' ? {} : { Tag: LIGHT_TAG_CONTRAST },
      }}
      componentSize="middle"
      csp={{ nonce: cspNonce }}
      // antd's own loading icon leaves through a CSS transition and is removed only on its
      // transitionend; when none comes (a cancelled transition on a busy machine), the icon stays in
      // the DOM, invisible, and its label stays in the button's name ("loading Validate"). An icon
      // given here is rendered without that motion: it exists exactly while the button is loading.
      button={{ loadingIcon: <LoadingOutlined aria-label={t('common.loading')} /> }}
    >
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireLogin>
                <Shell />
              </RequireLogin>
            }
          >
            <Route path="/clusters" element={<ClustersPage />} />
            <Route path="/clusters/new" element={<ClusterFormPage />} />
            <Route path="/clusters/:clusterId" element={<ClusterLayout />}>
              <Route index element={<Navigate to="overview" replace />} />
              <Route path="overview" element={<OverviewPage />} />
              <Route path="brokers" element={<BrokersPage />} />
              <Route path="brokers/:brokerId" element={<BrokerPage />} />
              <Route path="topics" element={<TopicsPage />} />
              <Route path="topics/:topic" element={<TopicPage />} />
              <Route path="groups" element={<GroupsPage />} />
              <Route path="groups/:groupId" element={<GroupPage />} />
              <Route path="security" element={<SecurityPage />} />
              <Route path="jobs" element={<JobsPage />} />
              <Route path="serdes" element={<SerdesPage />} />
              <Route path="edit" element={<ClusterFormPage />} />
            </Route>

            <Route path="/audit" element={<AuditPage />} />
            <Route path="/plugins" element={<PluginsPage />} />
            <Route path="/schemas" element={<SchemasPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="/" element={<Navigate to="/clusters" replace />} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}
