import type { ConfigType } from '@weir/api/display';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConfigChangeReport } from '../../../api/cluster-cache.ts';
import { ConfigValue } from './ConfigValue.tsx';

/** A config change's before and after per key, each value readable beside its raw form. */
export function ConfigDiffTable({
  rows,
  typeOf,
}: {
  rows: ConfigChangeReport['changes'];
  typeOf: (name: string) => ConfigType | null;
}) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('configs.noChange') }}
      columns={[
        { title: t('configs.name'), dataIndex: 'name' },
        {
          title: t('configs.before'),
          dataIndex: 'before',
          render: (v: string | null, row) =>
            v === null ? (
              t('configs.default')
            ) : (
              <ConfigValue name={row.name} value={v} type={typeOf(row.name)} />
            ),
        },
        {
          title: t('configs.after'),
          dataIndex: 'after',
          render: (v: string | null, row) => (
            <Typography.Text strong>
              {v === null ? (
                t('configs.default')
              ) : (
                <ConfigValue name={row.name} value={v} type={typeOf(row.name)} />
              )}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
