import { Alert, Button, Card, Progress, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Job, useCancelJob, useJobs } from '../../../api/jobs.ts';
import { errorText } from '../../../api/weir.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useFormatTime } from '../../../settings/time-zone.tsx';
import { JobTimeline } from './JobTimeline.tsx';

const stateColor: Record<string, string> = {
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
  cancelling: 'warning',
};

/** Share of partitions done: moved for a reassignment, counted for a message count. */
function jobProgress(job: Job): number | null {
  const partitions: { state?: string; done?: boolean }[] | undefined = job.progress?.partitions;
  if (!partitions?.length) return null;
  const done = partitions.filter((p) => p.state === 'done' || p.done === true).length;
  return Math.round((done / partitions.length) * 100);
}

/** Every job of the cluster with its progress; a row expands to its history, a running one can be cancelled. */
export function JobsTable({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const jobs = useJobs(clusterId);
  const cancel = useCancelJob(clusterId);
  return (
    <Card size="small" title={t('jobs.title')}>
      <ErrorAlert error={jobs.error} />
      <Table<Job>
        rowKey="id"
        size="small"
        dataSource={jobs.data?.jobs}
        loading={jobs.isLoading}
        locale={{ emptyText: t('jobs.empty') }}
        expandable={{
          expandedRowRender: (job) => <JobTimeline clusterId={clusterId} jobId={job.id} />,
        }}
        columns={[
          { title: t('jobs.kind'), dataIndex: 'kind' },
          {
            title: t('jobs.state'),
            dataIndex: 'state',
            render: (s: string) => (
              <Tag color={stateColor[s]}>{t(`jobs.states.${s}`, { defaultValue: s })}</Tag>
            ),
          },
          {
            title: t('jobs.progress'),
            render: (_, job) => {
              const percent = jobProgress(job);
              return (
                <Space>
                  {job.progress?.phase && <Tag>{job.progress.phase}</Tag>}
                  {percent !== null && <Progress percent={percent} size="small" style={{ width: 120 }} />}
                </Space>
              );
            },
          },
          { title: t('jobs.by'), dataIndex: 'createdBy' },
          {
            title: t('jobs.started'),
            dataIndex: 'createdAt',
            render: (v: string) => formatTime(v),
          },
          { title: t('jobs.error'), dataIndex: 'error', render: (e: string | null) => e ?? '–' },
          {
            title: '',
            render: (_, job) =>
              job.state === 'running' ? (
                <Button size="small" danger onClick={() => cancel.mutate(job.id)}>
                  {t('jobs.cancel')}
                </Button>
              ) : null,
          },
        ]}
      />
      {cancel.error && <Alert type="error" showIcon message={errorText(cancel.error)} />}
    </Card>
  );
}
