import { Button, Input, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { ConfigEntryView } from '../../../api/cluster-cache.ts';
import { ConfigValue } from './ConfigValue.tsx';

/**
 * Pending edits of one owner's configs: a new value per row being edited, or null to remove the
 * override; `ownSource` is the source of this owner's own overrides (`topic`, `dynamic-broker`,
 * `dynamic-default-broker`), the only ones it can remove; `errors` holds Kafka's refusal per key.
 */
export interface ConfigEdits {
  values: Record<string, string | null>;
  errors: Record<string, string>;
  ownSource: string;
  onChange: (name: string, value: string | null) => void;
  onCancel: (name: string) => void;
}

function ValueCell({ entry, edit, t }: { entry: ConfigEntryView; edit?: ConfigEdits; t: TFunction }) {
  const error = edit?.errors[entry.name];
  const editing = edit !== undefined && entry.name in edit.values;
  const pending = editing ? edit.values[entry.name] : undefined;
  let shown: React.ReactNode;
  if (entry.sensitive && !editing) shown = <Tag>{t('configs.sensitive')}</Tag>;
  else if (pending === null) shown = <Tag color="orange">{t('configs.toDefault')}</Tag>;
  else if (editing)
    shown = (
      <Input
        size="small"
        autoFocus
        aria-label={entry.name}
        status={error ? 'error' : 'warning'}
        value={pending ?? ''}
        onChange={(event) => edit.onChange(entry.name, event.target.value)}
      />
    );
  else shown = <ConfigValue name={entry.name} value={entry.value} type={entry.type} />;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      {shown}
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Space>
  );
}

function DefaultCell({ entry, t }: { entry: ConfigEntryView; t: TFunction }) {
  if (entry.sensitive) return null;
  if (entry.defaultValue === null)
    return (
      <Tooltip title={t('configs.noDefault')}>
        <span>–</span>
      </Tooltip>
    );
  return (
    <Space size={6} wrap>
      <ConfigValue name={entry.name} value={entry.defaultValue} type={entry.type} />
      {entry.defaultSource && entry.defaultSource !== 'default' && (
        <Typography.Text type="secondary">({entry.defaultSource})</Typography.Text>
      )}
    </Space>
  );
}

function ActionsCell({ entry, edit, t }: { entry: ConfigEntryView; edit: ConfigEdits; t: TFunction }) {
  if (entry.readOnly) return null;
  if (entry.name in edit.values)
    return (
      <Button
        size="small"
        aria-label={t('configs.cancelEditOf', { name: entry.name })}
        onClick={() => edit.onCancel(entry.name)}
      >
        {t('configs.cancelEdit')}
      </Button>
    );
  return (
    <Space size={0}>
      <Button
        size="small"
        aria-label={t('configs.editOf', { name: entry.name })}
        onClick={() => edit.onChange(entry.name, entry.sensitive ? '' : (entry.value ?? ''))}
      >
        {t('configs.edit')}
      </Button>
      {entry.source === edit.ownSource && (
        <Button size="small" type="link" onClick={() => edit.onChange(entry.name, null)}>
          {t('configs.reset')}
        </Button>
      )}
    </Space>
  );
}

/** The config table's columns; the actions column only when editing is offered. */
export function configColumns(t: TFunction, edit?: ConfigEdits): ColumnsType<ConfigEntryView> {
  const columns: ColumnsType<ConfigEntryView> = [
    { title: t('configs.name'), dataIndex: 'name', render: (name: string) => <code>{name}</code> },
    { title: t('configs.value'), render: (_, entry) => <ValueCell entry={entry} edit={edit} t={t} /> },
    {
      title: t('configs.source'),
      dataIndex: 'source',
      render: (source: string) => (
        <Tag color={source === 'default' ? undefined : 'blue'} title={source}>
          {t(`configs.sources.${source}`, { defaultValue: source })}
        </Tag>
      ),
    },
    { title: t('configs.default'), render: (_, entry) => <DefaultCell entry={entry} t={t} /> },
    {
      title: t('configs.readOnly'),
      dataIndex: 'readOnly',
      render: (readOnly: boolean) => (readOnly ? t('configs.yes') : ''),
    },
  ];
  if (edit)
    columns.push({
      title: '',
      key: 'actions',
      render: (_, entry) => <ActionsCell entry={entry} edit={edit} t={t} />,
    });
  return columns;
}
