import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { KEY_PARTITIONERS, type KeyPartitioner } from '../../../api/messages.ts';
import type { KeyQuery } from './read-position.ts';

/** The key to look up and the partitioner its producer used; a change looks in the hashed partition again. */
export function KeyLookupFields({
  query,
  onChange,
}: {
  query: KeyQuery;
  onChange: (query: KeyQuery) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <Input
        aria-label={t('msg.keyLookup')}
        placeholder={t('msg.keyLookup')}
        value={query.value}
        onChange={(e) => onChange({ ...query, value: e.target.value, scope: 'hashed' })}
        style={{ width: 220 }}
        allowClear
      />
      <Select<KeyPartitioner>
        aria-label={t('msg.partitioner')}
        title={t('msg.partitionerHint')}
        value={query.partitioner}
        onChange={(partitioner) => onChange({ ...query, partitioner, scope: 'hashed' })}
        style={{ width: 250 }}
        popupMatchSelectWidth={false}
        options={KEY_PARTITIONERS.map((value) => ({ value, label: t(`msg.partitioner.${value}`) }))}
      />
    </Space.Compact>
  );
}
