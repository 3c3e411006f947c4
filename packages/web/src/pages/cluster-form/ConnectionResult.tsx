import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Card, List, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConnectionReport } from '../../api/clusters.ts';
import { errorText } from '../../api/weir.ts';

/**
 * A socket error as advice in the user's language ("nothing listens on 127.0.0.1:9; check the
 * port…"), keyed by its code (kafka's reachability.ts); an unknown code shows as it came.
 */
function reachError(address: string, error: string, t: TFunction): string {
  const code = /^no answer within/.test(error) ? 'timeout' : error;
  return t(`wizard.reachError.${code}`, { address, defaultValue: error });
}

/** Each step of the connection test, passed or failed, with the server's message for what failed. */
function ReportSteps({ report }: { report: ConnectionReport }) {
  const { t } = useTranslation();
  const ok = (passed: boolean) =>
    passed ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
  const steps = [
    ...report.addresses.map((a) => ({
      passed: a.reachable,
      text: a.error
        ? `${t('wizard.reach')} ${a.address} — ${reachError(a.address, a.error, t)}`
        : `${t('wizard.reach')} ${a.address} (${a.latencyMs} ms)`,
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
              count: report.cluster.brokers.length,
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

/**
 * The cluster form's result: why saving or testing failed, then the latest connection report (from
 * the save, else from the test), or a hint before there is one.
 */
export function ConnectionResult({
  report,
  saveError,
  testError,
}: {
  report: ConnectionReport | undefined;
  saveError: Error | null;
  testError: Error | null;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('wizard.result')}>
      {saveError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorText(saveError)}
          style={{ marginBottom: 12 }}
        />
      )}
      {testError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorText(testError)}
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
        !saveError && <Typography.Text type="secondary">{t('wizard.hint')}</Typography.Text>
      )}
    </Card>
  );
}
