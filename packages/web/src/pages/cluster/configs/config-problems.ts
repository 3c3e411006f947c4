/**
 * A failed config preview or apply, split by row: the server words every per-key problem as
 * `key: what is wrong` (its own checks and Kafka's refusals alike), so each goes to the row of a key
 * that is in `keys`; the rest stay for the editor's general message.
 */
export function problemsByKey(
  problems: readonly string[],
  keys: readonly string[],
): { byKey: Record<string, string>; rest: string[] } {
  const byKey: Record<string, string> = {};
  const rest: string[] = [];
  // Longest first, so `retention.ms: …` is never taken for a key that is a prefix of another.
  const sorted = [...keys].sort((a, b) => b.length - a.length);
  for (const problem of problems) {
    const key = sorted.find((k) => problem.startsWith(`${k}: `));
    if (key === undefined) rest.push(problem);
    else
      byKey[key] = byKey[key]
        ? `${byKey[key]} ${problem.slice(key.length + 2)}`
        : problem.slice(key.length + 2);
  }
  return { byKey, rest };
}
