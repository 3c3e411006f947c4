import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoveSchema } from '../../api/schemas.ts';
import { errorText } from '../../api/weir.ts';

/** Removing a schema is confirmed by typing its name: topics whose rules name it are then shown raw. */
export function RemoveSchemaButton({ name }: { name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = useRemoveSchema();
  return (
    <>
      <Button danger size="small" onClick={() => setOpen(true)}>
        {t('schemas.remove')}
      </Button>
      <Modal
        open={open}
        title={t('schemas.removeTitle', { name })}
        okText={t('schemas.remove')}
        okButtonProps={{ danger: true, disabled: typed !== name, loading: remove.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => remove.mutate(name, { onSuccess: () => setOpen(false) })}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('schemas.removeExplain')}</Typography.Paragraph>
        <Typography.Paragraph>{t('remove.type', { name })}</Typography.Paragraph>
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-label={t('schemas.removeInput')}
          autoFocus
        />
        {remove.error && (
          <Alert type="error" showIcon message={errorText(remove.error)} style={{ marginTop: 12 }} />
        )}
      </Modal>
    </>
  );
}
