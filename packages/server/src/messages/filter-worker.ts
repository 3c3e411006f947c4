import { parentPort } from 'node:worker_threads';
import { type PackedRecords, unpackRecords } from './filter-batch.ts';
import { compileFilters, type MatcherFilter, type RecordPredicate } from './message-filter.ts';

/** One batch for a filter worker: the search's filters and the records to test. */
export interface FilterTask {
  id: number;
  filters: MatcherFilter[];
  records: PackedRecords;
}

/** Which records passed, in order; or why the batch could not be filtered. */
export type FilterAnswer = { id: number; verdicts: boolean[] } | { id: number; error: string };

// A search sends the same filters with every batch; compiling them once per worker keeps each batch cheap.
const MAX_CACHED = 64;
const compiled = new Map<string, RecordPredicate>();

function predicateFor(filters: MatcherFilter[]): RecordPredicate {
  const cacheKey = JSON.stringify(filters);
  let predicate = compiled.get(cacheKey);
  if (!predicate) {
    predicate = compileFilters(filters);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(cacheKey, predicate);
  }
  return predicate;
}

parentPort?.on('message', (task: FilterTask) => {
  let answer: FilterAnswer;
  try {
    const predicate = predicateFor(task.filters);
    answer = { id: task.id, verdicts: unpackRecords(task.records).map(predicate) };
  } catch (error) {
    answer = { id: task.id, error: (error as Error).message };
  }
  parentPort?.postMessage(answer);
});
