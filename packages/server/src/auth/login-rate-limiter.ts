/** How one scope of failed logins is throttled: free failures, then a doubling wait before each try. */
export interface BackoffRule {
  /** Failures allowed before any wait is imposed. */
  freeFailures: number;
}

/**
 * Login throttling, per scope. Each scope counts consecutive failures; once a scope has more than
 * its free failures, the next attempt must wait `baseDelayMs × 2^(failures − freeFailures)` after the
 * last failure, at most `maxDelayMs`.
 */
export interface LoginThrottlePolicy {
  /** One user name from one address: a person's typos, or guesses from one machine. */
  perUserAndAddress: BackoffRule;
  /** One user name from anywhere: guesses against one account spread over many addresses. */
  perUser: BackoffRule;
  /** One address for every user name: a spray over many accounts. High, since many people can share an address. */
  perAddress: BackoffRule;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A scope with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

/**
 * Weir's default policy, after NIST SP 800-63B §5.2.2 (rate limiting, "throttling"): limit the
 * failed attempts on one account, with a wait that grows after each failure rather than a lockout
 * an attacker could impose on the real user, and reset the count on a successful login. The OWASP
 * Authentication Cheat Sheet ("Login Throttling", "Account Lockout") likewise ties the counter to
 * the account, not only to the source address, which may be shared by many people.
 *
 * Three free tries per user and address, ten per user, a hundred per address; then 1 s, 2 s, 4 s, …
 * up to 15 minutes between tries. Guessing one password stays slow: after the first minutes, about
 * four guesses an hour, so NIST's ceiling of 100 consecutive failures on an account takes most of a
 * day.
 */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  perUserAndAddress: { freeFailures: 3 },
  perUser: { freeFailures: 10 },
  perAddress: { freeFailures: 100 },
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 24 * 60 * 60 * 1000,
};

/** Who is trying to log in: the user name as typed (case-insensitive) and the client address. */
export interface LoginAttempt {
  username: string;
  ip: string | null;
}

interface FailureCount {
  failures: number;
  lastFailureAt: number;
}

function scopeKeys(attempt: LoginAttempt) {
  const user = attempt.username.toLowerCase();
  const address = attempt.ip ?? 'unknown';
  return {
    userAndAddress: `user+ip:${user}\u0000${address}`,
    user: `user:${user}`,
    address: `ip:${address}`,
  };
}

/** Entries kept before forgotten ones are swept; bounds memory under a spray of user names. */
const SWEEP_THRESHOLD = 10_000;

/**
 * Counts failed logins per (user, address), per user and per address, and says how long the next
 * attempt must wait. In memory: with several instances each applies its own throttle, which still
 * bounds guessing.
 */
export class LoginRateLimiter {
  readonly #policy: LoginThrottlePolicy;
  readonly #counts = new Map<string, FailureCount>();

  constructor(policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE) {
    this.#policy = policy;
  }

  /** Milliseconds until `attempt` may be tried, 0 when it may be tried now. `now` in epoch ms. */
  waitMs(attempt: LoginAttempt, now: number): number {
    return Math.max(0, ...this.#scopes(attempt).map(([key, rule]) => this.#waitFor(key, rule, now)));
  }

  /** Records a failed attempt in every scope it belongs to. */
  recordFailure(attempt: LoginAttempt, now: number): void {
    for (const [key] of this.#scopes(attempt)) {
      const count = this.#live(key, now);
      this.#counts.set(key, { failures: (count?.failures ?? 0) + 1, lastFailureAt: now });
    }
    if (this.#counts.size > SWEEP_THRESHOLD) this.#sweep(now);
  }

  /**
   * A successful login clears the user's own counts. The address's count stays: a success by one
   * person must not hand a sprayer behind the same address a fresh allowance.
   */
  recordSuccess(attempt: LoginAttempt): void {
    const keys = scopeKeys(attempt);
    this.#counts.delete(keys.userAndAddress);
    this.#counts.delete(keys.user);
  }

  #scopes(attempt: LoginAttempt): [string, BackoffRule][] {
    const keys = scopeKeys(attempt);
    return [
      [keys.userAndAddress, this.#policy.perUserAndAddress],
      [keys.user, this.#policy.perUser],
      [keys.address, this.#policy.perAddress],
    ];
  }

  #live(key: string, now: number): FailureCount | undefined {
    const count = this.#counts.get(key);
    if (count && now - count.lastFailureAt >= this.#policy.forgetAfterMs) {
      this.#counts.delete(key);
      return undefined;
    }
    return count;
  }

  #waitFor(key: string, rule: BackoffRule, now: number): number {
    const count = this.#live(key, now);
    if (!count || count.failures < rule.freeFailures) return 0;
    const exponent = count.failures - rule.freeFailures;
    // 2^exponent overflows to Infinity long after it passes the cap; min() keeps it finite.
    const delay = Math.min(this.#policy.maxDelayMs, this.#policy.baseDelayMs * 2 ** exponent);
    return Math.max(0, count.lastFailureAt + delay - now);
  }

  #sweep(now: number): void {
    for (const key of this.#counts.keys()) this.#live(key, now);
  }
}
