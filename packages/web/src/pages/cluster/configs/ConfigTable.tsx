import { Input, Space, Switch, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigEntryView } from '../../../api/cluster-cache.ts';
import { type ConfigEdits, configColumns } from './config-columns.tsx';

export type { ConfigEdits };

/** An override of any kind: anything not at Kafka's own default, static broker settings included. */
export const isOverride = (entry: ConfigEntryView) => entry.source !== 'default';

/** Kafka's documentation strings carry HTML tags (`<code>`); shown as plain text. */
const plainText = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * Configs with readable values beside Kafka's raw ones, where each comes from, the value it falls
 * back to, and Kafka's documentation of each key (expand a row). With `edit`, each writable row has
 * an Edit button that turns it, and only it, into an input; a refused value's reason shows on its row.
 */
export function ConfigTable({ configs, edit }: { configs: ConfigEntryView[]; edit?: ConfigEdits }) {
  const { t } = useTranslation();
  const switchId = useId();
  const [filter, setFilter] = useState('');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const overrides = configs.filter(isOverride).length;
  const visible = configs.filter(
    (c) => c.name.includes(filter.trim().toLowerCase()) && (!onlyOverrides || isOverride(c)),
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('configs.filter')}
          aria-label={t('configs.filter')}
          onChange={(event) => setFilter(event.target.value)}
          style={{ width: 280 }}
        />
        <Space size={6}>
          <Switch id={switchId} size="small" checked={onlyOverrides} onChange={setOnlyOverrides} />
          <label htmlFor={switchId}>{t('configs.onlyOverrides', { count: overrides })}</label>
        </Space>
      </Space>
      <Table<ConfigEntryView>
        rowKey="name"
        size="small"
        dataSource={visible}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (c) => Boolean(c.documentation),
          expandedRowRender: (c) => (
            <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>
              {plainText(c.documentation ?? '')}
            </Typography.Paragraph>
          ),
        }}
        columns={configColumns(t, edit)}
      />
    </>
  );
}
