import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ClustersPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('clusters.title')}
      </Typography.Title>
      <Card>
        <Empty description={t('clusters.empty')}>
          <Typography.Text type="secondary">{t('clusters.emptyHint')}</Typography.Text>
        </Empty>
      </Card>
    </>
  );
}
