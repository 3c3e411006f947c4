/**
 * Number formatting shared by every page, in the user's language. Bytes and timestamps come from
 * @weir/api's display.ts (`formatBytes`, `formatTimestamp`), the same as the CLI's and exports'.
 */
export function formatCount(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat(locale).format(value);
}

/** A count known only approximately (end − start offsets), shown as "≈ 3,000"; "–" when unknown. */
export function formatEstimate(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? '–' : `≈ ${new Intl.NumberFormat(locale).format(value)}`;
}

export function formatAge(ms: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return format.format(-seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  return format.format(-Math.round(minutes / 60), 'hour');
}

export const localeOf = (language: string) => (language === 'zh' ? 'zh-CN' : 'en');

/** The read model's aggregate shape (complete, partial or unknown), as the server sends it. */
export interface TotalLike {
  value: number | null;
  complete: boolean;
  parts: number;
  unknownParts: number;
  unit: 'partition' | 'replica' | 'broker' | 'logDir';
  reason: string | null;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A total as a person should read it: the exact value when complete, "≥ 731 · 3 of 7 partitions
 * unknown" when partial, "unknown" when nothing could be read; never 0 for unknown.
 */
export function formatTotal(total: TotalLike, formatValue: (value: number) => string, t: Translate): string {
  if (total.value === null) return t('total.unknown');
  if (total.complete) return formatValue(total.value);
  return t('total.partial', {
    value: formatValue(total.value),
    unknown: total.unknownParts,
    parts: total.parts,
    unit: t(`total.unit.${total.unit}`, { count: total.parts }),
  });
}

/**
 * For a table sorter: by value, unknowns last in both directions (antd reverses the result for a
 * descending sort, so an unknown's place is reversed back here).
 */
export function compareTotals(a: TotalLike, b: TotalLike, order?: 'ascend' | 'descend' | null): number {
  if (a.value === null || b.value === null) {
    if (a.value === b.value) return 0;
    const last = a.value === null ? 1 : -1;
    return order === 'descend' ? -last : last;
  }
  return a.value - b.value;
}
