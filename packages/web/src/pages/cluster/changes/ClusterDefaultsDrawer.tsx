import { Alert, Button, Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBroker } from '../../../api/brokers.ts';
import { errorText } from '../../../api/weir.ts';
import { BrokerConfigEditor } from './ConfigEditor.tsx';

/**
 * Cluster-wide broker defaults. Kafka describes them only through a broker, so the values shown are
 * what `brokerId` sees; the diff before applying says what changes.
 */
export function ClusterDefaultsDrawer({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('defaults.button')}</Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        width={960}
        title={t('defaults.title')}
        destroyOnHidden
      >
        <Alert
          type="info"
          showIcon
          message={t('defaults.explain', { broker: brokerId })}
          style={{ marginBottom: 12 }}
        />
        {open && <DefaultsEditor clusterId={clusterId} brokerId={brokerId} />}
      </Drawer>
    </>
  );
}

function DefaultsEditor({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  const broker = useBroker(clusterId, brokerId);
  return (
    <>
      {broker.error && <Alert type="error" showIcon message={errorText(broker.error)} />}
      {broker.data?.configsError && <Alert type="warning" showIcon message={broker.data.configsError} />}
      {broker.data?.configs && (
        <BrokerConfigEditor clusterId={clusterId} broker="defaults" configs={broker.data.configs} />
      )}
    </>
  );
}
