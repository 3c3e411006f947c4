import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/weir.ts';

/** Shows the server's own message: it says what went wrong and what to do. */
export function ErrorAlert({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={t('error.generic')}
      description={errorText(error)}
      style={{ marginBottom: 16 }}
    />
  );
}
