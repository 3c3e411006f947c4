import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddPartitionsDialog } from './topic/AddPartitionsDialog.tsx';
import { CloneTopicDialog } from './topic/CloneTopicDialog.tsx';
import { DeleteTopicDialog } from './topic/DeleteTopicDialog.tsx';
import { ElectLeadersDialog } from './topic/ElectLeadersDialog.tsx';
import { ReplicationFactorDialog } from './topic/ReplicationFactorDialog.tsx';
import { TruncateTopicDialog } from './topic/TruncateTopicDialog.tsx';

type Action = 'partitions' | 'rf' | 'truncate' | 'clone' | 'elect' | 'delete' | null;

/** The topic page's changes, each in a dialog that shows what will happen before it does. */
export function TopicActions({
  clusterId,
  topic,
  partitions,
  replicationFactor,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
  replicationFactor: number;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action>(null);
  const dialog = (name: Action) => ({
    clusterId,
    topic,
    open: action === name,
    onClose: () => setAction(null),
  });
  return (
    <>
      {/* On click (and so Enter or Space), not hover: a keyboard or touch user opens it too. */}
      <Dropdown
        trigger={['click']}
        // The open menu takes the focus, so the arrow keys and Enter work in it.
        autoFocus
        menu={{
          onClick: ({ key }) => setAction(key as Action),
          items: [
            { key: 'partitions', label: t('topicOps.addPartitions') },
            { key: 'rf', label: t('topicOps.changeRf') },
            { key: 'truncate', label: t('topicOps.truncate'), danger: true },
            { key: 'clone', label: t('topicOps.clone') },
            { key: 'elect', label: t('topicOps.elect') },
            { type: 'divider' },
            { key: 'delete', label: t('topicOps.delete'), danger: true },
          ],
        }}
      >
        <Button>
          <Space>
            {t('topicOps.actions')}
            <DownOutlined aria-hidden />
          </Space>
        </Button>
      </Dropdown>
      <AddPartitionsDialog {...dialog('partitions')} partitions={partitions} />
      <ReplicationFactorDialog {...dialog('rf')} replicationFactor={replicationFactor} />
      <CloneTopicDialog {...dialog('clone')} />
      <ElectLeadersDialog {...dialog('elect')} />
      <TruncateTopicDialog {...dialog('truncate')} />
      <DeleteTopicDialog {...dialog('delete')} partitions={partitions} />
    </>
  );
}
