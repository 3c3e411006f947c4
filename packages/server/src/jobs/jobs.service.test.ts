import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestStore, testStoreFactories } from '@weir/store/testing';
import { type JobHandler, JobsService } from './jobs.service.ts';

// The runner's own bookkeeping on a real (SQLite) store, with handlers written for the test: no cluster involved.
let handle: TestStore;
before(async () => {
  handle = await testStoreFactories[0]!.open();
});
after(() => handle.dispose());

const typesOf = async (jobs: JobsService, id: string) => (await jobs.get(id)).history.map((e) => e.type);

test('a step that keeps failing is retried, then fails the job; each attempt is in the history', async () => {
  const jobs = new JobsService(handle.store.jobs, { pollMs: 5 });
  let abandoned = false;
  const failing: JobHandler = {
    step: async () => {
      throw new Error('broker 2 is down');
    },
    cancel: async () => null,
    abandon: async (_job, history) => {
      abandoned = true;
      await history.record('throttle-removed', 'Cleaned up.');
    },
    describe: () => 'a job that cannot succeed.',
  };
  jobs.register('failing', failing);
  const started = await jobs.start('c1', 'failing', {}, null, 'alice');
  const done = await jobs.settled(started.id, 10_000);
  await jobs.stop();
  assert.equal(done.state, 'failed');
  assert.equal(done.error, 'broker 2 is down');
  assert.equal(abandoned, true);
  assert.deepEqual(
    done.history.map((e) => e.type),
    ['started', 'retrying', 'retrying', 'retrying', 'retrying', 'throttle-removed', 'failed'],
  );
  assert.equal(done.history[0]?.detail, 'Started by alice: a job that cannot succeed.');
  assert.equal(done.history[1]?.detail, 'A step failed (1/5); retrying: broker 2 is down');
  assert.equal(done.history.at(-1)?.detail, 'Failed: broker 2 is down');
});

test('a job left running by a stopped process is resumed once by the next, and logged as such', async () => {
  let steps = 0;
  const slow: JobHandler<unknown, { steps: number }> = {
    step: async (job, history) => {
      steps += 1;
      const progress = { steps: (job.progress?.steps ?? 0) + 1 };
      await history.record('step', `step ${progress.steps}`);
      return { progress, done: progress.steps >= 3 };
    },
    cancel: async (job) => job.progress ?? { steps: 0 },
    whereAt: (job) => `step ${job.progress?.steps ?? 0}`,
  };
  const first = new JobsService(handle.store.jobs, { pollMs: 60_000 });
  first.register('slow', slow);
  const started = await first.start('c1', 'slow', {}, { steps: 0 }, 'bob');
  // The first step runs at once; then the loop sleeps a minute, and the process stops.
  for (let i = 0; i < 100 && steps < 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  await first.stop();
  assert.deepEqual(await typesOf(first, started.id), ['started', 'step']);

  const second = new JobsService(handle.store.jobs, { pollMs: 5 });
  second.register('slow', slow);
  assert.equal(await second.resumeUnfinished(), 1);
  const done = await second.settled(started.id, 10_000);
  await second.stop();
  assert.equal(done.state, 'succeeded');
  assert.deepEqual(
    done.history.map((e) => [e.type, e.detail.replace(/saved at \S+\./, 'saved at T.')]),
    [
      ['started', 'Started by bob.'],
      ['step', 'step 1'],
      ['resumed', 'Resumed after a restart of Weir at step 1, from the progress saved at T.'],
      ['step', 'step 2'],
      ['step', 'step 3'],
      ['finished', 'Finished.'],
    ],
  );
});

test('cancelling: the request and the outcome are both in the history; a finished job cannot be cancelled', async () => {
  const jobs = new JobsService(handle.store.jobs, { pollMs: 60_000 });
  const waiting: JobHandler = {
    step: async () => ({ progress: { waiting: true }, done: false }),
    cancel: async (_job, history) => {
      await history.record('step', 'Rolled back.');
      return { cancelled: true };
    },
  };
  jobs.register('waiting', waiting);
  const started = await jobs.start('c1', 'waiting', {}, null, 'carol');
  await jobs.cancel(started.id, 'c1');
  const done = await jobs.settled(started.id, 10_000);
  assert.equal(done.state, 'cancelled');
  assert.deepEqual(done.history.map((e) => e.type).slice(-3), ['cancel-requested', 'step', 'cancelled']);
  await assert.rejects(jobs.cancel(started.id, 'c1'), /is cancelled; only a running job can be cancelled/);
  await jobs.stop();
});
