import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Freshness } from '@weir/api';
import { ApiProblem } from '@weir/api/client';
import { CliError } from './errors.ts';
import { describeFreshness, errorJson, outputOf } from './output.ts';

const freshness = (overrides: Partial<Freshness> = {}): Freshness => ({
  takenAt: '2026-12-02T03:04:05.000Z',
  ageMs: 12_400,
  stale: false,
  refreshError: null,
  partial: false,
  partErrors: {},
  ...overrides,
});

test('timestamps are UTC unless --local, or WEIR_TIME_ZONE=local without a flag; a bad zone is refused', () => {
  assert.deepEqual(outputOf({}, {}), { json: false, zone: 'utc' });
  assert.deepEqual(outputOf({ local: true, json: true }, {}), { json: true, zone: 'local' });
  assert.equal(outputOf({}, { WEIR_TIME_ZONE: 'Local' }).zone, 'local');
  assert.equal(outputOf({ utc: true }, { WEIR_TIME_ZONE: 'local' }).zone, 'utc');
  assert.throws(
    () => outputOf({}, { WEIR_TIME_ZONE: 'Europe/Paris' }),
    /WEIR_TIME_ZONE must be utc or local/,
  );
  assert.throws(() => outputOf({ utc: true, local: true }, {}), /Choose one of --utc and --local/);
});

test('the data age line says how old, and whether the data is stale or partial', () => {
  assert.equal(describeFreshness(freshness()), 'data from 12 s ago; --refresh reads the cluster now');
  assert.equal(
    describeFreshness(freshness({ ageMs: 125_000 })),
    'data from 2 minutes 5 seconds ago; --refresh reads the cluster now',
  );
  assert.equal(
    describeFreshness(
      freshness({
        stale: true,
        refreshError: 'broker 1 did not answer',
        partial: true,
        partErrors: { 'offsets@broker3': 'timeout' },
      }),
    ),
    'data from 12 s ago; STALE: the last refresh failed (broker 1 did not answer); partial: offsets@broker3 could not be read; --refresh reads the cluster now',
  );
});

test('errors as JSON keep an API problem whole; usage errors have no status', () => {
  const problem = new ApiProblem({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: '"bad name" cannot be a topic name.',
    problems: ['name: contains " "'],
  });
  assert.deepEqual(errorJson(problem), {
    error: {
      status: 400,
      title: 'Bad Request',
      detail: '"bad name" cannot be a topic name.',
      problems: ['name: contains " "'],
    },
  });
  assert.deepEqual(errorJson(new CliError('wrapped', 1, problem)).error.status, 400);
  assert.deepEqual(errorJson(new CliError('--sort must be name or size; got "x"')), {
    error: { status: null, title: 'Bad usage', detail: '--sort must be name or size; got "x"', problems: [] },
  });
  assert.equal(errorJson(new CliError('Cannot reach Weir', 1)).error.title, 'Failed');
});
