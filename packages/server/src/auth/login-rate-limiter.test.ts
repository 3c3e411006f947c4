import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LOGIN_THROTTLE, LoginRateLimiter, type LoginThrottlePolicy } from './login-rate-limiter.ts';

const policy: LoginThrottlePolicy = {
  perUserAndAddress: { freeFailures: 3 },
  perUser: { freeFailures: 10 },
  perAddress: { freeFailures: 100 },
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  forgetAfterMs: 3_600_000,
};

const alice = { username: 'alice', ip: '10.1.1.1' };

/** Fails as soon as allowed, `times` times, and returns the wait imposed after each failure. */
function failAsSoonAsAllowed(limiter: LoginRateLimiter, attempt: typeof alice, times: number, start = 0) {
  let now = start;
  const waits: number[] = [];
  for (let i = 0; i < times; i += 1) {
    now += limiter.waitMs(attempt, now);
    limiter.recordFailure(attempt, now);
    waits.push(limiter.waitMs(attempt, now));
  }
  return { waits, now };
}

test("one user's repeated failures from one address wait longer each time, doubling up to the cap", () => {
  const { waits } = failAsSoonAsAllowed(new LoginRateLimiter(policy), alice, 12);
  assert.deepEqual(waits, [0, 0, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
});

test('the wait counts from the last failure and runs out', () => {
  const limiter = new LoginRateLimiter(policy);
  const { now } = failAsSoonAsAllowed(limiter, alice, 5);
  assert.equal(limiter.waitMs(alice, now), 4000);
  assert.equal(limiter.waitMs(alice, now + 1500), 2500);
  assert.equal(limiter.waitMs(alice, now + 4000), 0);
});

test('user names are one account whatever their case', () => {
  const limiter = new LoginRateLimiter(policy);
  failAsSoonAsAllowed(limiter, alice, 3);
  assert.equal(limiter.waitMs({ username: 'ALICE', ip: alice.ip }, 0), 1000);
});

test("another user behind the same address is not held back by one user's failures", () => {
  const limiter = new LoginRateLimiter(policy);
  failAsSoonAsAllowed(limiter, alice, 30);
  assert.equal(limiter.waitMs({ username: 'bob', ip: alice.ip }, 0), 0);
});

test('guesses against one user from many addresses are throttled per user', () => {
  const limiter = new LoginRateLimiter(policy);
  for (let i = 0; i < 10; i += 1) limiter.recordFailure({ username: 'admin', ip: `10.0.0.${i}` }, 0);
  assert.equal(limiter.waitMs({ username: 'admin', ip: '10.9.9.9' }, 0), 1000);
  assert.equal(limiter.waitMs({ username: 'carol', ip: '10.0.0.1' }, 0), 0);
});

test('a spray over many users from one address meets the much higher per-address ceiling', () => {
  const limiter = new LoginRateLimiter(policy);
  for (let i = 0; i < 99; i += 1) limiter.recordFailure({ username: `user-${i}`, ip: '10.2.2.2' }, 0);
  assert.equal(limiter.waitMs({ username: 'dave', ip: '10.2.2.2' }, 0), 0);
  limiter.recordFailure({ username: 'user-99', ip: '10.2.2.2' }, 0);
  assert.equal(limiter.waitMs({ username: 'dave', ip: '10.2.2.2' }, 0), 1000);
  assert.equal(limiter.waitMs({ username: 'dave', ip: '10.3.3.3' }, 0), 0);
});

test("a correct login resets the user's counts, but not the address's", () => {
  const limiter = new LoginRateLimiter({ ...policy, perAddress: { freeFailures: 5 } });
  const { now } = failAsSoonAsAllowed(limiter, alice, 5);
  limiter.recordSuccess(alice);
  assert.equal(limiter.waitMs({ ...alice, ip: '10.7.7.7' }, now), 0);
  // The five failures still count for the address they came from.
  assert.equal(limiter.waitMs(alice, now), 1000);
});

test('a scope quiet for forgetAfterMs starts again from zero', () => {
  const limiter = new LoginRateLimiter(policy);
  const { now } = failAsSoonAsAllowed(limiter, alice, 8);
  const later = now + policy.forgetAfterMs;
  assert.equal(limiter.waitMs(alice, later), 0);
  limiter.recordFailure(alice, later);
  assert.equal(limiter.waitMs(alice, later), 0);
});

test('the default policy follows NIST SP 800-63B: 100 failures against one account take most of a day', () => {
  const limiter = new LoginRateLimiter(DEFAULT_LOGIN_THROTTLE);
  const { now } = failAsSoonAsAllowed(limiter, alice, 100);
  assert.ok(now > 20 * 3_600_000, `${(now / 3_600_000).toFixed(1)} h`);
  assert.equal(limiter.waitMs(alice, now), DEFAULT_LOGIN_THROTTLE.maxDelayMs);
});
