import { Collapse, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The cluster's Confluent-compatible schema registry: URL, basic auth or a bearer token, and a CA
 * for https. The password and token are write-only; `keeps` says which are stored, so a blank one
 * keeps its value.
 */
export function SchemaRegistryFields({ keeps }: { keeps: { password: boolean; token: boolean } }) {
  const { t } = useTranslation();
  return (
    <Collapse
      ghost
      size="small"
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'registry',
          label: t('wizard.registry'),
          forceRender: true,
          children: (
            <>
              <Form.Item
                label={t('wizard.registryUrl')}
                name="registryUrl"
                extra={t('wizard.registryUrlHint')}
              >
                <Input placeholder="https://schema-registry:8081" />
              </Form.Item>
              <Form.Item label={t('wizard.registryUsername')} name="registryUsername">
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                label={t('wizard.registryPassword')}
                name="registryPassword"
                extra={keeps.password ? t('wizard.keepSecret') : undefined}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                label={t('wizard.registryToken')}
                name="registryToken"
                extra={keeps.token ? t('wizard.keepSecret') : t('wizard.registryTokenHint')}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item label={t('wizard.registryCa')} name="registryCa" extra={t('wizard.tlsCaHint')}>
                <Input.TextArea
                  rows={3}
                  spellCheck={false}
                  placeholder="-----BEGIN CERTIFICATE-----"
                  style={{ fontFamily: 'monospace', fontSize: 12 }}
                />
              </Form.Item>
            </>
          ),
        },
      ]}
    />
  );
}
