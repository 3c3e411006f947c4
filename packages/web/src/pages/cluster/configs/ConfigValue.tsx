import type { ConfigType } from '@weir/api/display';
import { configValueMeaning, durationParts, formatBytes } from '@weir/api/display';
import { Space, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../format.ts';

/**
 * A config value in the user's language (see @weir/api's configValueMeaning for which values mean
 * what): "7 days", "1 GiB", "unlimited"; null when the raw value says it all.
 */
export function configValueText(
  t: TFunction,
  locale: string,
  name: string,
  value: string | null,
  type: ConfigType | null,
): string | null {
  const meaning = configValueMeaning(name, value, type);
  switch (meaning?.kind) {
    case undefined:
      return null;
    case 'unlimited':
      return t('configs.unlimited');
    case 'osDefault':
      return t('configs.osDefault');
    case 'sameAs':
      return t('configs.sameAs', { key: meaning.key });
    case 'bytes':
      return formatBytes(meaning.bytes, locale);
    case 'duration':
      return durationParts(meaning.ms)
        .map(
          ({ unit, value: n }) => `${n} ${t(`configs.unit.${unit}${n === 1 || unit === 'ms' ? '' : 's'}`)}`,
        )
        .join(' ');
  }
}

/** A config value as a person reads it, with Kafka's raw value beside it; "–" when unset. */
export function ConfigValue({
  name,
  value,
  type,
}: {
  name: string;
  value: string | null;
  type: ConfigType | null;
}) {
  const { t, i18n } = useTranslation();
  if (value === null)
    return (
      <Tooltip title={t('configs.unset')}>
        <span>–</span>
      </Tooltip>
    );
  if (value === '') return <Typography.Text type="secondary">{t('configs.empty')}</Typography.Text>;
  const readable = configValueText(t, localeOf(i18n.language), name, value, type);
  return (
    <Space size={6} wrap>
      {readable && <span data-testid="readable">{readable}</span>}
      <Typography.Text type={readable ? 'secondary' : undefined} code>
        {value}
      </Typography.Text>
    </Space>
  );
}
