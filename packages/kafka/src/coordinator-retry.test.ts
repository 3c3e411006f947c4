import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Admin, ProtocolError } from '@platformatic/kafka';
import { withCoordinatorRetry } from './coordinator-retry.ts';
import { KafkaGatewayError } from './errors.ts';

const fast = { attempts: 4, backoffMs: 1, maxBackoffMs: 2, withinMs: 5_000 };
// Only asked when giving up, to name where the group lives now.
const admin = {
  findCoordinator: async () => [{ key: 'g', nodeId: 2, host: 'b2', port: 9092 }],
} as unknown as Admin;

/** Fails with Kafka's error `code` (as the library throws it) `times` times, then answers. */
function flaky(code: number, times: number) {
  let calls = 0;
  const work = async () => {
    calls++;
    if (calls <= times) throw new ProtocolError(code);
    return 'answer';
  };
  return { work, calls: () => calls };
}

test('NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS and COORDINATOR_NOT_AVAILABLE are retried until the new coordinator answers', async () => {
  for (const code of [16, 14, 15]) {
    const { work, calls } = flaky(code, 2);
    assert.equal(await withCoordinatorRetry(admin, 'OffsetFetch', ['g'], work, fast), 'answer');
    assert.equal(calls(), 3);
  }
});

test('other failures are not retried', async () => {
  const { work, calls } = flaky(69, 1); // GROUP_ID_NOT_FOUND
  await assert.rejects(withCoordinatorRetry(admin, 'DescribeGroups', ['g'], work, fast), ProtocolError);
  assert.equal(calls(), 1);
});

test('after the last attempt the error names the code, the attempts and the current coordinator', async () => {
  const { work, calls } = flaky(16, 10);
  await assert.rejects(withCoordinatorRetry(admin, 'OffsetCommit', ['g'], work, fast), (error: unknown) => {
    assert.ok(error instanceof KafkaGatewayError);
    assert.equal(error.coordinates.code, 16);
    assert.match(
      error.message,
      /OffsetCommit for group "g" failed: the group coordinator \(broker 2 \(b2:9092\) for "g"\) answered NOT_COORDINATOR \(16\) on each of 4 attempts/,
    );
    return true;
  });
  assert.equal(calls(), 4);
});
