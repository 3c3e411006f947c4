import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a mistyped `input` by edit distance (Levenshtein), or undefined when none
 * is close enough to be what the person meant: at most one edit per three characters, and at least
 * one (`partitons` → `partitions`, `descibe` → `describe`, `ls` → nothing).
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const allowed = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** `; did you mean X?` for a mistyped value, or '' when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[], show = (s: string) => s): string {
  const match = closestMatch(input, candidates);
  return match === undefined ? '' : `; did you mean ${show(match)}?`;
}
