import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { saslMechanisms } from './cluster-form-values.ts';

/** Mechanism, username and secret; `keepsSecret` says a blank secret keeps the stored one. */
export function SaslFields({ keepsSecret }: { keepsSecret: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('wizard.mechanism')} name="mechanism">
        <Select options={saslMechanisms.map((m) => ({ value: m, label: m }))} />
      </Form.Item>
      <Form.Item label={t('wizard.username')} name="username">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('wizard.password')}
        name="password"
        extra={keepsSecret ? t('wizard.keepSecret') : undefined}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
