import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/auth.ts';
import { errorText } from '../api/weir.ts';

/** Sends visitors without a session to /login, remembering where they were going. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (me.isPending) return <Spin fullscreen />;
  if (me.isError) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('error.generic')}
        description={errorText(me.error)}
        action={<Button onClick={() => void me.refetch()}>{t('error.retry')}</Button>}
        style={{ margin: 24 }}
      />
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
