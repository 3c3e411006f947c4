/** Renders rows as aligned columns, the way Kafka's own tools print. */
export function renderTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [
    headers,
    ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '-' : String(cell)))),
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

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Prints JSON with --json, else the table. */
export function output(json: boolean | undefined, data: unknown, table: () => string): void {
  console.log(json ? JSON.stringify(data, null, 2) : table());
}

/** The read model's aggregate shape (see `Total` in the server's read-model types). */
interface TotalLike {
  value: number | null;
  complete: boolean;
  parts: number;
  unknownParts: number;
  unit: string;
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
 */
export function formatTotal(total: TotalLike, format: (value: number) => string = String): string {
  if (total.value === null) return 'unknown';
  if (total.complete) return format(total.value);
  return `≥${format(total.value)} (${total.unknownParts}/${total.parts} ${UNIT_PLURALS[total.unit] ?? total.unit} unknown)`;
}
