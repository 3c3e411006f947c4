import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchemaView } from '../../../api/schemas.ts';
import type { SerdeChoice, SerdeView } from '../../../api/serdes.ts';

/**
 * One part's serde (key or value): the serde, and for one that reads an uploaded schema, the
 * schema of its format and (Protobuf) the message type it defines. Empty means automatic.
 */
export function SerdeChoiceFields({
  labels,
  choice,
  serdes,
  schemas,
  onChange,
}: {
  /** The accessible names of the serde, schema and message-type fields. */
  labels: { serde: string; schema: string; type: string };
  choice: SerdeChoice | undefined;
  serdes: SerdeView[];
  schemas: SchemaView[];
  onChange: (choice: SerdeChoice | undefined) => void;
}) {
  const { t } = useTranslation();
  const serde = serdes.find((s) => s.id === choice?.serde);
  const fitting = schemas.filter((s) => serde?.schemaFormat && s.format === serde.schemaFormat);
  const schema = schemas.find((s) => s.name === choice?.schema);
  return (
    <Space wrap>
      <Select
        style={{ width: 220 }}
        aria-label={labels.serde}
        value={choice?.serde ?? 'auto'}
        onChange={(id: string) => onChange(id === 'auto' ? undefined : { serde: id })}
        options={[
          { value: 'auto', label: t('serdes.auto') },
          ...serdes.map((s) => ({ value: s.id, label: s.title })),
        ]}
      />
      {serde?.schemaFormat && (
        <Select
          style={{ width: 200 }}
          aria-label={labels.schema}
          placeholder={t('serdes.pickSchema')}
          value={choice?.schema}
          onChange={(name: string) => onChange({ serde: serde.id, schema: name })}
          options={fitting.map((s) => ({ value: s.name, label: s.name }))}
          notFoundContent={t('serdes.noSchema')}
        />
      )}
      {schema && schema.types.length > 0 && (
        <Select
          style={{ width: 220 }}
          aria-label={labels.type}
          placeholder={t('serdes.pickType')}
          allowClear
          value={choice?.messageType}
          onChange={(type: string | undefined) =>
            onChange({ serde: serde?.id ?? '', schema: schema.name, ...(type ? { messageType: type } : {}) })
          }
          options={schema.types.map((type) => ({ value: type, label: type }))}
        />
      )}
    </Space>
  );
}
