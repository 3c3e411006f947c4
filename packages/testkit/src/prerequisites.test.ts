import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertJavaAndMaven } from './prerequisites.ts';

test('without java and mvn on the PATH the harness fails with one line saying what to install', () => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    assert.throws(assertJavaAndMaven, (error: Error) => {
      assert.equal(
        error.message,
        'The Kafka harness needs Java 17 (apt-get install openjdk-17-jre-headless) and Maven (apt-get install maven): install it and run again.',
      );
      assert.equal(error.message.includes('\n'), false);
      return true;
    });
  } finally {
    process.env.PATH = path;
  }
});
