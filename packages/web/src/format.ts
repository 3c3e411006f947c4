/** Number and byte formatting shared by every page, in the user's language. */
export function formatBytes(bytes: number | null | undefined, locale: string): string {
  if (bytes === null || bytes === undefined) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

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
