import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTotal, type TotalLike } from '../format.ts';

/**
 * An aggregate from the read model: the exact value, "≥ 731 · 3 of 7 partitions unknown", or
 * "unknown"; the reason for any unknown part is the tooltip.
 */
export function TotalValue({ total, format }: { total: TotalLike; format: (value: number) => string }) {
  const { t } = useTranslation();
  const text = formatTotal(total, format, (key, values) => t(key, values ?? {}));
  if (total.complete) return <>{text}</>;
  return (
    <Tooltip title={total.reason}>
      <Typography.Text type="warning" data-testid="total-incomplete">
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
