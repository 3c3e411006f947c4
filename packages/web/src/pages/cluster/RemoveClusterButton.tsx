import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type Cluster, useRemoveCluster } from '../../api/clusters.ts';
import { errorText } from '../../api/weir.ts';

/** Removing a cluster from Weir is confirmed by typing its name; the Kafka cluster itself is untouched. */
export function RemoveClusterButton({ cluster }: { cluster: Pick<Cluster, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = useRemoveCluster();
  const navigate = useNavigate();
  return (
    <>
      <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('remove.button')}
      </Button>
      <Modal
        open={open}
        title={t('remove.title', { name: cluster.name })}
        okText={t('remove.confirm')}
        okButtonProps={{ danger: true, disabled: typed !== cluster.name, loading: remove.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => remove.mutate(cluster, { onSuccess: () => navigate('/clusters', { replace: true }) })}
      >
        <Typography.Paragraph>{t('remove.explain')}</Typography.Paragraph>
        <Typography.Paragraph>{t('remove.type', { name: cluster.name })}</Typography.Paragraph>
        <Input
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-label={t('remove.inputLabel')}
          autoFocus
        />
        {remove.error && (
          <Alert type="error" showIcon message={errorText(remove.error)} style={{ marginTop: 12 }} />
        )}
      </Modal>
    </>
  );
}
