import { Button, Card, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProduceDrawer } from './ProduceDrawer.tsx';
import type { From, Isolation, ReadPosition } from './read-position.ts';

/** Where to read from (start, partition, limit, isolation), the browse button and the produce drawer. */
export function BrowseBar({
  clusterId,
  topic,
  partitions,
  position,
  onChange,
  onBrowse,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
  position: ReadPosition;
  onChange: (change: Partial<ReadPosition>) => void;
  onBrowse: () => void;
}) {
  const { t } = useTranslation();
  const { from, offset, time, partition, limit, isolation } = position;
  return (
    <Card size="small">
      <Space wrap>
        <Select<From>
          aria-label={t('msg.from')}
          value={from}
          onChange={(value) => onChange({ from: value })}
          style={{ width: 150 }}
          options={(['newest', 'oldest', 'offset', 'timestamp'] as From[]).map((value) => ({
            value,
            label: t(`msg.from.${value}`),
          }))}
        />
        {from === 'offset' && (
          <InputNumber
            aria-label={t('msg.offset')}
            min={0}
            value={offset}
            onChange={(value) => onChange({ offset: value })}
          />
        )}
        {from === 'timestamp' && (
          <Input
            type="datetime-local"
            aria-label={t('msg.timestamp')}
            value={time}
            onChange={(e) => onChange({ time: e.target.value })}
            style={{ width: 220 }}
          />
        )}
        <Select<number | 'all'>
          aria-label={t('topic.partition')}
          value={partition ?? 'all'}
          onChange={(value) => onChange({ partition: value === 'all' ? undefined : value })}
          style={{ width: 150 }}
          options={[
            { value: 'all', label: t('msg.allPartitions') },
            ...Array.from({ length: partitions }, (_, p) => ({
              value: p,
              label: `${t('topic.partition')} ${p}`,
            })),
          ]}
        />
        <InputNumber
          aria-label={t('msg.limit')}
          addonBefore={t('msg.limit')}
          min={1}
          max={500}
          value={limit}
          onChange={(value) => onChange({ limit: value ?? 50 })}
          style={{ width: 150 }}
        />
        <Select<Isolation>
          aria-label={t('msg.isolation')}
          title={t('msg.isolationHint')}
          value={isolation}
          onChange={(value) => onChange({ isolation: value })}
          style={{ width: 190 }}
          options={(['read_committed', 'read_uncommitted'] as Isolation[]).map((value) => ({
            value,
            label: t(`msg.isolation.${value}`),
          }))}
        />
        <Button type="primary" onClick={onBrowse}>
          {t('msg.browse')}
        </Button>
        <ProduceDrawer clusterId={clusterId} topic={topic} partitions={partitions} />
      </Space>
    </Card>
  );
}
