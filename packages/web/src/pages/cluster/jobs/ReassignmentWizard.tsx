import { Alert, Button, Card, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrokers } from '../../../api/brokers.ts';
import { type ReassignmentPlan, useReassignmentPlan } from '../../../api/replicas.ts';
import { useTopics } from '../../../api/topics.ts';
import { errorText } from '../../../api/weir.ts';
import { ReassignmentPlanView } from './ReassignmentPlanView.tsx';

/** Reassignment wizard: choose topics, brokers and a replication factor, plan, review, then start the job. */
export function ReassignmentWizard({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
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
  const plan = useReassignmentPlan(clusterId);
  const [shown, setShown] = useState<ReassignmentPlan | null>(null);
  return (
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
      {plan.error && (
        <Alert type="error" showIcon message={errorText(plan.error)} style={{ marginTop: 12 }} />
      )}
      <ReassignmentPlanView clusterId={clusterId} plan={shown} onStarted={() => setShown(null)} />
    </Card>
  );
}
