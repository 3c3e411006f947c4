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
import { TopicPage } from './pages/cluster/TopicPage.tsx';
import { TopicsPage } from './pages/cluster/TopicsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { useThemeMode } from './theme/theme.tsx';

/** Routes only mount pages. */
export function App() {
  const { t, i18n } = useTranslation();
  const { mode } = useThemeMode();
  return (
    <ConfigProvider
      locale={i18n.language === 'zh' ? zhCN : enUS}
      theme={{
        algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
        // In light mode, antd's primary blue (#1677ff) under white text and its secondary text
        // (45 % black) miss WCAG AA's 4.5:1 contrast; one step darker of each passes (axe in e2e).
        token: {
          borderRadius: 4,
          ...(mode === 'dark'
            ? {}
            : {
                colorPrimary: '#0958d9',
                colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
                colorTextDescription: 'rgba(0, 0, 0, 0.65)',
              }),
        },
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
              <Route path="edit" element={<ClusterFormPage />} />
            </Route>

            <Route path="/audit" element={<AuditPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="/" element={<Navigate to="/clusters" replace />} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}
