import type { FilterRecord } from './message-filter.ts';

/**
 * Records packed for a filter worker: the bytes the filters read, copied once into one buffer that is
 * transferred (not cloned), and where each piece sits. A record's fields are views of the whole Fetch
 * answer, which posting them as they are would copy again for every batch.
 */
export interface PackedRecords {
  bytes: ArrayBuffer;
  /** Per record: key start, length (-1: null), value start, length, header count, then per header name and value. */
  layout: Int32Array;
  count: number;
}

/** Copies the records' keys, values and headers into one buffer, in order; nulls stay null. */
export function packRecords(records: FilterRecord[]): PackedRecords {
  let total = 0;
  let slots = 0;
  for (const r of records) {
    total += (r.key?.length ?? 0) + (r.value?.length ?? 0);
    slots += 5 + r.headers.length * 4;
    for (const [name, value] of r.headers) total += name.length + (value?.length ?? 0);
  }
  const bytes = new Uint8Array(total);
  const layout = new Int32Array(slots);
  let at = 0;
  let slot = 0;
  const put = (piece: Uint8Array | null) => {
    layout[slot++] = at;
    layout[slot++] = piece === null ? -1 : piece.length;
    if (piece) {
      bytes.set(piece, at);
      at += piece.length;
    }
  };
  for (const r of records) {
    put(r.key);
    put(r.value);
    layout[slot++] = r.headers.length;
    for (const [name, value] of r.headers) {
      put(name);
      put(value);
    }
  }
  return { bytes: bytes.buffer, layout, count: records.length };
}

/** The records again, as views of the one buffer (nothing is copied). */
export function unpackRecords({ bytes, layout, count }: PackedRecords): FilterRecord[] {
  const records: FilterRecord[] = [];
  let slot = 0;
  const take = (): Uint8Array | null => {
    const start = layout[slot++] as number;
    const length = layout[slot++] as number;
    return length < 0 ? null : new Uint8Array(bytes, start, length);
  };
  for (let i = 0; i < count; i++) {
    const key = take();
    const value = take();
    const headerCount = layout[slot++] as number;
    const headers: [Uint8Array, Uint8Array | null][] = [];
    for (let h = 0; h < headerCount; h++) headers.push([take() ?? new Uint8Array(0), take()]);
    records.push({ key, value, headers });
  }
  return records;
}
