import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchStatus } from '../../../api/messages.ts';
import { formatCount, localeOf } from '../../../format.ts';

/** Scanned and matched so far, why the search stopped, a bar while it runs, and each partition's place. */
export function SearchProgress({ status }: { status: SearchStatus }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { progress } = status;
  if (!progress) return null;
  // Records still to read before each partition's end; a followed partition (no end) adds none.
  const remaining = progress.partitions.reduce(
    (sum, p) => sum + (p.end === null ? 0 : Math.max(0, p.end - p.position)),
    0,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="search-progress">
      <Typography.Text>
        {t('msg.progress', {
          scanned: formatCount(progress.scanned, locale),
          matched: formatCount(progress.matched, locale),
          seconds: (progress.elapsedMs / 1000).toFixed(1),
        })}
        {status.keyPartition !== null && ` · ${t('msg.keyPartition', { partition: status.keyPartition })}`}
        {status.reason && ` · ${t(`msg.reason.${status.reason}`)}`}
      </Typography.Text>
      {status.running && remaining > 0 && (
        <Progress
          percent={Math.round((progress.scanned / (progress.scanned + remaining)) * 100)}
          size="small"
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {progress.partitions
          .map(
            (p) =>
              `${p.partition}: ${formatCount(p.position, locale)}/${p.end === null ? '∞' : formatCount(p.end, locale)}${p.error ? ` ⚠ ${p.error}` : ''}`,
          )
          .join('   ')}
      </Typography.Text>
    </Space>
  );
}
