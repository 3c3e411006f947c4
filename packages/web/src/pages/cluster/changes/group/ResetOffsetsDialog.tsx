import { Alert, Button, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ResetTo, useGroupReset } from '../../../../api/groups.ts';
import { errorText } from '../../../../api/weir.ts';
import type { GroupActionProps } from './group-action.ts';
import { ResetPlanTable } from './ResetPlanTable.tsx';

/**
 * The reset-offsets button and its dialog: each choice of target and topics is previewed per
 * partition; the reset is refused while the group has active members, and needs the group id typed.
 */
export function ResetOffsetsDialog({ clusterId, groupId, topics }: GroupActionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<ResetTo>({ type: 'earliest' });
  const [scope, setScope] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState('');
  const preview = useGroupReset(clusterId, groupId);
  const apply = useGroupReset(clusterId, groupId);
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
  const error = preview.error ?? apply.error;
  return (
    <>
      <Button
        onClick={() => {
          setOpen(true);
          show(to);
        }}
      >
        {t('groupOps.reset')}
      </Button>
      <Modal
        open={open}
        title={t('groupOps.resetTitle', { group: groupId })}
        width={860}
        onCancel={() => {
          setOpen(false);
          setConfirmed('');
        }}
        okText={apply.data ? t('groupOps.close') : t('groupOps.apply')}
        okButtonProps={{
          loading: apply.isPending,
          disabled: !apply.data && (Boolean(preview.data?.blockedBy) || confirmed !== groupId),
        }}
        onOk={() => (apply.data ? setOpen(false) : apply.mutate({ to, topics: scoped, apply: true }))}
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
        <ResetPlanTable plan={apply.data ?? preview.data} loading={preview.isPending} />
        {!apply.data && !preview.data?.blockedBy && (
          <Input
            style={{ marginTop: 12 }}
            placeholder={t('confirm.type', { name: groupId })}
            aria-label={t('confirm.inputLabel')}
            value={confirmed}
            onChange={(e) => setConfirmed(e.target.value)}
          />
        )}
        {error && <Alert type="error" showIcon message={errorText(error)} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
