import type { ApiTokenView } from '@weir/api/auth';
import { Alert, Button, Drawer, Form, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../api/auth.ts';
import { errorText } from '../../api/weir.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormatTime } from '../../settings/time-zone.tsx';

interface TokenForm {
  name: string;
  expiresInDays: number;
}

/** The server's default and limits for a token's lifetime (@weir/api auth `NewApiToken`). */
const LIFETIME = { default: 90, min: 1, max: 365 } as const;

/**
 * The user's personal API tokens: create one (name, lifetime) and see its secret once, list them
 * with when they were used, revoke one.
 */
export function ApiTokensDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TokenForm>();
  const tokens = useApiTokens(open);
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const formatTime = useFormatTime();
  const close = () => {
    // The secret is shown once: closing forgets it.
    create.reset();
    onClose();
  };
  return (
    <Drawer open={open} onClose={close} title={t('account.tokensTitle')} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('account.tokensExplain')}</Typography.Paragraph>
      <Form<TokenForm>
        form={form}
        layout="inline"
        initialValues={{ expiresInDays: LIFETIME.default }}
        onFinish={(values) => create.mutate(values, { onSuccess: () => form.resetFields() })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item
          name="name"
          label={t('account.tokenName')}
          rules={[{ required: true, whitespace: true, message: t('account.tokenNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('account.tokenLifetime')}>
          <InputNumber min={LIFETIME.min} max={LIFETIME.max} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('account.createToken')}
        </Button>
      </Form>
      {create.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorText(create.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      {create.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('account.secretOnce')}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>
                {t('account.secretLabel', { name: create.data.token.name })}
              </Typography.Text>
              <Typography.Text code copyable data-testid="token-secret">
                {create.data.secret}
              </Typography.Text>
            </Space>
          }
        />
      )}
      <ErrorAlert error={tokens.error ?? revoke.error} />
      <Table<ApiTokenView>
        rowKey="id"
        size="small"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        locale={{ emptyText: t('account.noTokens') }}
        columns={[
          { title: t('account.tokenName'), dataIndex: 'name' },
          {
            title: t('account.tokenPrefix'),
            dataIndex: 'prefix',
            render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
          },
          {
            title: t('account.tokenCreated'),
            dataIndex: 'createdAt',
            render: (at: string) => formatTime(at),
          },
          {
            title: t('account.tokenExpires'),
            dataIndex: 'expiresAt',
            render: (at: string) => formatTime(at),
          },
          {
            title: t('account.tokenLastUsed'),
            dataIndex: 'lastUsedAt',
            render: (at: string | null) => (at ? formatTime(at) : t('account.tokenNeverUsed')),
          },
          {
            title: '',
            render: (_, token) => (
              <Popconfirm
                title={t('account.revokeConfirm', { name: token.name })}
                okText={t('account.revoke')}
                cancelText={t('account.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => revoke.mutateAsync(token.id)}
              >
                <Button size="small" danger aria-label={`${t('account.revoke')} ${token.name}`}>
                  {t('account.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
