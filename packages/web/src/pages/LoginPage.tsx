import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useLogin, useMe } from '../api/auth.ts';
import { ApiProblem, errorText } from '../api/weir.ts';
import { PageHeading, usePageTitle } from '../components/PageTitle.tsx';
import { safeNext } from '../layout/next-path.ts';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const next = safeNext(params.get('next'));
  usePageTitle(t('login.pageTitle'));

  if (me.data) return <Navigate to={next} replace />;

  const loginError = (() => {
    const error = login.error;
    if (!error) return undefined;
    if (error instanceof ApiProblem && error.status === 401) return t('login.invalid');
    if (error instanceof ApiProblem && error.status === 429) {
      return t('login.rateLimited', { count: error.retryAfterSeconds ?? 60 });
    }
    return errorText(error);
  })();

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 24 }}>
      <Card style={{ width: 380 }}>
        <PageHeading>{t('login.title')}</PageHeading>
        <Form<LoginForm>
          layout="vertical"
          requiredMark={false}
          initialValues={{ username: 'admin' }}
          onFinish={(values) => login.mutate(values)}
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          {loginError && (
            <Alert type="error" showIcon message={loginError} style={{ marginBottom: 16 }} role="alert" />
          )}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.firstStart')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
