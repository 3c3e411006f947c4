import { type Admin, FindCoordinatorKeyTypes } from '@platformatic/kafka';
import { KafkaGatewayError, kafkaErrorCodes } from './errors.ts';
import { backoffDelay, errorCodeName, type RetryPolicy, sleep } from './leader-requests.ts';

/**
 * Answers that mean "ask FindCoordinator again and retry": COORDINATOR_LOAD_IN_PROGRESS (14),
 * COORDINATOR_NOT_AVAILABLE (15) and NOT_COORDINATOR (16). Kafka's admin client retries these for
 * every group request (CoordinatorStrategy / AdminApiDriver), as right after a leader election of a
 * `__consumer_offsets` partition the old coordinator answers NOT_COORDINATOR and the new one is
 * still loading the group.
 */
export const COORDINATOR_ERROR_CODES: ReadonlySet<number> = new Set([14, 15, 16]);

/**
 * Kafka's backoff (100 ms growing to 1 s, KIP-580); eight attempts span about 4.5 s, within the
 * gateway's per-call deadline, long enough for a new coordinator to load a small offsets partition.
 */
export const COORDINATOR_RETRY: RetryPolicy = {
  attempts: 8,
  backoffMs: 100,
  maxBackoffMs: 1000,
  withinMs: 10_000,
};

/**
 * Runs a group request that looks its coordinator up afresh each time (the client library sends
 * FindCoordinator before every group request; ListGroups, whose brokers answer the same codes while
 * loading, passes no group ids) and re-runs it with backoff while Kafka answers a
 * coordinator error. Other failures are thrown at once.
 *
 * @param groupIds The groups asked about: when giving up, their current coordinators are named.
 * @throws KafkaGatewayError (kind `unreachable`, code and name of the last coordinator error) after
 *   the last attempt; any other error from `work` unchanged.
 */
export async function withCoordinatorRetry<T>(
  admin: Admin,
  api: string,
  groupIds: string[],
  work: () => Promise<T>,
  policy: RetryPolicy = COORDINATOR_RETRY,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = kafkaErrorCodes(error).find((c) => COORDINATOR_ERROR_CODES.has(c));
      if (code === undefined) throw error;
      const delay = backoffDelay(attempt, policy);
      if (attempt >= policy.attempts || Date.now() - started + delay > policy.withinMs) {
        // ListGroups asks every broker, not one group's coordinator: there is no group to name.
        const who = groupIds.length
          ? `${api} for group ${groupIds.map((g) => JSON.stringify(g)).join(', ')} failed: the group coordinator${await coordinatorsOf(admin, groupIds)}`
          : `${api} failed: a broker`;
        throw new KafkaGatewayError(
          'unreachable',
          `${who} answered ${errorCodeName(code)} on each of ${attempt} attempts, with FindCoordinator asked again before each; retry in a moment, or check the brokers hosting __consumer_offsets.`,
          { api, code, codeName: errorCodeName(code).split(' ')[0] },
          { cause: error },
        );
      }
      await sleep(delay);
    }
  }
}

/** ` (broker 2 for "g")`: where FindCoordinator says the groups live now, or nothing if it cannot say. */
async function coordinatorsOf(admin: Admin, groupIds: string[]): Promise<string> {
  try {
    const found = await admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: groupIds });
    const named = found.map((c) => `broker ${c.nodeId} (${c.host}:${c.port}) for ${JSON.stringify(c.key)}`);
    return named.length ? ` (${named.join(', ')})` : '';
  } catch (error) {
    return ` (FindCoordinator failed too: ${(error as Error).message})`;
  }
}
