import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEY_PARTITIONERS } from '@weir/api';
import { KEY_PARTITIONERS as COMPUTED_PARTITIONERS } from '@weir/kafka';
import { InputError } from '../errors.ts';
import { MessagesService } from './messages.service.ts';

// The name is checked before any cluster is asked: dependencies that fail on use prove it.
const untouchable = new Proxy({} as never, {
  get: (_, property) => {
    throw new Error(`the cluster was asked for ${String(property)}`);
  },
});
const service = new MessagesService({
  connections: untouchable,
  changes: untouchable,
  filters: untouchable,
  serdes: untouchable,
});
const actor = { userId: 'u', username: 'u', address: '127.0.0.1' } as never;

for (const name of ['.', '..', 'x'.repeat(250), 'a/b', 'bad name', '']) {
  test(`every message operation refuses the topic name ${JSON.stringify(name.slice(0, 12))} with Kafka's rule`, async () => {
    const calls = [
      () =>
        service.browse('c', name, {
          from: 'oldest',
          limit: 1,
          maxValueBytes: 16,
          isolation: 'read_committed',
        }),
      () =>
        service.search(
          'c',
          name,
          {
            filters: [],
            maxScanned: 1,
            maxMs: 100,
            maxMatches: 1,
            maxValueBytes: 16,
            isolation: 'read_committed',
          },
          actor,
          () => undefined,
        ),
      () =>
        service.produce(
          'c',
          name,
          { messages: [{ value: 'v' }], keyEncoding: 'text', valueEncoding: 'text', compression: 'none' },
          actor,
        ),
    ];
    for (const call of calls) {
      await assert.rejects(call(), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.match(error.message, /cannot be a Kafka topic name/);
        assert.match(error.problems.join(' '), /reserved|at most 249|use only letters, digits|is empty/);
        return true;
      });
    }
  });
}

test('the API offers exactly the partitioners the kafka package computes', () => {
  assert.deepEqual([...KEY_PARTITIONERS], [...COMPUTED_PARTITIONERS]);
});
