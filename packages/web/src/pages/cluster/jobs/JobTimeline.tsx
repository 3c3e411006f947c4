import { Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type JobEvent, useJob } from '../../../api/jobs.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useFormatTime } from '../../../settings/time-zone.tsx';

const eventColor: Record<JobEvent['type'], string> = {
  started: 'blue',
  step: 'gray',
  'throttle-set': 'orange',
  'throttle-removed': 'green',
  retrying: 'orange',
  resumed: 'blue',
  'cancel-requested': 'orange',
  cancelled: 'orange',
  failed: 'red',
  finished: 'green',
};

/** A job's history as a timeline, oldest first, refreshed while the job runs. */
export function JobTimeline({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const { t } = useTranslation();
  const job = useJob(clusterId, jobId);
  const formatTime = useFormatTime();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={job.error} />
      <Timeline
        aria-label={t('jobs.history')}
        items={job.data?.history.map((event) => ({
          color: eventColor[event.type],
          children: (
            <Space direction="vertical" size={0}>
              <Space>
                <Typography.Text strong>{t(`jobs.event.${event.type}`)}</Typography.Text>
                <Typography.Text type="secondary">{formatTime(event.at)}</Typography.Text>
              </Space>
              <Typography.Text>{event.detail}</Typography.Text>
            </Space>
          ),
        }))}
      />
      {job.data && (
        <details>
          <summary>{t('jobs.progressDetail')}</summary>
          <pre style={{ margin: 0, maxHeight: 300, overflow: 'auto' }}>
            {JSON.stringify(job.data.progress, null, 2)}
          </pre>
        </details>
      )}
    </Space>
  );
}
