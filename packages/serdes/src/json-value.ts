/**
 * A decoded value made JSON-compatible for people: bytes (Uint8Array, Buffer) as base64 strings,
 * bigints as decimal strings (no precision lost), Dates as ISO 8601, Maps as objects.
 */
export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.length).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map)
    return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonValue(v)]));
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

/** The first file of an uploaded schema, whose content the schema starts from. */
export function mainFile(files: { path: string; content: string }[]): { path: string; content: string } {
  const first = files[0];
  if (!first) throw new Error('the schema has no files');
  return first;
}
