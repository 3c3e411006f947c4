import { Alert, Button, Progress, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CountJob, useMessageCount, useStartMessageCount } from '../../api/topics.ts';
import { errorText } from '../../api/weir.ts';
import { formatCount, localeOf } from '../../format.ts';
import { useFormatTime } from '../../settings/time-zone.tsx';

/** Share of the offsets to read that have been read, over every partition. */
function percentRead(job: CountJob): number {
  const partitions = job.progress?.partitions ?? [];
  const total = partitions.reduce((sum, p) => sum + (p.end - p.start), 0);
  if (total === 0) return job.progress?.phase === 'finished' ? 100 : 0;
  const read = partitions.reduce((sum, p) => sum + (Math.min(p.position, p.end) - p.start), 0);
  return Math.floor((read / total) * 100);
}

/** The exact count on demand: a button that starts a counting job, its progress, and the last result with its time. */
export function MessageCount({ clusterId, topic }: { clusterId: string; topic: string }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const locale = localeOf(i18n.language);
  const count = useMessageCount(clusterId, topic);
  const start = useStartMessageCount(clusterId, topic);
  const job = count.data?.job ?? null;
  const running = job !== null && (job.state === 'running' || job.state === 'cancelling');
  const perPartition = job?.progress?.partitions
    .map((p) => t('count.partition', { partition: p.partition, records: formatCount(p.records, locale) }))
    .join(' · ');
  return (
    <Space direction="vertical" size={4}>
      {job?.state === 'succeeded' && job.progress?.complete && (
        <Typography.Text>
          {t('count.exact', {
            count: job.progress.records,
            records: formatCount(job.progress.records, locale),
            at: job.finishedAt ? formatTime(job.finishedAt) : '',
          })}
        </Typography.Text>
      )}
      {running && (
        <Tooltip title={perPartition}>
          <Progress
            aria-label={t('count.progress')}
            percent={percentRead(job)}
            size="small"
            style={{ width: 220 }}
            format={(percent) => t('count.reading', { percent })}
          />
        </Tooltip>
      )}
      {job && (job.state === 'failed' || job.state === 'cancelled') && (
        <Alert
          type="warning"
          showIcon
          message={t('count.incomplete', {
            state: job.state,
            count: job.progress?.records ?? 0,
            records: formatCount(job.progress?.records ?? 0, locale),
          })}
          description={job.error}
        />
      )}
      <Button size="small" loading={start.isPending} disabled={running} onClick={() => start.mutate()}>
        {job ? t('count.again') : t('count.start')}
      </Button>
      {start.error && <Alert type="error" showIcon message={errorText(start.error)} />}
    </Space>
  );
}
