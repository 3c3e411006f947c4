import type { SearchCoverage } from '@weir/api';
import type { ScannedRange } from './message-scan.ts';

/** A partition's log start and end offsets when the search began. */
export interface Bounds {
  logStart: number;
  end: number;
}

/**
 * What a search covered, for its end event: per partition the range it was to read and the records
 * it examined, and the offsets in those ranges and in the partitions, summed. The sums are offsets,
 * so they are estimates where offsets have gaps: a compacted topic, or gaps the scan met (transaction
 * markers, aborted records).
 */
export function coverage(
  start: SearchCoverage['start'],
  covered: ScannedRange[],
  bounds: Map<number, Bounds>,
  compacted: boolean,
): SearchCoverage {
  const sum = (values: (number | null)[]) =>
    values.some((v) => v === null) ? null : values.reduce<number>((total, v) => total + (v ?? 0), 0);
  return {
    start,
    partitions: covered.map((r) => ({
      partition: r.partition,
      logStart: bounds.get(r.partition)?.logStart ?? null,
      from: r.from,
      to: r.to,
      scanned: r.scanned,
    })),
    scanned: covered.reduce((total, r) => total + r.scanned, 0),
    inRange: sum(covered.map((r) => (r.to === null ? null : Math.max(0, r.to - r.from)))),
    total: sum(
      covered.map((r) => {
        const b = bounds.get(r.partition);
        return b ? Math.max(0, b.end - b.logStart) : null;
      }),
    ),
    estimated: compacted || covered.some((r) => r.scanned < r.position - r.from),
  };
}
