import { ConfigProvider, theme } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { RequireLogin } from './layout/RequireLogin.tsx';
import { Shell } from './layout/Shell.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { ClustersPage } from './pages/ClustersPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { useThemeMode } from './theme/theme.tsx';

/** Routes only mount pages. */
export function App() {
  const { i18n } = useTranslation();
  const { mode } = useThemeMode();
  return (
    <ConfigProvider
      locale={i18n.language === 'zh' ? zhCN : enUS}
      theme={{
        algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
        token: { borderRadius: 4 },
      }}
      componentSize="middle"
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
            <Route path="/audit" element={<AuditPage />} />
          </Route>
          <Route path="*" element={<Navigate to="/clusters" replace />} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}
