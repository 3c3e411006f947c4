import { Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The CA, client certificate and key (PEM) of a TLS listener; `keepsKey` says a blank key keeps the
 * stored one (the key is write-only, the certificates are shown).
 */
export function TlsFields({ keepsKey }: { keepsKey: boolean }) {
  const { t } = useTranslation();
  const pem = (name: string, label: string, extra?: string) => (
    <Form.Item label={label} name={name} extra={extra}>
      <Input.TextArea
        rows={3}
        spellCheck={false}
        placeholder="-----BEGIN CERTIFICATE-----"
        style={{ fontFamily: 'monospace', fontSize: 12 }}
      />
    </Form.Item>
  );
  return (
    <>
      {pem('tlsCa', t('wizard.tlsCa'), t('wizard.tlsCaHint'))}
      {pem('tlsCert', t('wizard.tlsCert'))}
      {pem('tlsKey', t('wizard.tlsKey'), keepsKey ? t('wizard.keepSecret') : t('wizard.tlsKeyHint'))}
      <Form.Item label={t('wizard.tlsVerifyHostname')} name="tlsVerifyHostname" valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
