import type { Total, TotalUnit } from '@weir/api';

/** One part of a sum: its value, or null with the reason it is unknown. */
export type Part = { value: number; reason?: undefined } | { value: null; reason: string };

const REASONS_SHOWN = 3;

/**
 * Sums parts into a {@link Total}: complete when every part is known, partial (a lower bound over
 * the known parts) when some are not, unknown (value null) when none is. Zero parts sum to a
 * complete 0: a group with no partitions has no lag.
 */
export function sumParts(parts: Part[], unit: TotalUnit): Total {
  let value = 0;
  let known = 0;
  const reasons: string[] = [];
  for (const part of parts) {
    if (part.value === null) {
      if (!reasons.includes(part.reason)) reasons.push(part.reason);
    } else {
      value += part.value;
      known += 1;
    }
  }
  const unknownParts = parts.length - known;
  const shown = reasons.slice(0, REASONS_SHOWN).join('; ');
  return {
    value: known === 0 && unknownParts > 0 ? null : value,
    complete: unknownParts === 0,
    parts: parts.length,
    unknownParts,
    unit,
    reason:
      reasons.length === 0
        ? null
        : reasons.length > REASONS_SHOWN
          ? `${shown}; and ${reasons.length - REASONS_SHOWN} more`
          : shown,
  };
}

/** A total that cannot be computed at all: which parts exist is itself unknown. */
export const unknownTotal = (unit: TotalUnit, reason: string): Total => ({
  value: null,
  complete: false,
  parts: 0,
  unknownParts: 0,
  unit,
  reason,
});

/**
 * Compares totals for a sort in `direction` (1 ascending, -1 descending): known and partial values
 * by value (a partial one by its lower bound), unknowns after them whatever the direction, so a
 * missing value never sorts as the smallest.
 */
export function compareTotals(a: Total, b: Total, direction: 1 | -1): number {
  if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
  return (a.value - b.value) * direction;
}
