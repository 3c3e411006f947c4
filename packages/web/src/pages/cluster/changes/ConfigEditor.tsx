import { Alert, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrokerConfigChange } from '../../../api/brokers.ts';
import type { ConfigChange, ConfigChangeReport, ConfigEntryView } from '../../../api/cluster-cache.ts';
import { useTopicConfigChange } from '../../../api/topics.ts';
import { errorText } from '../../../api/weir.ts';
import { ConfigTable } from '../ConfigTable.tsx';

/**
 * Edit configs in place: changed values are collected, the server's diff is shown (before → after,
 * unknown keys and read-only ones refused with the reason), and only then applied. Preview and apply
 * are separate requests, so each button shows only its own progress and error.
 */
function ConfigEditor({
  configs,
  preview,
  apply,
}: {
  configs: ConfigEntryView[];
  preview: ConfigChange;
  apply: ConfigChange;
}) {
  const { t } = useTranslation();
  const [edits, setEdits] = useState<Record<string, string | null>>({});
  const [extraName, setExtraName] = useState('');
  const [diff, setDiff] = useState<ConfigChangeReport | null>(null);
  const changes = Object.entries(edits).map(([name, value]) => ({ name, value }));
  const review = () => {
    apply.reset();
    preview.mutate({ changes, apply: false }, { onSuccess: (report) => setDiff(report) });
  };
  const applyChanges = () =>
    apply.mutate(
      { changes, apply: true },
      {
        onSuccess: () => {
          setDiff(null);
          setEdits({});
        },
      },
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ConfigTable
        configs={configs}
        edit={{ values: edits, onChange: (name, value) => setEdits({ ...edits, [name]: value }) }}
      />
      <Space wrap>
        <Input
          placeholder={t('configs.otherKey')}
          aria-label={t('configs.otherKey')}
          value={extraName}
          onChange={(e) => setExtraName(e.target.value)}
          style={{ width: 260 }}
        />
        <Button
          disabled={!extraName}
          onClick={() => {
            setEdits({ ...edits, [extraName]: '' });
            setExtraName('');
          }}
        >
          {t('configs.addKey')}
        </Button>
        {Object.keys(edits)
          .filter((name) => !configs.some((c) => c.name === name))
          .map((name) => (
            <Input
              key={name}
              addonBefore={name}
              aria-label={name}
              value={edits[name] ?? ''}
              onChange={(e) => setEdits({ ...edits, [name]: e.target.value })}
              style={{ width: 360 }}
            />
          ))}
        <Button type="primary" disabled={changes.length === 0} loading={preview.isPending} onClick={review}>
          {t('configs.review', { count: changes.length })}
        </Button>
        {changes.length > 0 && <Button onClick={() => setEdits({})}>{t('configs.discard')}</Button>}
      </Space>
      {preview.error && <Alert type="error" showIcon message={errorText(preview.error)} />}
      <Modal
        open={diff !== null}
        title={t('configs.diffTitle')}
        okText={t('configs.apply')}
        okButtonProps={{ loading: apply.isPending, disabled: diff?.changes.length === 0 }}
        onOk={applyChanges}
        onCancel={() => setDiff(null)}
        width={720}
      >
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={diff?.changes}
          locale={{ emptyText: t('configs.noChange') }}
          columns={[
            { title: t('configs.name'), dataIndex: 'name' },
            {
              title: t('configs.before'),
              dataIndex: 'before',
              render: (v: string | null) => v ?? t('configs.default'),
            },
            {
              title: t('configs.after'),
              dataIndex: 'after',
              render: (v: string | null) => (
                <Typography.Text strong>{v ?? t('configs.default')}</Typography.Text>
              ),
            },
          ]}
        />
        {apply.error && (
          <Alert type="error" showIcon message={errorText(apply.error)} style={{ marginTop: 12 }} />
        )}
      </Modal>
    </Space>
  );
}

/** A topic's configs, editable. */
export function TopicConfigEditor(props: { clusterId: string; topic: string; configs: ConfigEntryView[] }) {
  const preview = useTopicConfigChange(props.clusterId, props.topic);
  const apply = useTopicConfigChange(props.clusterId, props.topic);
  return <ConfigEditor configs={props.configs} preview={preview} apply={apply} />;
}

/** One broker's configs, or (`broker: 'defaults'`) the cluster-wide broker defaults, editable. */
export function BrokerConfigEditor(props: {
  clusterId: string;
  broker: number | 'defaults';
  configs: ConfigEntryView[];
}) {
  const preview = useBrokerConfigChange(props.clusterId, props.broker);
  const apply = useBrokerConfigChange(props.clusterId, props.broker);
  return <ConfigEditor configs={props.configs} preview={preview} apply={apply} />;
}
