import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where the brokers' metrics are scraped: Prometheus (e.g. the JMX exporter) or Jolokia, per broker or all. */
export function MetricsEndpointsFields() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('wizard.metrics')} extra={t('wizard.metricsHint')}>
      <Form.List name="metricsEndpoints">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                <Form.Item name={[field.name, 'type']} noStyle>
                  <Select
                    aria-label={t('wizard.metricsType')}
                    style={{ width: 130 }}
                    options={[
                      { value: 'prometheus', label: 'Prometheus' },
                      { value: 'jolokia', label: 'Jolokia' },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'url']}
                  noStyle
                  rules={[{ required: true, message: t('login.required') }]}
                >
                  <Input
                    aria-label={t('wizard.metricsUrl')}
                    placeholder="http://broker-1:7071/metrics"
                    style={{ width: 280 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'brokerId']} noStyle>
                  <InputNumber
                    aria-label={t('wizard.metricsBroker')}
                    placeholder={t('wizard.metricsBroker')}
                    min={0}
                    precision={0}
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  aria-label={t('wizard.metricsRemove')}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ type: 'prometheus', url: '' })}>
              {t('wizard.metricsAdd')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
