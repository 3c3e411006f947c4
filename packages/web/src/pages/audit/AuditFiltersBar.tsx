import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_RESULTS, type AuditFilters } from '../../api/audit.ts';
import { useClusters } from '../../api/clusters.ts';

/** A `datetime-local` value (the browser's zone) as an ISO instant, and back. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);
const toLocalInput = (iso: string | undefined) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Who, what, which cluster, which result and when: each filter narrows the log at once. */
export function AuditFiltersBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const clusters = useClusters();
  const set = (change: Partial<AuditFilters>) => onChange({ ...filters, ...change });
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label={t('audit.filter.actor')}
        placeholder={t('audit.filter.actor')}
        defaultValue={filters.actor}
        allowClear
        onSearch={(actor) => set({ actor: actor || undefined })}
        style={{ width: 180 }}
      />
      <Select
        aria-label={t('audit.filter.action')}
        placeholder={t('audit.filter.action')}
        value={filters.action}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(action?: string) => set({ action })}
        options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
        style={{ width: 220 }}
      />
      <Select
        aria-label={t('audit.filter.cluster')}
        placeholder={t('audit.filter.cluster')}
        value={filters.cluster}
        allowClear
        onChange={(cluster?: string) => set({ cluster })}
        options={(clusters.data?.clusters ?? []).map((c) => ({ value: c.id, label: c.name }))}
        style={{ width: 180 }}
      />
      <Select
        aria-label={t('audit.filter.result')}
        placeholder={t('audit.filter.result')}
        value={filters.result}
        allowClear
        onChange={(result?: AuditFilters['result']) => set({ result })}
        options={AUDIT_RESULTS.map((result) => ({ value: result, label: t(`audit.results.${result}`) }))}
        style={{ width: 140 }}
      />
      <Input
        type="datetime-local"
        aria-label={t('audit.filter.from')}
        value={toLocalInput(filters.from)}
        onChange={(event) => set({ from: toInstant(event.target.value) })}
        style={{ width: 210 }}
      />
      <Input
        type="datetime-local"
        aria-label={t('audit.filter.to')}
        value={toLocalInput(filters.to)}
        onChange={(event) => set({ to: toInstant(event.target.value) })}
        style={{ width: 210 }}
      />
      <Button onClick={() => onChange({})}>{t('audit.filter.clear')}</Button>
    </Space>
  );
}
