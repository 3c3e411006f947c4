import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type HealthFindingView, type HealthStatusName, usePluginChecks } from '../../api/health.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const STATUS_COLOURS: Record<HealthStatusName, string> = {
  ok: 'green',
  warning: 'orange',
  critical: 'red',
  unknown: 'default',
};

/**
 * What the plugins' health checks say about the cluster: each finding with its status and reason,
 * and each check that gave no verdict (it threw or timed out) with why. Nothing shows when no
 * active plugin contributes a check.
 */
export function PluginChecksCard({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const report = usePluginChecks(clusterId);
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data || report.data.checks.length === 0) return null;
  const titles = new Map(report.data.checks.map((c) => [`${c.plugin}/${c.check}`, c.title]));
  return (
    <Card size="small" title={t('checks.title')} style={{ marginTop: 16 }}>
      {report.data.checks
        .filter((c) => c.error)
        .map((c) => (
          <Alert
            key={`${c.plugin}/${c.check}`}
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={t('checks.failed', { check: c.title, plugin: c.plugin, reason: c.error })}
          />
        ))}
      <Table<HealthFindingView>
        size="small"
        pagination={false}
        rowKey={(f) => `${f.plugin}/${f.check}/${f.subject.type}/${f.subject.name}`}
        dataSource={report.data.findings}
        columns={[
          {
            title: t('checks.status'),
            dataIndex: 'status',
            render: (status: HealthStatusName) => (
              <Tag color={STATUS_COLOURS[status]}>{t(`checks.statuses.${status}`)}</Tag>
            ),
          },
          { title: t('checks.check'), render: (_, f) => titles.get(`${f.plugin}/${f.check}`) ?? f.check },
          {
            title: t('checks.subject'),
            render: (_, f) => `${t(`checks.subjects.${f.subject.type}`)} ${f.subject.name}`,
          },
          { title: t('checks.reason'), dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
