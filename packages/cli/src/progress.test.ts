import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startProgress } from './progress.ts';

/** A stand-in for stderr that records what was written. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return {
    written,
    stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream,
  };
}

test('on a terminal progress is redrawn in place with \\r and the last line ends it', () => {
  const { written, stream: tty } = stream(true);
  const progress = startProgress(tty);
  progress.update('scanned 1,000, matched 1');
  progress.update('scanned 2,000, matched 1');
  progress.done('scanned 2,500, matched 1: stopped (end)');
  assert.deepEqual(written, [
    '\rscanned 1,000, matched 1\x1b[K',
    '\rscanned 2,000, matched 1\x1b[K',
    '\rscanned 2,500, matched 1: stopped (end)\x1b[K\n',
  ]);
});

test('elsewhere (a pipe, a log) progress is a plain line at most every 5 s, never a \\r', () => {
  const { written, stream: pipe } = stream(false);
  let now = 0;
  const progress = startProgress(pipe, () => now);
  progress.update('scanned 10');
  now = 4_999;
  progress.update('scanned 20');
  now = 5_000;
  progress.update('scanned 30');
  progress.done('scanned 40: stopped (end)');
  assert.deepEqual(written, ['scanned 30\n', 'scanned 40: stopped (end)\n']);
});
