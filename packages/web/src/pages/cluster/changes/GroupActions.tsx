import { Alert, Button, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type ResetTo, useDeleteGroup, useDeleteGroupOffsets, useGroupReset } from '../../../api/groups.ts';
import { formatCount, localeOf } from '../../../format.ts';
import { ConfirmByName } from './ConfirmByName.tsx';

/** Offset reset (always previewed per partition, refused while members are active) and group deletion. */
export function GroupActions({
  clusterId,
  groupId,
  topics,
}: {
  clusterId: string;
  groupId: string;
  topics: string[];
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  const [resetOpen, setResetOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [to, setTo] = useState<ResetTo>({ type: 'earliest' });
  const [scope, setScope] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState('');
  const preview = useGroupReset(clusterId, groupId);
  const apply = useGroupReset(clusterId, groupId);
  const remove = useDeleteGroup(clusterId, groupId);
  const removeOffsets = useDeleteGroupOffsets(clusterId, groupId);
  const [offsetsTopic, setOffsetsTopic] = useState<string | null>(null);
  const scoped = scope.length ? scope.map((topic) => ({ topic })) : undefined;
  const show = (next: ResetTo, nextScope = scope) => {
    setTo(next);
    apply.reset();
    preview.mutate({
      to: next,
      topics: nextScope.length ? nextScope.map((topic) => ({ topic })) : undefined,
      apply: false,
    });
  };
  const plan = apply.data ?? preview.data;
  return (
    <Space>
      <Button
        onClick={() => {
          setResetOpen(true);
          show(to);
        }}
      >
        {t('groupOps.reset')}
      </Button>
      <Select
        placeholder={t('groupOps.deleteOffsets')}
        aria-label={t('groupOps.deleteOffsets')}
        value={offsetsTopic}
        onChange={setOffsetsTopic}
        style={{ width: 220 }}
        options={topics.map((topic) => ({ value: topic, label: topic }))}
      />
      <Button danger onClick={() => setDeleteOpen(true)}>
        {t('groupOps.delete')}
      </Button>
      <ConfirmByName
        open={offsetsTopic !== null}
        title={t('groupOps.deleteOffsetsTitle', { group: groupId, topic: offsetsTopic ?? '' })}
        name={groupId}
        okText={t('groupOps.deleteOffsetsOk')}
        pending={removeOffsets.isPending}
        error={removeOffsets.error}
        onConfirm={() =>
          offsetsTopic &&
          removeOffsets.mutate(offsetsTopic, {
            onSuccess: () => {
              setOffsetsTopic(null);
              removeOffsets.reset();
            },
          })
        }
        onClose={() => {
          setOffsetsTopic(null);
          removeOffsets.reset();
        }}
      >
        <Alert
          type="warning"
          showIcon
          message={t('groupOps.deleteOffsetsExplain', { topic: offsetsTopic ?? '' })}
        />
      </ConfirmByName>
      <Modal
        open={resetOpen}
        title={t('groupOps.resetTitle', { group: groupId })}
        width={860}
        onCancel={() => {
          setResetOpen(false);
          setConfirmed('');
        }}
        okText={apply.data ? t('groupOps.close') : t('groupOps.apply')}
        okButtonProps={{
          loading: apply.isPending,
          disabled: !apply.data && (Boolean(preview.data?.blockedBy) || confirmed !== groupId),
        }}
        onOk={() => (apply.data ? setResetOpen(false) : apply.mutate({ to, topics: scoped, apply: true }))}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('groupOps.to')}
            value={to.type}
            style={{ width: 170 }}
            onChange={(type) =>
              show(
                type === 'timestamp'
                  ? { type, timestamp: Date.now() - 3_600_000 }
                  : type === 'offset'
                    ? { type, offset: 0 }
                    : type === 'shift'
                      ? { type, by: -10 }
                      : { type },
              )
            }
            options={(['earliest', 'latest', 'timestamp', 'offset', 'shift'] as const).map((value) => ({
              value,
              label: t(`groupOps.to.${value}`),
            }))}
          />
          {to.type === 'offset' && (
            <InputNumber
              aria-label={t('msg.offset')}
              min={0}
              value={to.offset}
              onChange={(v) => show({ type: 'offset', offset: v ?? 0 })}
            />
          )}
          {to.type === 'shift' && (
            <InputNumber
              aria-label={t('groupOps.shiftBy')}
              value={to.by}
              onChange={(v) => show({ type: 'shift', by: v ?? 0 })}
            />
          )}
          {to.type === 'timestamp' && (
            <Input
              type="datetime-local"
              aria-label={t('msg.timestamp')}
              onChange={(e) =>
                show({ type: 'timestamp', timestamp: new Date(e.target.value).getTime() || 0 })
              }
            />
          )}
          <Select
            mode="multiple"
            allowClear
            placeholder={t('groupOps.allTopics')}
            aria-label={t('groupOps.topics')}
            style={{ minWidth: 240 }}
            value={scope}
            onChange={(next) => {
              setScope(next);
              show(to, next);
            }}
            options={topics.map((topic) => ({ value: topic, label: topic }))}
          />
        </Space>
        {preview.data?.blockedBy && (
          <Alert type="warning" showIcon message={preview.data.blockedBy} style={{ marginBottom: 12 }} />
        )}
        {apply.data && (
          <Alert type="success" showIcon message={t('groupOps.applied')} style={{ marginBottom: 12 }} />
        )}
        <Table
          size="small"
          rowKey={(p) => `${p.topic}:${p.partition}`}
          loading={preview.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={plan?.partitions}
          columns={[
            { title: t('groups.topic'), dataIndex: 'topic' },
            { title: t('topic.partition'), dataIndex: 'partition' },
            {
              title: t('groupOps.current'),
              dataIndex: 'current',
              align: 'right',
              render: (v: number | null) => formatCount(v, locale),
            },
            {
              title: t('groupOps.new'),
              dataIndex: 'target',
              align: 'right',
              render: (v: number) => <strong>{formatCount(v, locale)}</strong>,
            },
            {
              title: t('groupOps.lagBefore'),
              dataIndex: 'lagBefore',
              align: 'right',
              render: (v: number | null) => formatCount(v, locale),
            },
            {
              title: t('groupOps.lagAfter'),
              dataIndex: 'lagAfter',
              align: 'right',
              render: (v: number) => formatCount(v, locale),
            },
          ]}
        />
        {!apply.data && !preview.data?.blockedBy && (
          <Input
            style={{ marginTop: 12 }}
            placeholder={t('confirm.type', { name: groupId })}
            aria-label={t('confirm.inputLabel')}
            value={confirmed}
            onChange={(e) => setConfirmed(e.target.value)}
          />
        )}
        {(preview.error ?? apply.error) && (
          <Alert
            type="error"
            showIcon
            message={(preview.error ?? apply.error)?.message}
            style={{ marginTop: 12 }}
          />
        )}
      </Modal>
      <ConfirmByName
        open={deleteOpen}
        title={t('groupOps.deleteTitle', { group: groupId })}
        name={groupId}
        okText={t('groupOps.delete')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, { onSuccess: () => navigate(`/clusters/${clusterId}/groups`) })
        }
        onClose={() => setDeleteOpen(false)}
      >
        <Alert type="warning" showIcon message={t('groupOps.deleteExplain')} />
      </ConfirmByName>
    </Space>
  );
}
