import { Button, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigEntryView } from '../../api/cluster-cache.ts';

/** Pending edits: a new value, or null to remove the override (back to the inherited value). */
export interface ConfigEdits {
  values: Record<string, string | null>;
  onChange: (name: string, value: string | null) => void;
}

/**
 * Configs with where each value comes from, its default, and sensitive values hidden; with `edit`,
 * writable values become inputs and dynamic overrides can be removed.
 */
export function ConfigTable({ configs, edit }: { configs: ConfigEntryView[]; edit?: ConfigEdits }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const visible = configs.filter(
    (c) =>
      c.name.includes(filter.toLowerCase()) &&
      (!onlyOverrides || (c.source !== 'default' && c.source !== 'static-broker')),
  );
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('configs.filter')}
        onChange={(event) => setFilter(event.target.value)}
        style={{ width: 280, marginBottom: 12, marginRight: 12 }}
      />
      <Tag.CheckableTag checked={onlyOverrides} onChange={setOnlyOverrides}>
        {t('configs.onlyOverrides')}
      </Tag.CheckableTag>
      <Table<ConfigEntryView>
        rowKey="name"
        size="small"
        dataSource={visible}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('configs.name'), dataIndex: 'name' },
          {
            title: t('configs.value'),
            render: (_, c) => {
              if (c.sensitive) return <Tag>{t('configs.sensitive')}</Tag>;
              if (!edit || c.readOnly) return <code>{c.value ?? '–'}</code>;
              const edited = c.name in edit.values;
              return (
                <Input
                  size="small"
                  aria-label={c.name}
                  status={edited ? 'warning' : undefined}
                  value={edited ? (edit.values[c.name] ?? '') : (c.value ?? '')}
                  placeholder={edited && edit.values[c.name] === null ? t('configs.default') : undefined}
                  onChange={(event) => edit.onChange(c.name, event.target.value)}
                />
              );
            },
          },
          {
            title: t('configs.source'),
            dataIndex: 'source',
            render: (s: string, c) => (
              <>
                <Tag color={s === 'default' ? undefined : 'blue'}>{s}</Tag>
                {edit && !c.readOnly && s.startsWith('dynamic') && (
                  <Button size="small" type="link" onClick={() => edit.onChange(c.name, null)}>
                    {t('configs.reset')}
                  </Button>
                )}
              </>
            ),
          },
          {
            title: t('configs.default'),
            dataIndex: 'defaultValue',
            render: (v: string | null) => <code>{v ?? '–'}</code>,
          },
          {
            title: t('configs.readOnly'),
            dataIndex: 'readOnly',
            render: (v: boolean) => (v ? t('configs.yes') : ''),
          },
        ]}
      />
    </>
  );
}
