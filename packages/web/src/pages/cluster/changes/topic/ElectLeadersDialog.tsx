import { Alert, Checkbox, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useElectLeaders } from '../../../../api/replicas.ts';
import { errorText } from '../../../../api/weir.ts';
import type { TopicDialogProps } from './topic-dialog.ts';

/** Elects the topic's preferred leaders, or unclean ones (data loss), and shows each partition's result. */
export function ElectLeadersDialog({ clusterId, topic, open, onClose }: TopicDialogProps) {
  const { t } = useTranslation();
  const [unclean, setUnclean] = useState(false);
  const elect = useElectLeaders(clusterId);
  const close = () => {
    setUnclean(false);
    elect.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('topicOps.elect')}
      okText={t('topicOps.electOk')}
      okButtonProps={{ loading: elect.isPending, danger: unclean }}
      onOk={() => elect.mutate({ topics: [topic], unclean })}
      onCancel={close}
    >
      <Typography.Paragraph>{t('topicOps.electExplain')}</Typography.Paragraph>
      <Checkbox checked={unclean} onChange={(e) => setUnclean(e.target.checked)}>
        {t('topicOps.unclean')}
      </Checkbox>
      {unclean && (
        <Alert type="error" showIcon message={t('topicOps.uncleanWarning')} style={{ margin: '12px 0' }} />
      )}
      {elect.data && (
        <Table
          size="small"
          rowKey={(r) => `${r.topic}:${r.partition}`}
          pagination={false}
          dataSource={elect.data.results}
          columns={[
            { title: t('topic.partition'), dataIndex: 'partition' },
            { title: t('topicOps.result'), render: (_, r) => r.error ?? t('topicOps.elected') },
          ]}
        />
      )}
      {elect.error && <Alert type="error" showIcon message={errorText(elect.error)} />}
    </Modal>
  );
}
