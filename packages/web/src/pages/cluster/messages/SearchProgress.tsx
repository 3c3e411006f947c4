import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeyLookup, SearchCoverage, SearchStatus } from '../../../api/messages.ts';
import { formatCount, formatEstimate, localeOf } from '../../../format.ts';
import { useFormatTime } from '../../../settings/time-zone.tsx';

type Translate = ReturnType<typeof useTranslation>['t'];

/** What a key lookup assumed: the partitioner, the partition it gives the key, and what was read. */
function keyLookupText(lookup: KeyLookup, t: Translate): string {
  const values = { partitioner: lookup.partitioner, partition: lookup.partition ?? '–' };
  if (lookup.partition === null) return t('msg.keyLookup.random', values);
  return t(lookup.scope === 'all' ? 'msg.keyLookup.all' : 'msg.keyLookup.hashed', values);
}

/** "Scanned the newest 50 per partition: 300 of 4,012 records": where the search started, and how much it read. */
function coveredText(
  covered: SearchCoverage,
  t: Translate,
  locale: string,
  formatTime: (at: number) => string,
): string {
  const { start } = covered;
  const values = {
    scanned: formatCount(covered.scanned, locale),
    total: covered.estimated ? formatEstimate(covered.total, locale) : formatCount(covered.total, locale),
    count: start.type === 'newest' ? formatCount(start.count, locale) : '',
    offset: start.type === 'offset' ? formatCount(start.offset, locale) : '',
    time: start.type === 'timestamp' ? formatTime(start.timestamp) : '',
  };
  const sentence = t(`msg.covered.${start.type}`, values);
  return covered.estimated ? `${sentence} ${t('msg.covered.estimated')}` : sentence;
}

/**
 * Scanned and matched so far, the key lookup's assumption, why the search stopped and what it
 * covered, a bar while it runs, and each partition's place.
 */
export function SearchProgress({ status }: { status: SearchStatus }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const formatTime = useFormatTime();
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
        {status.keyLookup && ` · ${keyLookupText(status.keyLookup, t)}`}
        {status.reason && ` · ${t(`msg.reason.${status.reason}`)}`}
      </Typography.Text>
      {status.covered && !status.running && (
        <Typography.Text data-testid="search-covered">
          {coveredText(status.covered, t, locale, formatTime)}
        </Typography.Text>
      )}
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
