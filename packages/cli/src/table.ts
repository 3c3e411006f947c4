import type { Total } from '@weir/api';

/** A {@link Total} as a table cell needs it; `unit` names the parts (partition, replica, …). */
type TotalCell = Pick<Total, 'value' | 'complete' | 'parts' | 'unknownParts'> & { unit: string };

/** A whole count with thousands separators, as every table shows numbers: 1234567 → `1,234,567`. */
export const formatCount = (value: number): string => value.toLocaleString('en');

/**
 * Renders rows as aligned columns, the way Kafka's own tools print. Numbers get thousands
 * separators (pass ids, ports and partition numbers as strings to keep them bare); null and
 * undefined show as `-`.
 */
export function renderTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [
    headers,
    ...rows.map((row) =>
      row.map((cell) =>
        cell === null || cell === undefined ? '-' : typeof cell === 'number' ? formatCount(cell) : cell,
      ),
    ),
  ];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `Name: value` lines with the values aligned, for a describe command's summary. */
export function renderFields(fields: [string, string | number | null | undefined][]): string {
  const width = Math.max(...fields.map(([name]) => name.length)) + 1;
  return fields
    .map(([name, value]) =>
      `${`${name}:`.padEnd(width)} ${value === null || value === undefined ? '-' : typeof value === 'number' ? formatCount(value) : value}`.trimEnd(),
    )
    .join('\n');
}

const UNIT_PLURALS: Record<string, string> = {
  partition: 'partitions',
  replica: 'replicas',
  broker: 'brokers',
  logDir: 'log dirs',
};

/**
 * A total for a table cell: the value when complete, `≥731 (3/7 partitions unknown)` when partial,
 * `unknown` when none of it could be read; never 0 for unknown (`--json` carries the reason).
 * @param format how the value is written, by default a count with thousands separators
 */
export function formatTotal(total: TotalCell, format: (value: number) => string = formatCount): string {
  if (total.value === null) return 'unknown';
  if (total.complete) return format(total.value);
  return `≥${format(total.value)} (${total.unknownParts}/${total.parts} ${UNIT_PLURALS[total.unit] ?? total.unit} unknown)`;
}
