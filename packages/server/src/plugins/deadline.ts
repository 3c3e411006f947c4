/**
 * How long one call into a serde (a decode or an encode, with its first build) may take before Weir
 * stops waiting (ms). It is longer than the longest schema-registry timeout the serdes plugin allows
 * (10 s), so a slow registry is the record's own error, and only a serde that never answers reaches it.
 */
export const SERDE_DEADLINE_MS = 15_000;

/** What `within` answers when the work did not finish in time. */
export const TIMED_OUT = Symbol('timed out');

/**
 * The work's answer, or TIMED_OUT once `ms` have passed: Weir stops waiting for a plugin that never
 * answers, so a page never hangs on it. It cannot stop a plugin's code; the work runs on, ignored.
 * A rejection of the work is passed through.
 */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
