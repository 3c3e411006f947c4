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

/** Kafka's Long.MAX_VALUE, which its configs use for "no limit" (e.g. max.compaction.lag.ms). */
const LONG_MAX_VALUE = '9223372036854775807';

/**
 * Keys for which Kafka documents -1 as "no limit" (Kafka's topic and broker config docs:
 * retention.ms and log.retention.ms "If set to -1, no time limit is applied"; retention.bytes and
 * log.retention.bytes default to -1, "By default there is no size limit only a time limit").
 */
const UNLIMITED_AT_MINUS_ONE = new Set([
  'retention.ms',
  'retention.bytes',
  'log.retention.ms',
  'log.retention.bytes',
]);

/**
 * Keys whose -2 means "use another key's value" (KIP-405 tiered storage: local.retention.ms "Default
 * value is -2, it represents `retention.ms` value is to be used").
 */
const SAME_AS_AT_MINUS_TWO: Record<string, string> = {
  'local.retention.ms': 'retention.ms',
  'local.retention.bytes': 'retention.bytes',
  'log.local.retention.ms': 'log.retention.ms',
  'log.local.retention.bytes': 'log.retention.bytes',
};

/**
 * Keys whose -1 leaves the value to the operating system (Kafka's broker docs for
 * socket.send.buffer.bytes and socket.receive.buffer.bytes: "If the value is -1, the OS default will
 * be used"; the same for the clients' send.buffer.bytes and receive.buffer.bytes).
 */
const OS_DEFAULT_AT_MINUS_ONE = new Set([
  'socket.send.buffer.bytes',
  'socket.receive.buffer.bytes',
  'send.buffer.bytes',
  'receive.buffer.bytes',
]);

/** Kafka's config value types (DescribeConfigs v3+ `config_type`), by name. */
export const CONFIG_TYPES = [
  'BOOLEAN',
  'STRING',
  'INT',
  'SHORT',
  'LONG',
  'DOUBLE',
  'LIST',
  'CLASS',
  'PASSWORD',
] as const;
export type ConfigType = (typeof CONFIG_TYPES)[number];

const DURATION_SUFFIXES: [string, number][] = [
  ['.ms', 1],
  ['.seconds', 1_000],
  ['.minutes', 60_000],
  ['.hours', 3_600_000],
];

/** What a config value means to a person, before it is put in words (see {@link readableConfigValue}). */
export type ConfigValueMeaning =
  | { kind: 'unlimited' }
  | { kind: 'osDefault' }
  | { kind: 'sameAs'; key: string }
  | { kind: 'duration'; ms: number }
  | { kind: 'bytes'; bytes: number };

/**
 * What a Kafka config value means, from its key and type: Long.MAX_VALUE and the documented -1 of
 * retention keys are "unlimited", a `.ms`/`.seconds`/`.minutes`/`.hours` key's number is a duration, a
 * `.bytes` key's number a size. Null when the raw value says it all (text, lists, booleans, 0, other
 * negatives, unset). `type` is Kafka's config type; null (brokers before 2.6 do not report it) lets
 * the key and the value decide.
 */
export function configValueMeaning(
  name: string,
  value: string | null,
  type: ConfigType | null = null,
): ConfigValueMeaning | null {
  if (value === null || !/^-?\d+$/.test(value)) return null;
  if (type !== null && type !== 'INT' && type !== 'SHORT' && type !== 'LONG') return null;
  if (value === LONG_MAX_VALUE) return { kind: 'unlimited' };
  if (value === '-1' && UNLIMITED_AT_MINUS_ONE.has(name)) return { kind: 'unlimited' };
  if (value === '-1' && OS_DEFAULT_AT_MINUS_ONE.has(name)) return { kind: 'osDefault' };
  const sameAs = SAME_AS_AT_MINUS_TWO[name];
  if (value === '-2' && sameAs) return { kind: 'sameAs', key: sameAs };
  const number = Number(value);
  if (number <= 0 || !Number.isSafeInteger(number)) return null;
  const duration = DURATION_SUFFIXES.find(([suffix]) => name.endsWith(suffix));
  if (duration) return { kind: 'duration', ms: number * duration[1] };
  if (name.endsWith('.bytes')) return { kind: 'bytes', bytes: number };
  return null;
}

/**
 * A config value in readable English, for the CLI and exports (the console words
 * {@link configValueMeaning} in the user's language): 604800000 for a `.ms` key → "7 days",
 * 1073741824 for a `.bytes` key → "1 GiB", Long.MAX_VALUE or retention.ms=-1 → "unlimited",
 * local.retention.ms=-2 → "same as retention.ms". Null when the raw value needs no translation.
 */
export function readableConfigValue(
  name: string,
  value: string | null,
  type: ConfigType | null = null,
  locale = 'en',
): string | null {
  const meaning = configValueMeaning(name, value, type);
  switch (meaning?.kind) {
    case undefined:
      return null;
    case 'unlimited':
      return 'unlimited';
    case 'osDefault':
      return 'OS default';
    case 'sameAs':
      return `same as ${meaning.key}`;
    case 'duration':
      return formatDuration(meaning.ms);
    case 'bytes':
      return formatBytes(meaning.bytes, locale);
  }
}
