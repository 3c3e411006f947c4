import { Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useClusters, useCreateCluster, useTestConnection, useUpdateCluster } from '../api/clusters.ts';
import { ApiProblem } from '../api/weir.ts';
import { PageHeading, usePageTitle } from '../components/PageTitle.tsx';
import { ConnectionResult } from './cluster-form/ConnectionResult.tsx';
import {
  type FormValues,
  newClusterValues,
  securityProtocols,
  toInput,
  valuesOf,
} from './cluster-form/cluster-form-values.ts';
import { MetricsEndpointsFields } from './cluster-form/MetricsEndpointsFields.tsx';
import { SaslFields } from './cluster-form/SaslFields.tsx';
import { SchemaRegistryFields } from './cluster-form/SchemaRegistryFields.tsx';
import { TlsFields } from './cluster-form/TlsFields.tsx';

/** Adds a cluster, or edits one when the route has a cluster id. */
export function ClusterFormPage() {
  const { t } = useTranslation();
  const { clusterId } = useParams();
  const clusters = useClusters();
  const existing = clusterId ? clusters.data?.clusters.find((c) => c.id === clusterId) : undefined;
  const [form] = Form.useForm<FormValues>();
  const protocol = Form.useWatch('securityProtocol', form);
  const test = useTestConnection(clusterId);
  const create = useCreateCluster();
  const update = useUpdateCluster(clusterId ?? '');
  const save = clusterId ? update : create;
  const navigate = useNavigate();
  // A new cluster's page names itself; an existing one's is named by the cluster layout around it.
  usePageTitle(clusterId ? undefined : t('wizard.title'));
  if (clusterId && !existing) return null;

  return (
    <>
      {existing ? (
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
          {t('wizard.editTitle', { name: existing.name })}
        </Typography.Title>
      ) : (
        <PageHeading>{t('wizard.title')}</PageHeading>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card>
            <Form<FormValues>
              form={form}
              layout="vertical"
              initialValues={existing ? valuesOf(existing) : newClusterValues}
              onFinish={(values) => {
                // One result at a time: a save's report replaces an earlier test's, and the reverse.
                test.reset();
                save.mutate(toInput(values), {
                  onSuccess: ({ cluster }) => navigate(`/clusters/${cluster.id}/overview`),
                });
              }}
            >
              <Form.Item
                label={t('wizard.name')}
                name="name"
                rules={[{ required: true, message: t('login.required') }]}
              >
                <Input placeholder="prod-eu" />
              </Form.Item>
              <Form.Item
                label={t('wizard.bootstrap')}
                name="bootstrap"
                rules={[{ required: true, message: t('login.required') }]}
                extra={t('wizard.bootstrapHint')}
              >
                <Input placeholder="broker-1:9092,broker-2:9092" />
              </Form.Item>
              <Form.Item label={t('wizard.protocol')} name="securityProtocol">
                <Select options={securityProtocols.map((p) => ({ value: p, label: p }))} />
              </Form.Item>
              {protocol?.startsWith('SASL_') && (
                <SaslFields keepsSecret={Boolean(existing?.sasl?.hasPassword || existing?.sasl?.hasToken)} />
              )}
              {protocol?.endsWith('SSL') && <TlsFields keepsKey={Boolean(existing?.tls?.hasKey)} />}
              <Form.Item
                label={t('wizard.zookeeper')}
                name="zookeeperConnect"
                extra={t('wizard.zookeeperHint')}
              >
                <Input placeholder="zk-1:2181,zk-2:2181/kafka" />
              </Form.Item>
              <Form.Item label={t('wizard.description')} name="description">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item label={t('wizard.tags')} name="tags" extra={t('wizard.tagsHint')}>
                <Select mode="tags" open={false} aria-label={t('wizard.tags')} />
              </Form.Item>
              <MetricsEndpointsFields />
              <Form.Item
                label={t('wizard.connectUrls')}
                name="connectUrls"
                extra={t('wizard.connectUrlsHint')}
              >
                <Select mode="tags" open={false} aria-label={t('wizard.connectUrls')} />
              </Form.Item>
              <SchemaRegistryFields
                keeps={{
                  password: Boolean(existing?.schemaRegistry?.hasPassword),
                  token: Boolean(existing?.schemaRegistry?.hasToken),
                }}
              />
              <Space>
                <Button
                  onClick={() =>
                    form.validateFields(['bootstrap']).then(() => {
                      save.reset();
                      test.mutate(toInput(form.getFieldsValue()));
                    })
                  }
                  loading={test.isPending}
                >
                  {t('wizard.test')}
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('wizard.save')}
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ConnectionResult
            report={test.isPending || save.isPending ? undefined : (save.data?.connection ?? test.data)}
            saveError={save.error instanceof ApiProblem ? save.error : null}
            testError={test.error}
          />
        </Col>
      </Row>
    </>
  );
}
