import { DownOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Dropdown,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useChangeReplicationFactor, useElectLeaders } from '../../../api/replicas.ts';
import {
  type TruncateTarget,
  useAddPartitions,
  useCloneTopic,
  useDeleteTopic,
  useTruncate,
} from '../../../api/topics.ts';
import { formatCount, localeOf } from '../../../format.ts';
import { routePathName } from '../../../path-names.ts';
import { ConfirmByName } from './ConfirmByName.tsx';

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
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  const [action, setAction] = useState<Action>(null);
  const [count, setCount] = useState(partitions + 1);
  const [cloneName, setCloneName] = useState(`${topic}-copy`);
  const [target, setTarget] = useState<TruncateTarget>({ type: 'end' });
  const addPartitions = useAddPartitions(clusterId, topic);
  const clone = useCloneTopic(clusterId, topic);
  const remove = useDeleteTopic(clusterId);
  // The truncate preview and the truncation are separate requests, so the dialog's button is
  // loading only while the records are being deleted, not while the preview is read.
  const truncatePreview = useTruncate(clusterId, topic);
  const truncate = useTruncate(clusterId, topic);
  const elect = useElectLeaders(clusterId);
  const changeRf = useChangeReplicationFactor(clusterId, topic);
  const [rf, setRf] = useState(replicationFactor);
  const [throttleMb, setThrottleMb] = useState<number | null>(10);
  const [unclean, setUnclean] = useState(false);
  const close = () => {
    setAction(null);
    setUnclean(false);
    for (const mutation of [addPartitions, clone, remove, truncatePreview, truncate, elect, changeRf])
      mutation.reset();
  };
  const previewTruncate = (next: TruncateTarget) => {
    setTarget(next);
    truncate.reset();
    truncatePreview.mutate({ target: next, apply: false });
  };
  const open = (next: Action) => {
    close();
    setAction(next);
    if (next === 'truncate') previewTruncate({ type: 'end' });
  };
  return (
    <>
      <Dropdown
        menu={{
          onClick: ({ key }) => open(key as Action),
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

      <Modal
        open={action === 'partitions'}
        title={t('topicOps.addPartitions')}
        okText={t('topicOps.addPartitionsOk', { count })}
        okButtonProps={{ disabled: count <= partitions, loading: addPartitions.isPending }}
        onOk={() => addPartitions.mutate({ count, validateOnly: false }, { onSuccess: close })}
        onCancel={close}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('topicOps.partitionsNow', { count: partitions })}</Typography.Text>
          <InputNumber
            min={partitions + 1}
            value={count}
            onChange={(v) => setCount(v ?? partitions + 1)}
            aria-label={t('topics.partitions')}
          />
          <Alert type="warning" showIcon message={t('topicOps.orderingWarning')} />
          {addPartitions.error && <Alert type="error" showIcon message={addPartitions.error.message} />}
        </Space>
      </Modal>

      <Modal
        open={action === 'rf'}
        title={t('topicOps.changeRf')}
        okText={t('topicOps.changeRfOk', { rf })}
        okButtonProps={{ disabled: rf === replicationFactor, loading: changeRf.isPending }}
        onOk={() =>
          changeRf.mutate(
            {
              replicationFactor: rf,
              throttleBytesPerSecond: throttleMb ? Math.round(throttleMb * 1024 * 1024) : undefined,
            },
            { onSuccess: () => navigate(`/clusters/${clusterId}/jobs`) },
          )
        }
        onCancel={close}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('topicOps.rfNow', { rf: replicationFactor })}</Typography.Text>
          <InputNumber
            addonBefore={t('topics.rf')}
            min={1}
            max={32}
            value={rf}
            onChange={(v) => setRf(v ?? replicationFactor)}
          />
          <InputNumber
            addonBefore={t('jobs.throttle')}
            addonAfter="MB/s"
            min={0}
            value={throttleMb}
            onChange={setThrottleMb}
          />
          <Alert type="info" showIcon message={t('topicOps.rfExplain')} />
          {changeRf.error && <Alert type="error" showIcon message={changeRf.error.message} />}
        </Space>
      </Modal>

      <Modal
        open={action === 'clone'}
        title={t('topicOps.clone')}
        okText={t('topicOps.cloneOk')}
        okButtonProps={{ loading: clone.isPending }}
        onOk={() =>
          clone.mutate(cloneName, {
            onSuccess: () => navigate(`/clusters/${clusterId}/topics/${routePathName(cloneName)}`),
          })
        }
        onCancel={close}
      >
        <Typography.Paragraph>{t('topicOps.cloneExplain')}</Typography.Paragraph>
        <Input
          value={cloneName}
          onChange={(e) => setCloneName(e.target.value)}
          aria-label={t('create.name')}
        />
        {clone.error && (
          <Alert type="error" showIcon message={clone.error.message} style={{ marginTop: 12 }} />
        )}
      </Modal>

      <Modal
        open={action === 'elect'}
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
        {elect.error && <Alert type="error" showIcon message={elect.error.message} />}
      </Modal>

      <ConfirmByName
        open={action === 'truncate'}
        title={t('topicOps.truncate')}
        name={topic}
        okText={t('topicOps.truncateOk')}
        pending={truncate.isPending}
        error={truncate.error ?? truncatePreview.error}
        onConfirm={() => truncate.mutate({ target, apply: true }, { onSuccess: close })}
        onClose={close}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            value={target.type}
            style={{ width: 200 }}
            aria-label={t('topicOps.truncateTo')}
            onChange={(type) =>
              previewTruncate(
                type === 'end'
                  ? { type }
                  : type === 'offset'
                    ? { type, offset: 0 }
                    : { type: 'timestamp', timestamp: Date.now() },
              )
            }
            options={[
              { value: 'end', label: t('topicOps.toEnd') },
              { value: 'offset', label: t('topicOps.toOffset') },
              { value: 'timestamp', label: t('topicOps.toTimestamp') },
            ]}
          />
          {target.type === 'offset' && (
            <InputNumber
              min={0}
              value={target.offset}
              onChange={(v) => previewTruncate({ type: 'offset', offset: v ?? 0 })}
            />
          )}
          {target.type === 'timestamp' && (
            <Input
              type="datetime-local"
              onChange={(e) =>
                previewTruncate({ type: 'timestamp', timestamp: new Date(e.target.value).getTime() || 0 })
              }
            />
          )}
        </Space>
        <Table
          size="small"
          rowKey="partition"
          pagination={false}
          loading={truncatePreview.isPending}
          dataSource={truncatePreview.data?.partitions}
          columns={[
            { title: t('topic.partition'), dataIndex: 'partition' },
            { title: t('topic.start'), dataIndex: 'start', render: (v: number) => formatCount(v, locale) },
            {
              title: t('topicOps.newStart'),
              dataIndex: 'newStart',
              render: (v: number) => formatCount(v, locale),
            },
            {
              title: t('topicOps.deleted'),
              dataIndex: 'deleted',
              render: (v: number) => formatCount(v, locale),
            },
          ]}
        />
      </ConfirmByName>

      <ConfirmByName
        open={action === 'delete'}
        title={t('topicOps.deleteTitle', { topic })}
        name={topic}
        okText={t('topicOps.deleteOk')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(topic, { onSuccess: () => navigate(`/clusters/${clusterId}/topics`) })}
        onClose={close}
      >
        <Alert type="error" showIcon message={t('topicOps.deleteExplain', { partitions })} />
      </ConfirmByName>
    </>
  );
}
