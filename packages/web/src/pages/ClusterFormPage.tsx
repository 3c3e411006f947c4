import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, List, Row, Select, Space, Typography } from 'antd';

import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import {
  type Cluster,
  type ClusterInput,
  type ConnectionReport,
  type SecurityProtocol,
  useClusters,
  useCreateCluster,
  useTestConnection,
  useUpdateCluster,
} from '../api/clusters.ts';

interface FormValues {
  name: string;
  bootstrap: string;
  securityProtocol: SecurityProtocol;
  mechanism?: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512' | 'OAUTHBEARER';
  username?: string;
  password?: string;
  tags?: string[];
  description?: string;
}

/** The form's values as the API's ClusterInput. */
function toInput(values: FormValues): ClusterInput {
  const input: ClusterInput = {
    name: values.name?.trim() || 'connection-test',
    bootstrapServers: values.bootstrap.split(/[,\s]+/).filter(Boolean),
    securityProtocol: values.securityProtocol,
    tags: values.tags ?? [],
    description: values.description ?? '',
  };
  if (values.securityProtocol.startsWith('SASL_') && values.mechanism) {
    input.sasl =
      values.mechanism === 'OAUTHBEARER'
        ? { mechanism: values.mechanism, token: values.password }
        : { mechanism: values.mechanism, username: values.username, password: values.password };
  }
  return input;
}

/** Each step of the connection test, passed or failed, with the server's message for what failed. */
function ReportSteps({ report }: { report: ConnectionReport }) {
  const { t } = useTranslation();
  const ok = (passed: boolean) =>
    passed ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
  const steps = [
    ...report.addresses.map((a) => ({
      passed: a.reachable,
      text: `${t('wizard.reach')} ${a.address}${a.error ? ` — ${a.error}` : ` (${a.latencyMs} ms)`}`,
    })),
    ...(report.authentication
      ? [
          {
            passed: report.authentication.ok,
            text: `${t('wizard.auth')} ${report.authentication.mechanism} ${report.authentication.username ?? ''}`,
          },
        ]
      : []),
    ...(report.cluster
      ? [
          {
            passed: true,
            text: t('wizard.cluster', {
              id: report.cluster.clusterId,
              mode: report.cluster.mode === 'kraft' ? 'KRaft' : 'ZooKeeper',
              version: report.cluster.version.label,
              brokers: report.cluster.brokers.length,
              controller: report.cluster.controllerId,
            }),
          },
        ]
      : []),
    ...report.problems
      .filter((p) => p.step !== 'reachability')
      .map((p) => ({ passed: false, text: p.message })),
  ];
  return (
    <List
      size="small"
      data-testid="connection-report"
      dataSource={steps}
      renderItem={(step) => (
        <List.Item>
          <Space align="start">
            {ok(step.passed)}
            <span>{step.text}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The form's starting values for an existing cluster; secrets stay empty (blank keeps the stored one). */
function valuesOf(cluster: Cluster): FormValues {
  return {
    name: cluster.name,
    bootstrap: cluster.bootstrapServers.join(','),
    securityProtocol: cluster.securityProtocol,
    mechanism: cluster.sasl?.mechanism ?? 'SCRAM-SHA-512',
    username: cluster.sasl?.username,
    tags: cluster.tags,
    description: cluster.description,
  };
}

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
  const report = save.data?.connection ?? test.data;
  const saveProblems = save.error instanceof ApiError ? save.error : null;
  if (clusterId && !existing) return null;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {existing ? t('wizard.editTitle', { name: existing.name }) : t('wizard.title')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card>
            <Form<FormValues>
              form={form}
              layout="vertical"
              initialValues={
                existing ? valuesOf(existing) : { securityProtocol: 'PLAINTEXT', mechanism: 'SCRAM-SHA-512' }
              }
              onFinish={(values) =>
                save.mutate(toInput(values), {
                  onSuccess: ({ cluster }) => navigate(`/clusters/${cluster.id}/overview`),
                })
              }
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
                <Select
                  options={['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].map((p) => ({
                    value: p,
                    label: p,
                  }))}
                />
              </Form.Item>
              {protocol?.startsWith('SASL_') && (
                <>
                  <Form.Item label={t('wizard.mechanism')} name="mechanism">
                    <Select
                      options={['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'].map((m) => ({
                        value: m,
                        label: m,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item label={t('wizard.username')} name="username">
                    <Input autoComplete="off" />
                  </Form.Item>
                  <Form.Item
                    label={t('wizard.password')}
                    name="password"
                    extra={
                      existing?.sasl?.hasPassword || existing?.sasl?.hasToken
                        ? t('wizard.keepSecret')
                        : undefined
                    }
                  >
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                </>
              )}
              <Form.Item label={t('wizard.tags')} name="tags">
                <Select mode="tags" open={false} />
              </Form.Item>
              <Space>
                <Button
                  onClick={() =>
                    form.validateFields(['bootstrap']).then(() => test.mutate(toInput(form.getFieldsValue())))
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
          <Card title={t('wizard.result')}>
            {saveProblems && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={saveProblems.message}
                style={{ marginBottom: 12 }}
              />
            )}
            {test.error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={test.error.message}
                style={{ marginBottom: 12 }}
              />
            )}
            {report ? (
              <>
                <Alert
                  type={report.ok ? 'success' : 'error'}
                  showIcon
                  message={report.ok ? t('wizard.ok') : t('wizard.failed')}
                />
                <ReportSteps report={report} />
              </>
            ) : (
              !saveProblems && <Typography.Text type="secondary">{t('wizard.hint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
