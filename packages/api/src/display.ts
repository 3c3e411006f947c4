/**
 * How Weir shows a value to a person, the same in the console, the CLI and exports: binary byte
 * units, one timestamp format with its zone, signed percentages and config values in readable form.
 * Pure functions; `locale` only changes digit grouping and decimal marks.
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/**
 * Bytes in binary units (IEC 80000-13): 1536 → "1.5 KiB", 1073741824 → "1 GiB"; "–" when unknown.
 * @param bytes a count of bytes, or null/undefined when it could not be read
 */
export function formatBytes(bytes: number | null | undefined, locale = 'en'): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${bytes < 0 ? '-' : ''}${digits} ${BYTE_UNITS[unit]}`;
}

/** Where a timestamp is shown: in UTC, or in the zone of the machine showing it. */
export type DisplayTimeZone = 'utc' | 'local';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * A moment as `2026-12-02 03:04:05 UTC` (or `… UTC+01:00` in local time): ISO 8601 order, 24-hour
 * clock, the zone always written, so a time copied from the console, the CLI or an export reads the
 * same everywhere. `withMs` adds milliseconds (`03:04:05.120`), for message timestamps.
 * @param ms milliseconds since the Unix epoch
 */
export function formatTimestamp(
  ms: number | null | undefined,
  zone: DisplayTimeZone = 'utc',
  withMs = false,
): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const date = new Date(ms);
  const offsetMinutes = zone === 'utc' ? 0 : -date.getTimezoneOffset();
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const day = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  const fraction = withMs ? `.${pad(shifted.getUTCMilliseconds(), 3)}` : '';
  return `${day} ${time}${fraction} ${zoneLabel(offsetMinutes)}`;
}

function zoneLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const minutes = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * A ratio as a signed percentage: 0.038 → "+3.8%", -0.5 → "-50%", 0 → "0%"; "–" when unknown.
 * Used for skew (a broker's share against the mean), where the sign is the point.
 */
export function formatSignedPercent(ratio: number | null | undefined, locale = 'en'): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(ratio) * 100);
  if (percent === '0') return '0%';
  return `${ratio > 0 ? '+' : '-'}${percent}%`;
}

const DURATION_UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

/** A unit of {@link durationParts}. */
export type DurationUnit = (typeof DURATION_UNITS)[number][0] | 'ms';

/**
 * A duration exactly, in its non-zero units: 604800000 → "7 days", 5400000 → "1 hour 30 minutes",
 * 1500 → "1 second 500 ms", 0 → "0 ms". English; a caller naming the units in another language
 * uses {@link durationParts}.
 * @param ms a non-negative whole number of milliseconds
 */
export function formatDuration(ms: number): string {
  return durationParts(ms)
    .map(({ unit, value }) => (unit === 'ms' ? `${value} ms` : `${value} ${unit}${value === 1 ? '' : 's'}`))
    .join(' ');
}

/** {@link formatDuration}'s parts, largest unit first; `[{ unit: 'ms', value: 0 }]` for 0. */
export function durationParts(ms: number): { unit: DurationUnit; value: number }[] {
  const parts: { unit: DurationUnit; value: number }[] = [];
  let rest = Math.max(0, Math.round(ms));
  for (const [unit, size] of DURATION_UNITS) {
    if (rest < size) continue;
    parts.push({ unit, value: Math.floor(rest / size) });
    rest %= size;
  }
  if (rest > 0 || parts.length === 0) parts.push({ unit: 'ms', value: rest });
  return parts;
}
