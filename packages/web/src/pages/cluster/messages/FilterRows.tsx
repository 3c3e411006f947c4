import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageFilter } from '../../../api/messages.ts';

/** The search's filters, one row each: what to look at, how to match, the value, and remove. */
export function FilterRows({
  filters,
  onChange,
}: {
  filters: MessageFilter[];
  onChange: (filters: MessageFilter[]) => void;
}) {
  const { t } = useTranslation();
  const setFilter = (index: number, change: Partial<MessageFilter>) =>
    onChange(filters.map((f, i) => (i === index ? { ...f, ...change } : f)));
  return filters.map((filter, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: filters have no identity beyond their place
    <Space key={index} wrap>
      <Select
        aria-label={t('msg.filterTarget')}
        value={filter.target}
        onChange={(target) => setFilter(index, { target })}
        style={{ width: 110 }}
        options={(['key', 'value', 'header'] as const).map((value) => ({
          value,
          label: t(`msg.${value}`),
        }))}
      />
      {filter.target === 'header' && (
        <Input
          aria-label={t('msg.headerName')}
          placeholder={t('msg.headerName')}
          value={filter.header}
          onChange={(e) => setFilter(index, { header: e.target.value })}
          style={{ width: 140 }}
        />
      )}
      <Select
        aria-label={t('msg.filterMatch')}
        value={filter.match}
        onChange={(match) => setFilter(index, { match })}
        style={{ width: 150 }}
        options={(['contains', 'equals', 'regex', 'jsonPath'] as const).map((value) => ({
          value,
          label: t(`msg.match.${value}`),
        }))}
      />
      {filter.match === 'jsonPath' && (
        <Input
          aria-label={t('msg.jsonPath')}
          placeholder="$.order.id"
          value={filter.path}
          onChange={(e) => setFilter(index, { path: e.target.value })}
          style={{ width: 180 }}
        />
      )}
      <Input
        aria-label={t('msg.filterValue')}
        placeholder={t('msg.filterValue')}
        value={filter.value}
        onChange={(e) => setFilter(index, { value: e.target.value })}
        style={{ width: 260 }}
      />
      <Button
        aria-label={t('msg.removeFilter')}
        icon={<DeleteOutlined />}
        onClick={() => onChange(filters.filter((_, i) => i !== index))}
      />
    </Space>
  ));
}
