export interface RateLimitPolicy {
  /** Failed attempts allowed inside the window before further attempts are refused. */
  maxFailures: number;
  windowMs: number;
}

/**
 * Counts failed logins per key (client address, username) in a fixed window. In memory: with several
 * instances each applies its own limit, which still bounds guessing.
 */
export class LoginRateLimiter {
  readonly #policy: RateLimitPolicy;
  readonly #failures = new Map<string, { count: number; windowStart: number }>();

  constructor(policy: RateLimitPolicy) {
    this.#policy = policy;
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string, now: number): number {
    const entry = this.#failures.get(key);
    if (!entry) return 0;
    const windowEnd = entry.windowStart + this.#policy.windowMs;
    if (now >= windowEnd) {
      this.#failures.delete(key);
      return 0;
    }
    return entry.count >= this.#policy.maxFailures ? Math.ceil((windowEnd - now) / 1000) : 0;
  }

  recordFailure(key: string, now: number): void {
    const entry = this.#failures.get(key);
    if (!entry || now >= entry.windowStart + this.#policy.windowMs) {
      this.#failures.set(key, { count: 1, windowStart: now });
      this.#prune(now);
    } else {
      entry.count += 1;
    }
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  /** Bounds memory under a spray of distinct keys. */
  #prune(now: number): void {
    if (this.#failures.size < 10_000) return;
    for (const [key, entry] of this.#failures) {
      if (now >= entry.windowStart + this.#policy.windowMs) this.#failures.delete(key);
    }
  }
}
