import type { MessageFilter } from '@weir/api';
import { RE2JS, RE2JSException } from 're2js';
import { InputError } from '../errors.ts';

/** A filter as the matcher takes it: a key looked up as base64 or hex is compared as exact bytes. */
export type MatcherFilter = MessageFilter & { bytes?: Uint8Array };

/** The parts of a record that filters read; what crosses to a filter worker. */
export interface FilterRecord {
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: [Uint8Array, Uint8Array | null][];
}

/** True when a record passes every filter. */
export type RecordPredicate = (record: FilterRecord) => boolean;

const MAX_PATTERN_LENGTH = 500;
/** Said with every pattern RE2 refuses, so the user knows what to write instead. */
export const RE2_SUPPORT =
  'Patterns use RE2 syntax (https://github.com/google/re2/wiki/Syntax), which always runs in linear time: ' +
  'classes, alternation, repetition (up to {1000}), groups ((…), (?:…), (?P<name>…) or (?<name>…)), ' +
  'anchors, \\b, \\d, \\w, \\s, \\p{L} and flags such as (?i) are supported; backreferences (\\1, \\k<name>) ' +
  'and lookaround ((?=…), (?!…), (?<=…), (?<!…)) are not';

type PathStep = string | number;
type Test = (bytes: Buffer | null) => boolean;

const asBuffer = (bytes: Uint8Array | null): Buffer | null =>
  bytes === null
    ? null
    : Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

/**
 * Compiles filters into one predicate (all must hold). Regexes compile with RE2 (re2js), whose
 * matching time is linear in the input, so no pattern can backtrack exponentially. Pure: the same
 * call validates a search's filters on the request thread and builds them again in a filter worker.
 * @throws InputError naming the filter (`filters[i]`) and the fix, for a filter that cannot be used.
 */
export function compileFilters(filters: MatcherFilter[]): RecordPredicate {
  const tests = filters.map((filter, index) => {
    const where = `filters[${index}]`;
    const read = reader(filter, where);
    const test = filter.match === 'regex' ? regexTest(filter, where) : inlineTest(filter, where);
    return (record: FilterRecord) => test(read(record));
  });
  return (record) => tests.every((test) => test(record));
}

/** Only the fields the filters read, so a worker is not sent bytes it never looks at. */
export function filterFields(filters: MatcherFilter[]): { key: boolean; value: boolean; headers: boolean } {
  return {
    key: filters.some((f) => f.target === 'key'),
    value: filters.some((f) => f.target === 'value'),
    headers: filters.some((f) => f.target === 'header'),
  };
}

function reader(filter: MatcherFilter, where: string): (record: FilterRecord) => Buffer | null {
  if (filter.target === 'key') return (record) => asBuffer(record.key);
  if (filter.target === 'value') return (record) => asBuffer(record.value);
  const name = filter.header;
  if (!name) throw new InputError(`${where}: a header filter needs "header", the header's name.`);
  const wanted = Buffer.from(name);
  return (record) => asBuffer(record.headers.find(([key]) => wanted.equals(key))?.[1] ?? null);
}

function inlineTest(filter: MatcherFilter, where: string): Test {
  if (filter.match === 'jsonPath') {
    if (!filter.path) throw new InputError(`${where}: a jsonPath filter needs "path", e.g. "$.order.id".`);
    const steps = parseJsonPath(filter.path, where);
    return (bytes) => bytes !== null && jsonPathEquals(bytes, steps, filter.value);
  }
  if (filter.ignoreCase) {
    const wanted = filter.value.toLowerCase();
    return filter.match === 'equals'
      ? (bytes) => bytes?.toString('utf8').toLowerCase() === wanted
      : (bytes) => bytes?.toString('utf8').toLowerCase().includes(wanted) === true;
  }
  const wanted = filter.bytes ? Buffer.from(filter.bytes) : Buffer.from(filter.value);
  return filter.match === 'equals'
    ? (bytes) => bytes?.equals(wanted) === true
    : (bytes) => bytes !== null && bytes.indexOf(wanted) !== -1;
}

function regexTest(filter: MatcherFilter, where: string): Test {
  const regex = compileRegex(filter.value, filter.ignoreCase === true, where);
  // RE2 reads the bytes as UTF-8 directly; invalid sequences match as U+FFFD, as in a decoded string.
  return (bytes) => bytes !== null && regex.test(bytes);
}

/**
 * An RE2 pattern (searched anywhere in the text, like RegExp.test).
 * @throws InputError with RE2's reason and what RE2 supports, for a pattern it cannot compile.
 */
export function compileRegex(pattern: string, ignoreCase: boolean, where: string): RE2JS {
  if (pattern.length > MAX_PATTERN_LENGTH)
    throw new InputError(`${where}: the regex is longer than ${MAX_PATTERN_LENGTH} characters; shorten it.`);
  try {
    return RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    throw new InputError(
      `${where}: the regex ${JSON.stringify(pattern)} is not valid RE2 (${error.message}). ${RE2_SUPPORT}.`,
    );
  }
}

/** `$.a.b[0]['c d']` into steps; only what a filter needs (no wildcards, no slices). */
export function parseJsonPath(path: string, where: string): PathStep[] {
  if (!path.startsWith('$')) throw new InputError(`${where}: a JSON path starts with "$", e.g. "$.id".`);
  const steps: PathStep[] = [];
  const step = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let position = 1;
  while (position < path.length) {
    step.lastIndex = position;
    const found = step.exec(path);
    if (!found)
      throw new InputError(
        `${where}: cannot read the JSON path "${path}" at character ${position + 1}; use .name, [index] or ['name'].`,
      );
    steps.push(found[2] !== undefined ? Number(found[2]) : (found[1] ?? found[3] ?? found[4] ?? ''));
    position = step.lastIndex;
  }
  return steps;
}

function jsonPathEquals(bytes: Buffer, steps: PathStep[], expected: string): boolean {
  let node: unknown;
  try {
    node = JSON.parse(bytes.toString('utf8'));
  } catch {
    return false;
  }
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[step];
  }
  if (node === undefined) return false;
  return typeof node === 'string' ? node === expected : JSON.stringify(node) === expected;
}
