import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResetPlan } from '../../../../api/groups.ts';
import { formatCount, localeOf } from '../../../../format.ts';

/** An offset reset per partition: the committed offset and lag now, and after the reset. */
export function ResetPlanTable({ plan, loading }: { plan: ResetPlan | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <Table
      size="small"
      rowKey={(p) => `${p.topic}:${p.partition}`}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={plan?.partitions}
      columns={[
        { title: t('groups.topic'), dataIndex: 'topic' },
        { title: t('topic.partition'), dataIndex: 'partition' },
        {
          title: t('groupOps.current'),
          dataIndex: 'current',
          align: 'right',
          render: (v: number | null) => formatCount(v, locale),
        },
        {
          title: t('groupOps.new'),
          dataIndex: 'target',
          align: 'right',
          render: (v: number) => <strong>{formatCount(v, locale)}</strong>,
        },
        {
          title: t('groupOps.lagBefore'),
          dataIndex: 'lagBefore',
          align: 'right',
          render: (v: number | null) => formatCount(v, locale),
        },
        {
          title: t('groupOps.lagAfter'),
          dataIndex: 'lagAfter',
          align: 'right',
          render: (v: number) => formatCount(v, locale),
        },
      ]}
    />
  );
}
