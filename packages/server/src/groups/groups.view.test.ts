import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aSnapshot, total } from '../clusters/snapshot.fixtures.ts';
import { lagOf, summarizeGroups } from './groups.view.ts';

test('lag: end minus committed, never negative, unknown for an offline partition, totals partial', () => {
  assert.deepEqual(lagOf(aSnapshot(), 'billing'), [
    { topic: 'orders', partition: 0, committedOffset: 100, endOffset: 110, lag: 10, lagUnknownReason: null },
    { topic: 'orders', partition: 1, committedOffset: 60, endOffset: 50, lag: 0, lagUnknownReason: null },
    {
      topic: 'orders',
      partition: 2,
      committedOffset: 5,
      endOffset: null,
      lag: null,
      lagUnknownReason: 'end offset unknown: the partition has no leader (offline)',
    },
  ]);
  const [billing, old] = summarizeGroups(aSnapshot());
  assert.deepEqual(
    billing?.totalLag,
    total(10, 3, 1, 'partition', 'end offset unknown: the partition has no leader (offline)'),
  );
  assert.deepEqual(billing?.topics, ['orders']);
  assert.deepEqual(old?.totalLag, total(0, 0, 0, 'partition', null));
  assert.equal(summarizeGroups(aSnapshot({ committed: null }))[0]?.totalLag.value, null);
});

test('lag: a member assigned partitions it never committed relates the group to the topic, lag unknown', () => {
  const snapshot = aSnapshot({
    descriptions: new Map([
      [
        'old',
        {
          groupId: 'old',
          state: 'Stable',
          protocolType: 'consumer',
          protocol: 'range',
          members: [
            {
              memberId: 'm1',
              groupInstanceId: null,
              clientId: 'c',
              host: 'h',
              assignment: [
                { topic: 'Audit', partition: 0 },
                { topic: 'orders', partition: 1 },
              ],
            },
          ],
        },
      ],
    ]),
    committed: new Map([['old', [{ topic: 'orders', partition: 1, offset: 20, metadata: null }]]]),
  });
  const old = summarizeGroups(snapshot).find((g) => g.groupId === 'old')!;
  assert.equal(old.state, 'Stable');
  assert.deepEqual(old.topics, ['Audit', 'orders']);
  assert.equal(old.partitions, 2);
  assert.deepEqual(
    old.totalLag,
    total(30, 2, 1, 'partition', 'no committed offset on this partition (Kafka\'s tool shows "-")'),
  );
  assert.equal(lagOf(snapshot, 'old')[0]?.committedOffset, null);
});

test('groups: a group whose coordinator failed has an unknown lag naming why, others are unaffected', () => {
  const snapshot = aSnapshot({
    committed: new Map(),
    groupErrors: new Map([['billing', 'broker 3 (c:9092) did not answer OffsetFetch within 10000 ms']]),
  });
  const [billing, old] = summarizeGroups(snapshot);
  assert.equal(billing?.totalLag.value, null);
  assert.match(billing?.totalLag.reason ?? '', /broker 3/);
  assert.equal(billing?.error, 'broker 3 (c:9092) did not answer OffsetFetch within 10000 ms');
  assert.deepEqual(old?.totalLag, total(0, 0, 0, 'partition', null));
});
