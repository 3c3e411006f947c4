import { hashKey, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { meQueryKey, useMe } from '../api/auth.ts';

const meQueryHash = hashKey(meQueryKey);

import { errorText, onSessionEnded } from '../api/weir.ts';
import { loginPathFor } from './next-path.ts';

/**
 * Sends visitors without a session to /login, remembering where they were going; so does any 401
 * while logged in (the session expired or was revoked elsewhere): every cached answer is dropped so
 * no page keeps showing another session's data.
 */
export function RequireLogin({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(
    () =>
      onSessionEnded(() => {
        if (queryClient.getQueryData(meQueryKey) === null) return;
        // "No user" first, so this component (observing that query) renders the way to the login
        // page; then every other answer goes, so nothing of the ended session shows again.
        queryClient.setQueryData(meQueryKey, null);
        queryClient.removeQueries({ predicate: (query) => query.queryHash !== meQueryHash });
      }),
    [queryClient],
  );
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
  if (!me.data) return <Navigate to={loginPathFor(`${location.pathname}${location.search}`)} replace />;
  return children;
}
