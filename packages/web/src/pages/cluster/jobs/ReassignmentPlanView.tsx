import { Alert, Button, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReassignmentPlan, useStartReassignment } from '../../../api/replicas.ts';
import { errorText } from '../../../api/weir.ts';

/**
 * A planned reassignment (each move, each broker's replicas and leaders before → after) and its
 * start; nothing before a plan. It stays mounted between plans, so the throttle typed is kept.
 */
export function ReassignmentPlanView({
  clusterId,
  plan,
  onStarted,
}: {
  clusterId: string;
  plan: ReassignmentPlan | null;
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const [throttle, setThrottle] = useState<number | null>(10);
  const start = useStartReassignment(clusterId);
  if (!plan) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
      <Typography.Text>{t('jobs.moves', { count: plan.moves.length })}</Typography.Text>
      <Table
        size="small"
        rowKey={(m) => `${m.topic}:${m.partition}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={plan.moves}
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
        dataSource={plan.brokers}
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
          disabled={plan.moves.length === 0}
          loading={start.isPending}
          onClick={() =>
            start.mutate(
              {
                moves: plan.moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to })),
                throttleBytesPerSecond: throttle ? Math.round(throttle * 1024 * 1024) : undefined,
              },
              { onSuccess: onStarted },
            )
          }
        >
          {t('jobs.execute')}
        </Button>
      </Space>
      {start.error && <Alert type="error" showIcon message={errorText(start.error)} />}
    </Space>
  );
}
