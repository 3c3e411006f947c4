import { Alert, Button, Checkbox, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigChangeReport } from '../../../../api/cluster-cache.ts';
import { useTopicsConfigChange } from '../../../../api/topics.ts';
import { TopicOutcomes } from './TopicOutcomes.tsx';

/** One key's before → after on one topic, as the server's preview or apply answered. */
function Diff({ report }: { report: ConfigChangeReport }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {report.changes.map((row) => (
        <span key={row.name}>
          <Typography.Text code>{row.before ?? '–'}</Typography.Text> →{' '}
          <Typography.Text code>{row.after ?? '–'}</Typography.Text>
          {row.reset && <Tag style={{ marginLeft: 8 }}>{t('bulk.reset')}</Tag>}
          {report.applied && (
            <Tag color="green" style={{ marginLeft: 8 }}>
              {t('bulk.applied')}
            </Tag>
          )}
        </span>
      ))}
    </Space>
  );
}

/**
 * One config key set (or its override removed) on every selected topic: the server previews the
 * change per topic (before → after, or why a topic refuses it), and it is applied only to the
 * topics whose preview passed, each outcome shown.
 */
export function TopicsConfigDialog({
  clusterId,
  topics,
  open,
  onClose,
}: {
  clusterId: string;
  topics: string[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [reset, setReset] = useState(false);
  const changes = [{ name: name.trim(), value: reset ? null : value }];
  const preview = useTopicsConfigChange(clusterId, changes, false);
  const apply = useTopicsConfigChange(clusterId, changes, true);
  const passed = preview.data?.filter((o) => o.ok).map((o) => o.topic) ?? [];
  const outcomes = apply.data ?? preview.data;
  const edited = () => {
    preview.reset();
    apply.reset();
  };
  const close = () => {
    edited();
    setName('');
    setValue('');
    setReset(false);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('bulk.configTitle', { count: topics.length })}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          {apply.data ? t('common.close') : t('common.cancel')}
        </Button>,
        <Button
          key="preview"
          disabled={!name.trim() || (!reset && value === '') || Boolean(apply.data)}
          loading={preview.isPending}
          onClick={() => preview.mutate(topics)}
        >
          {t('bulk.preview')}
        </Button>,
        <Button
          key="apply"
          type="primary"
          disabled={passed.length === 0 || Boolean(apply.data)}
          loading={apply.isPending}
          onClick={() => apply.mutate(passed)}
        >
          {t('bulk.apply', { count: passed.length })}
        </Button>,
      ]}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          aria-label={t('bulk.configName')}
          placeholder={t('bulk.configName')}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            edited();
          }}
          style={{ width: 260 }}
        />
        <Input
          aria-label={t('bulk.configValue')}
          placeholder={t('bulk.configValue')}
          value={value}
          disabled={reset}
          onChange={(event) => {
            setValue(event.target.value);
            edited();
          }}
          style={{ width: 200 }}
        />
        <Checkbox
          checked={reset}
          onChange={(event) => {
            setReset(event.target.checked);
            edited();
          }}
        >
          {t('bulk.removeOverride')}
        </Checkbox>
      </Space>
      {preview.data && !apply.data && passed.length < topics.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('bulk.someRefused', { count: topics.length - passed.length })}
        />
      )}
      {outcomes && <TopicOutcomes outcomes={outcomes} done={(report) => <Diff report={report} />} />}
    </Modal>
  );
}
