import { Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { From, SearchRange } from './read-position.ts';

/** Where a search starts (oldest, newest N per partition, an offset, a time) and its budgets. */
export function SearchRangeFields({
  range,
  onChange,
}: {
  range: SearchRange;
  onChange: (change: Partial<SearchRange>) => void;
}) {
  const { t } = useTranslation();
  const { from, count, offset, time, maxScanned, maxSeconds } = range;
  return (
    <Space wrap data-testid="search-range">
      <Select<From>
        aria-label={t('msg.searchFrom')}
        value={from}
        onChange={(value) => onChange({ from: value })}
        prefix={`${t('msg.searchFrom')}:`}
        style={{ width: 210 }}
        options={(['oldest', 'newest', 'offset', 'timestamp'] as From[]).map((value) => ({
          value,
          label: t(`msg.from.${value}`),
        }))}
      />
      {from === 'newest' && (
        <InputNumber
          aria-label={t('msg.searchCount')}
          addonBefore={t('msg.searchCount')}
          min={1}
          value={count}
          onChange={(value) => onChange({ count: value ?? 1000 })}
          style={{ width: 230 }}
        />
      )}
      {from === 'offset' && (
        <InputNumber
          aria-label={t('msg.offset')}
          addonBefore={t('msg.offset')}
          min={0}
          value={offset}
          onChange={(value) => onChange({ offset: value })}
        />
      )}
      {from === 'timestamp' && (
        <Input
          type="datetime-local"
          aria-label={t('msg.timestamp')}
          value={time}
          onChange={(e) => onChange({ time: e.target.value })}
          style={{ width: 220 }}
        />
      )}
      <InputNumber
        aria-label={t('msg.maxScanned')}
        addonBefore={t('msg.maxScanned')}
        min={1}
        max={1_000_000_000}
        value={maxScanned}
        onChange={(value) => onChange({ maxScanned: value ?? 10_000_000 })}
        style={{ width: 240 }}
      />
      <InputNumber
        aria-label={t('msg.maxSeconds')}
        addonAfter={t('msg.maxSeconds')}
        min={1}
        max={120}
        value={maxSeconds}
        onChange={(value) => onChange({ maxSeconds: value ?? 30 })}
        style={{ width: 130 }}
      />
    </Space>
  );
}
