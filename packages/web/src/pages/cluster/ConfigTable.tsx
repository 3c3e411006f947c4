import { Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigEntry } from '../../api/cluster-read.ts';

/** Configs with where each value comes from, its default, and sensitive values hidden. */
export function ConfigTable({ configs }: { configs: ConfigEntry[] }) {
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
      <Table<ConfigEntry>
        rowKey="name"
        size="small"
        dataSource={visible}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('configs.name'), dataIndex: 'name' },
          {
            title: t('configs.value'),
            render: (_, c) =>
              c.sensitive ? <Tag>{t('configs.sensitive')}</Tag> : <code>{c.value ?? '–'}</code>,
          },
          {
            title: t('configs.source'),
            dataIndex: 'source',
            render: (s: string) => <Tag color={s === 'default' ? undefined : 'blue'}>{s}</Tag>,
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
