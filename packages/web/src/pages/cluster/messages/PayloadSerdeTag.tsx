import { WarningOutlined } from '@ant-design/icons';
import { RAW_SERDE } from '@weir/api/serdes';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Payload } from '../../../api/messages.ts';

/**
 * Which serde read a key or value, when it was not the built-in raw view (with the schema that
 * decoded it as the tag's title); and a warning when the serde chosen for it could not decode the
 * bytes, which then show raw. `withReason` writes the serde's reason beside the warning, else it is
 * the warning's tooltip (a table cell has no room).
 */
export function PayloadSerdeTag({ payload, withReason }: { payload: Payload; withReason?: boolean }) {
  const { t } = useTranslation();
  if (payload.kind === 'null') return null;
  const schema = payload.kind === 'decoded' ? payload.schema : null;
  const decodeError = payload.kind === 'decoded' ? undefined : payload.decodeError;
  const warning = decodeError && (
    <Tag color="gold" icon={<WarningOutlined aria-hidden />} data-testid="payload-decode-error">
      {t('msg.notDecoded')}
    </Tag>
  );
  return (
    <>
      {payload.serde !== RAW_SERDE && (
        <Tag
          data-testid="payload-serde"
          title={schema ? t('msg.decodedWith', { schema }) : undefined}
          style={{ marginInlineEnd: 6 }}
        >
          {payload.serde}
        </Tag>
      )}
      {warning &&
        (withReason ? (
          <>
            {warning}
            <Typography.Text type="secondary">{decodeError}</Typography.Text>
          </>
        ) : (
          <Tooltip title={decodeError}>
            <span>{warning}</span>
          </Tooltip>
        ))}
    </>
  );
}
