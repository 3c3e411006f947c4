import { Alert, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrokerConfigChange } from '../../../api/brokers.ts';
import type { ConfigChange, ConfigChangeReport, ConfigEntryView } from '../../../api/cluster-cache.ts';
import { useTopicConfigChange } from '../../../api/topics.ts';
import { ApiProblem, errorText } from '../../../api/weir.ts';
import { ConfigDiffTable } from '../configs/ConfigDiffTable.tsx';
import { ConfigTable } from '../configs/ConfigTable.tsx';
import { problemsByKey } from '../configs/config-problems.ts';

/** A failed request's message, without the problems its rows already show. */
function generalError(error: Error | null, keys: string[]) {
  if (!error) return { byKey: {}, message: null };
  if (!(error instanceof ApiProblem) || error.problems.length === 0)
    return { byKey: {}, message: errorText(error) };
  const { byKey, rest } = problemsByKey(error.problems, keys);
  const message = rest.length ? `${error.detail} (${rest.join('; ')})` : error.detail;
  return { byKey, message };
}

/**
 * Edit configs in place: changed values are collected, the server's diff is shown (before → after,
 * unknown keys and read-only ones refused with the reason), and only then applied. Preview and apply
 * are separate requests, so each button shows only its own progress and error.
 */
function ConfigEditor({
  configs,
  preview,
  apply,
  ownSource,
}: {
  configs: ConfigEntryView[];
  preview: ConfigChange;
  apply: ConfigChange;
  ownSource: string;
}) {
  const { t } = useTranslation();
  const [edits, setEdits] = useState<Record<string, string | null>>({});
  const rowNames = configs.map((c) => c.name).filter((name) => name in edits);
  const previewError = generalError(preview.error, rowNames);
  const applyError = generalError(apply.error, rowNames);
  const edit = (next: Record<string, string | null>) => {
    preview.reset();
    apply.reset();
    setEdits(next);
  };
  const byType = new Map(configs.map((c) => [c.name, c.type]));
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
        edit={{
          values: edits,
          errors: { ...previewError.byKey, ...applyError.byKey },
          ownSource,
          onChange: (name, value) => edit({ ...edits, [name]: value }),
          onCancel: (name) => edit(Object.fromEntries(Object.entries(edits).filter(([key]) => key !== name))),
        }}
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
            edit({ ...edits, [extraName]: '' });
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
              onChange={(e) => edit({ ...edits, [name]: e.target.value })}
              style={{ width: 360 }}
            />
          ))}
        <Button type="primary" disabled={changes.length === 0} loading={preview.isPending} onClick={review}>
          {t('configs.review', { count: changes.length })}
        </Button>
        {changes.length > 0 && <Button onClick={() => edit({})}>{t('configs.discard')}</Button>}
      </Space>
      {previewError.message && <Alert type="error" showIcon message={previewError.message} />}
      <Modal
        open={diff !== null}
        title={t('configs.diffTitle')}
        okText={t('configs.apply')}
        okButtonProps={{ loading: apply.isPending, disabled: diff?.changes.length === 0 }}
        onOk={applyChanges}
        onCancel={() => {
          setDiff(null);
          apply.reset();
        }}
        width={720}
      >
        <ConfigDiffTable rows={diff?.changes ?? []} typeOf={(name) => byType.get(name) ?? null} />
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
  return <ConfigEditor configs={props.configs} preview={preview} apply={apply} ownSource="topic" />;
}

/** One broker's configs, or (`broker: 'defaults'`) the cluster-wide broker defaults, editable. */
export function BrokerConfigEditor(props: {
  clusterId: string;
  broker: number | 'defaults';
  configs: ConfigEntryView[];
}) {
  const preview = useBrokerConfigChange(props.clusterId, props.broker);
  const apply = useBrokerConfigChange(props.clusterId, props.broker);
  return (
    <ConfigEditor
      configs={props.configs}
      preview={preview}
      apply={apply}
      ownSource={props.broker === 'defaults' ? 'dynamic-default-broker' : 'dynamic-broker'}
    />
  );
}
