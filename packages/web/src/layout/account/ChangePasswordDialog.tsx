import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/auth.ts';
import { errorText } from '../../api/weir.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The server's rule for a new password (@weir/api auth `PasswordChange`: at least 12 characters). */
const MIN_PASSWORD_LENGTH = 12;

/** Changes the user's password: the current one, the new one twice; the server ends other sessions. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();
  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };
  const done = change.isSuccess;
  return (
    <Modal
      open={open}
      title={t('account.passwordTitle')}
      okText={done ? t('account.done') : t('account.savePassword')}
      cancelText={t('account.cancel')}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
      okButtonProps={{ loading: change.isPending }}
      onOk={() => (done ? close() : form.submit())}
      onCancel={close}
      destroyOnHidden
    >
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        disabled={done}
        onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      >
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[
            { required: true, message: t('login.required') },
            { min: MIN_PASSWORD_LENGTH, message: t('account.newPasswordShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('login.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {change.error && <Alert type="error" showIcon role="alert" message={errorText(change.error)} />}
      {done && <Alert type="success" showIcon role="status" message={t('account.passwordChanged')} />}
    </Modal>
  );
}
