import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/audit.ts';

const json = (value: unknown) =>
  value === null || value === undefined ? '–' : JSON.stringify(value, null, 2);

/** What an entry recorded: the target before and after the change, and why it failed. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const block = (value: unknown) => (
    <Typography.Paragraph
      code
      style={{ whiteSpace: 'pre-wrap', margin: 0, maxHeight: 320, overflow: 'auto' }}
    >
      {json(value)}
    </Typography.Paragraph>
  );
  return (
    <Descriptions size="small" column={1} bordered>
      {entry.detail && <Descriptions.Item label={t('audit.detail')}>{entry.detail}</Descriptions.Item>}
      <Descriptions.Item label={t('audit.before')}>{block(entry.before)}</Descriptions.Item>
      <Descriptions.Item label={t('audit.after')}>{block(entry.after)}</Descriptions.Item>
    </Descriptions>
  );
}
