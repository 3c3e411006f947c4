import { Alert, Input, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../api/weir.ts';

/**
 * A destructive action's dialog: shows exactly what will change and enables the button only once
 * the target's name is typed.
 */
export function ConfirmByName(props: {
  open: boolean;
  title: string;
  name: string;
  okText: string;
  children?: ReactNode;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: true, disabled: typed !== props.name, loading: props.pending }}
      onOk={props.onConfirm}
      onCancel={() => {
        setTyped('');
        props.onClose();
      }}
      width={640}
      destroyOnHidden
    >
      {props.children}
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t('confirm.type', { name: props.name })}
      </Typography.Paragraph>
      <Input
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        aria-label={t('confirm.inputLabel')}
        autoFocus
      />
      {props.error && (
        <Alert type="error" showIcon message={errorText(props.error)} style={{ marginTop: 12 }} />
      )}
    </Modal>
  );
}
