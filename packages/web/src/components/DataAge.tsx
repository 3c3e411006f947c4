import { ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Freshness } from '../api/cluster-cache.ts';
import { formatAge, localeOf } from '../format.ts';

/** How old the data on the page is, whether it is stale and why, and a button to read the cluster now. */
export function DataAge({
  freshness,
  onRefresh,
  refreshing,
}: {
  freshness?: Freshness;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 5000);
    return () => clearInterval(timer);
  }, []);
  if (!freshness) return null;
  const age = Date.now() - Date.parse(freshness.takenAt);
  const partErrors = Object.entries(freshness.partErrors);
  return (
    // Never squeezed to a letter per line: it keeps its width, and the row around it wraps instead.
    <Space size="small" data-testid="data-age" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
      {(freshness.stale || partErrors.length > 0) && (
        <Tooltip
          title={[freshness.refreshError, ...partErrors.map(([part, error]) => `${part}: ${error}`)]
            .filter(Boolean)
            .join('\n')}
        >
          <WarningOutlined style={{ color: '#d48806' }} aria-label={t('data.stale')} role="img" />
        </Tooltip>
      )}
      <Typography.Text type="secondary">
        {t('data.age', { age: formatAge(Math.max(0, age), localeOf(i18n.language)) })}
      </Typography.Text>
      <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={onRefresh} loading={refreshing}>
        {t('data.refresh')}
      </Button>
    </Space>
  );
}
