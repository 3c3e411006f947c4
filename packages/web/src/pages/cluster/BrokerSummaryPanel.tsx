import type { BrokerDetail } from '@weir/api/brokers';
import { formatBytes } from '@weir/api/display';
import { Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TotalValue } from '../../components/TotalValue.tsx';
import { formatCount, localeOf } from '../../format.ts';

/** Something Weir could not read: "unknown", with the reason as its tooltip; never 0. */
function Unknown({ reason, t }: { reason: string | null; t: TFunction }) {
  return (
    <Tooltip title={reason}>
      <Typography.Text type="warning">{t('total.unknown')}</Typography.Text>
    </Tooltip>
  );
}

function RoleText({ role, t }: { role: BrokerDetail['role']; t: TFunction }) {
  if (role.mode === 'zookeeper')
    return (
      <>{t('broker.activeController', { answer: t(role.activeController ? 'configs.yes' : 'broker.no') })}</>
    );
  return (
    <Space size={6}>
      {role.processRoles === null ? (
        <Unknown reason={role.reason} t={t} />
      ) : (
        t(`broker.role.${role.processRoles}`)
      )}
      {role.activeController && <Tag color="gold">{t('overview.controller')}</Tag>}
    </Space>
  );
}

/**
 * What a broker is and holds, above its configs: address, rack, role, the partitions it leads and the
 * replicas it holds, and each log dir's usage (unknown with the reason when it could not be read).
 */
export function BrokerSummaryPanel({ detail }: { detail: BrokerDetail }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { broker } = detail;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      style={{ marginBottom: 12 }}
      data-testid="broker-summary"
    >
      <Descriptions.Item label={t('brokers.address')}>
        <code>{`${broker.host}:${broker.port}`}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('brokers.rack')}>{broker.rack ?? t('broker.noRack')}</Descriptions.Item>
      <Descriptions.Item label={t('broker.role')}>
        <RoleText role={detail.role} t={t} />
      </Descriptions.Item>
      <Descriptions.Item label={t('brokers.leaders')}>
        <TotalValue total={detail.leaders} format={(v) => formatCount(v, locale)} />
      </Descriptions.Item>
      <Descriptions.Item label={t('brokers.replicas')}>
        <TotalValue total={detail.replicas} format={(v) => formatCount(v, locale)} />
      </Descriptions.Item>
      <Descriptions.Item label={t('broker.logDirs')}>
        {detail.logDirs === null ? (
          <Unknown reason={broker.logDirsError} t={t} />
        ) : (
          <Space direction="vertical" size={2}>
            {detail.logDirs.map((dir) => (
              <span key={dir.path}>
                <code>{dir.path}</code>{' '}
                {dir.errorCode === 0 ? (
                  t('broker.dirUsage', {
                    used: formatBytes(
                      dir.replicas.reduce((sum, r) => sum + r.sizeBytes, 0),
                      locale,
                    ),
                    free:
                      dir.usableBytes === null ? t('total.unknown') : formatBytes(dir.usableBytes, locale),
                  })
                ) : (
                  <Unknown reason={t('broker.dirOffline', { code: dir.errorCode })} t={t} />
                )}
              </span>
            ))}
          </Space>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
