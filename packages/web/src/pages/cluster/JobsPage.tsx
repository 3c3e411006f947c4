import { Alert, Button, Card, InputNumber, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useBrokers } from '../../api/brokers.ts';
import { type Job, useCancelJob, useJobs } from '../../api/jobs.ts';
import { type ReassignmentPlan, useReassignmentPlan, useStartReassignment } from '../../api/replicas.ts';
import { useTopics } from '../../api/topics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
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

/** Reassignment wizard (plan → diff → throttled job) and every job's progress, history and cancel. */
export function JobsPage() {
  const { t } = useTranslation();
  const { clusterId = '' } = useParams();
  const jobs = useJobs(clusterId);
  const cancel = useCancelJob(clusterId);
  const brokers = useBrokers(clusterId);
  const [search, setSearch] = useState('');
  const topics = useTopics(clusterId, {
    search,
    internal: false,
    sort: 'name',
    order: 'asc',
    page: 1,
    pageSize: 50,
  });
  const [chosenTopics, setChosenTopics] = useState<string[]>([]);
  const [chosenBrokers, setChosenBrokers] = useState<number[]>([]);
  const [rf, setRf] = useState<number | null>(null);
  const [throttle, setThrottle] = useState<number | null>(10);
  const plan = useReassignmentPlan(clusterId);
  const start = useStartReassignment(clusterId);
  const [shown, setShown] = useState<ReassignmentPlan | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('jobs.reassignTitle')}>
        <Space wrap>
          <Select
            mode="multiple"
            aria-label={t('jobs.topics')}
            placeholder={t('jobs.topics')}
            style={{ minWidth: 320 }}
            value={chosenTopics}
            onSearch={setSearch}
            onChange={setChosenTopics}
            options={topics.data?.items.map((topic) => ({ value: topic.name, label: topic.name }))}
          />
          <Select
            mode="multiple"
            aria-label={t('jobs.brokers')}
            placeholder={t('jobs.allBrokers')}
            style={{ minWidth: 200 }}
            value={chosenBrokers}
            onChange={setChosenBrokers}
            options={brokers.data?.brokers.map((b) => ({
              value: b.nodeId,
              label: `${b.nodeId} ${b.rack ?? ''}`,
            }))}
          />
          <InputNumber
            addonBefore={t('topics.rf')}
            min={1}
            max={32}
            value={rf}
            onChange={setRf}
            placeholder={t('jobs.keep')}
          />
          <Button
            type="primary"
            disabled={chosenTopics.length === 0}
            loading={plan.isPending}
            onClick={() =>
              plan.mutate(
                {
                  topics: chosenTopics,
                  brokers: chosenBrokers.length ? chosenBrokers : undefined,
                  replicationFactor: rf ?? undefined,
                },
                { onSuccess: setShown },
              )
            }
          >
            {t('jobs.plan')}
          </Button>
        </Space>
        {plan.error && <Alert type="error" showIcon message={plan.error.message} style={{ marginTop: 12 }} />}
        {shown && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Typography.Text>{t('jobs.moves', { count: shown.moves.length })}</Typography.Text>
            <Table
              size="small"
              rowKey={(m) => `${m.topic}:${m.partition}`}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={shown.moves}
              columns={[
                { title: t('groups.topic'), dataIndex: 'topic' },
                { title: t('topic.partition'), dataIndex: 'partition' },
                { title: t('jobs.from'), dataIndex: 'from', render: (r: number[]) => r.join(', ') },
                {
                  title: t('jobs.to'),
                  dataIndex: 'to',
                  render: (r: number[]) => <strong>{r.join(', ')}</strong>,
                },
              ]}
            />
            <Table
              size="small"
              rowKey="nodeId"
              pagination={false}
              dataSource={shown.brokers}
              columns={[
                { title: t('jobs.broker'), dataIndex: 'nodeId' },
                { title: t('topic.replicas'), render: (_, b) => `${b.replicasBefore} → ${b.replicasAfter}` },
                { title: t('jobs.leaders'), render: (_, b) => `${b.leadersBefore} → ${b.leadersAfter}` },
              ]}
            />
            <Space>
              <InputNumber
                addonBefore={t('jobs.throttle')}
                addonAfter="MB/s"
                min={0}
                value={throttle}
                onChange={setThrottle}
              />
              <Button
                type="primary"
                disabled={shown.moves.length === 0}
                loading={start.isPending}
                onClick={() =>
                  start.mutate(
                    {
                      moves: shown.moves.map((m) => ({
                        topic: m.topic,
                        partition: m.partition,
                        replicas: m.to,
                      })),
                      throttleBytesPerSecond: throttle ? Math.round(throttle * 1024 * 1024) : undefined,
                    },
                    { onSuccess: () => setShown(null) },
                  )
                }
              >
                {t('jobs.execute')}
              </Button>
            </Space>
            {start.error && <Alert type="error" showIcon message={start.error.message} />}
          </Space>
        )}
      </Card>
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
              render: (s: string) => <Tag color={stateColor[s]}>{s}</Tag>,
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
              render: (v: string) => new Date(v).toLocaleString(),
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
        {cancel.error && <Alert type="error" showIcon message={cancel.error.message} />}
      </Card>
    </Space>
  );
}
