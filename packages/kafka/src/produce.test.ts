import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MultipleErrors, type Producer, ResponseError } from '@platformatic/kafka';
import { KafkaGatewayError } from './errors.ts';
import { produceRecords, type RecordToProduce } from './produce.ts';

// A producer standing in for the library: each send answers from a script, shaped as the library
// answers (offsets of the brokers that took their records; a ResponseError holding the refusing
// broker's per-partition answer). Under test is which records are sent again, never a broker.
type Send = (partitions: number[]) => { written: [number, number][]; refused?: [number, number][] };
function scriptedProducer(script: Send[]) {
  const sent: number[][] = [];
  const producer = {
    send: async (options: { messages: { partition: number }[] }) => {
      const partitions = options.messages.map((m) => m.partition);
      sent.push(partitions);
      const step = script[sent.length - 1] as Send;
      const { written, refused = [] } = step(partitions);
      const offsets = written.map(([partition, offset]) => ({
        topic: 't',
        partition,
        offset: BigInt(offset),
      }));
      if (refused.length === 0) return { offsets };
      const response = {
        responses: [
          {
            name: 't',
            partitionResponses: refused.map(([index, errorCode]) => ({ index, errorCode, baseOffset: -1n })),
          },
        ],
      };
      const errors: Record<string, [number, null]> = Object.fromEntries(
        refused.map(([, code], i) => [`/responses/0/partition_responses/${i}`, [code, null]]),
      );
      const error = new MultipleErrors('Producing messages failed.', [
        new ResponseError(0, 9, errors, response),
      ]);
      Object.assign(error, { produced: { offsets } });
      throw error;
    },
    clearMetadata: () => undefined,
    metadata: async () => ({
      topics: new Map([['t', { partitions: [{ leader: 1 }, { leader: 2 }, { leader: 3 }] }]]),
    }),
  } as unknown as Producer<Buffer, Buffer, Buffer, Buffer>;
  return { producer, sent };
}

const records = (partitions: number[]): RecordToProduce[] =>
  partitions.map((partition) => ({ partition, key: null, value: Buffer.from('v'), headers: [] }));
const fast = { attempts: 3, backoffMs: 1, maxBackoffMs: 1, withinMs: 5_000 };

test('only the partitions refused for leadership are sent again; written ones never are', async () => {
  const { producer, sent } = scriptedProducer([
    () => ({
      written: [[0, 10]],
      refused: [
        [1, 6],
        [2, 74],
      ],
    }),
    () => ({
      written: [
        [1, 20],
        [2, 30],
      ],
    }),
  ]);
  const batches = await produceRecords(producer, 't', records([0, 0, 1, 2]), 'none', fast);
  assert.deepEqual(sent, [
    [0, 0, 1, 2],
    [1, 2],
  ]);
  assert.deepEqual(batches, [
    { partition: 0, baseOffset: 10, count: 2 },
    { partition: 1, baseOffset: 20, count: 1 },
    { partition: 2, baseOffset: 30, count: 1 },
  ]);
});

test('a refusal of the records themselves is not retried and keeps the library error', async () => {
  const { producer, sent } = scriptedProducer([() => ({ written: [], refused: [[0, 10]] })]); // MESSAGE_TOO_LARGE
  await assert.rejects(produceRecords(producer, 't', records([0]), 'none', fast), MultipleErrors);
  assert.equal(sent.length, 1);
});

test('a partition still refused after the last attempt is named with its leader, and written ones are listed', async () => {
  const { producer, sent } = scriptedProducer([
    () => ({ written: [[0, 1]], refused: [[1, 6]] }),
    () => ({ written: [], refused: [[1, 6]] }),
    () => ({ written: [], refused: [[1, 6]] }),
  ]);
  await assert.rejects(produceRecords(producer, 't', records([0, 1]), 'none', fast), (error: unknown) => {
    assert.ok(error instanceof KafkaGatewayError);
    assert.match(
      error.message,
      /Produce to t failed after 3 attempts for partition 1 \(leader broker 2\): NOT_LEADER_OR_FOLLOWER \(6\)\. Partition 0 was written\./,
    );
    return true;
  });
  assert.deepEqual(sent, [[0, 1], [1], [1]]);
});
