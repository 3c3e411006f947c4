import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicOutcome } from '../../../../api/topics.ts';
import { errorText } from '../../../../api/weir.ts';

/** Each topic of a change to several, with what happened to it or why it was refused. */
export function TopicOutcomes<T>({
  outcomes,
  done,
}: {
  outcomes: TopicOutcome<T>[];
  /** What a topic that went through shows (e.g. its diff, or "Deleted"). */
  done: (value: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table<TopicOutcome<T>>
      rowKey="topic"
      size="small"
      pagination={false}
      scroll={{ y: 320 }}
      dataSource={outcomes}
      columns={[
        { title: t('topics.name'), dataIndex: 'topic', width: 220 },
        {
          title: t('bulk.outcome'),
          render: (_, outcome) =>
            outcome.ok ? (
              done(outcome.value)
            ) : (
              <span>
                <Tag color="red">{t('bulk.refused')}</Tag>
                {errorText(outcome.error)}
              </span>
            ),
        },
      ]}
    />
  );
}
