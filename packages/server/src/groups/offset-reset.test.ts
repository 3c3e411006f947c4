import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetTarget } from './offset-reset.ts';

const position = { committed: 40, start: 10, end: 100 };

test('earliest and latest are the log start and end', () => {
  assert.equal(resetTarget({ type: 'earliest' }, position), 10);
  assert.equal(resetTarget({ type: 'latest' }, position), 100);
});

test('a specific offset and a shift are clamped into the log, as kafka-consumer-groups does', () => {
  assert.equal(resetTarget({ type: 'offset', offset: 55 }, position), 55);
  assert.equal(resetTarget({ type: 'offset', offset: 5 }, position), 10);
  assert.equal(resetTarget({ type: 'offset', offset: 500 }, position), 100);
  assert.equal(resetTarget({ type: 'shift', by: -25 }, position), 15);
  assert.equal(resetTarget({ type: 'shift', by: -100 }, position), 10);
  assert.equal(resetTarget({ type: 'shift', by: 1000 }, position), 100);
  assert.equal(resetTarget({ type: 'shift', by: 5 }, { ...position, committed: null }), 15);
});

test('a timestamp after the last record resets to the end', () => {
  assert.equal(resetTarget({ type: 'timestamp', timestamp: 1 }, { ...position, atTimestamp: 70 }), 70);
  assert.equal(resetTarget({ type: 'timestamp', timestamp: 1 }, { ...position, atTimestamp: -1 }), 100);
});
