import vm from 'node:vm';
import type { FetchedRecord } from '@weir/kafka';
import { InputError } from '../errors.ts';
import type { MessageFilter } from './messages.types.ts';

export const FILTER_TARGETS = [
  'key',
  'value',
  'header',
] as const satisfies readonly MessageFilter['target'][];
export const FILTER_MATCHES = [
  'contains',
  'equals',
  'regex',
  'jsonPath',
] as const satisfies readonly MessageFilter['match'][];

/** A filter as the matcher takes it: a key looked up as base64 or hex is compared as exact bytes. */
export type MatcherFilter = MessageFilter & { bytes?: Buffer };

/** Thrown when regex filters outlive the time left: the scan stops there and says so. */
export class RegexTimeoutError extends Error {}

const MAX_PATTERN_LENGTH = 500;
type PathStep = string | number;
type Test = (bytes: Buffer | null) => boolean;

/**
 * All filters must hold. Byte comparisons run inline; regexes run in a V8 sandbox context over a
 * whole batch, which a timeout can interrupt, so no pattern can hang the server.
 */
export class MessageMatcher {
  readonly #inline: ((record: FetchedRecord) => boolean)[] = [];
  readonly #regexes: { read: (record: FetchedRecord) => Buffer | null; regex: RegExp }[] = [];
  readonly #context = vm.createContext({ regexes: [] as RegExp[], texts: [] as (string | null)[][] });
  static readonly #script = new vm.Script(
    'texts.map((column, i) => column.map((text) => text !== null && regexes[i].test(text)))',
  );

  constructor(filters: MatcherFilter[]) {
    filters.forEach((filter, index) => {
      const where = `filters[${index}]`;
      const read = reader(filter, where);
      if (filter.match === 'regex') this.#regexes.push({ read, regex: compileRegex(filter, where) });
      else {
        const test = inlineTest(filter, where);
        this.#inline.push((record) => test(read(record)));
      }
    });
  }

  get isEmpty(): boolean {
    return this.#inline.length === 0 && this.#regexes.length === 0;
  }

  /** The records that match, in order. */
  select(records: FetchedRecord[], timeLeftMs: number): FetchedRecord[] {
    const candidates = this.#inline.length
      ? records.filter((record) => this.#inline.every((test) => test(record)))
      : records;
    if (this.#regexes.length === 0 || candidates.length === 0) return candidates;
    this.#context.regexes = this.#regexes.map((r) => r.regex);
    this.#context.texts = this.#regexes.map((r) =>
      candidates.map((record) => r.read(record)?.toString('utf8') ?? null),
    );
    let verdicts: boolean[][];
    try {
      verdicts = MessageMatcher.#script.runInContext(this.#context, {
        timeout: Math.max(1, Math.floor(timeLeftMs)),
      }) as boolean[][];
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        throw new RegexTimeoutError('The regex filters used up the time budget');
      throw error;
    }
    return candidates.filter((_, i) => verdicts.every((column) => column[i]));
  }
}

function reader(filter: MatcherFilter, where: string): (record: FetchedRecord) => Buffer | null {
  if (filter.target === 'key') return (record) => record.key;
  if (filter.target === 'value') return (record) => record.value;
  const name = filter.header;
  if (!name) throw new InputError(`${where}: a header filter needs "header", the header's name.`);
  const wanted = Buffer.from(name);
  return (record) => record.headers.find(([key]) => key.equals(wanted))?.[1] ?? null;
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
  const wanted = filter.bytes ?? Buffer.from(filter.value);
  return filter.match === 'equals'
    ? (bytes) => bytes?.equals(wanted) === true
    : (bytes) => bytes !== null && bytes.indexOf(wanted) !== -1;
}

function compileRegex(filter: MatcherFilter, where: string): RegExp {
  if (filter.value.length > MAX_PATTERN_LENGTH)
    throw new InputError(`${where}: the regex is longer than ${MAX_PATTERN_LENGTH} characters.`);
  const risk = runawayRisk(filter.value);
  if (risk)
    throw new InputError(
      `${where}: the regex ${JSON.stringify(filter.value)} could run away (${risk}); rewrite it without that, or use "contains".`,
    );
  try {
    return new RegExp(filter.value, filter.ignoreCase ? 'iu' : 'u');
  } catch (error) {
    throw new InputError(`${where}: ${(error as Error).message}`);
  }
}

/**
 * Catches the shapes behind catastrophic backtracking: a quantified group that itself holds a
 * quantifier (`(a+)+`, `(\w*)*`), and backreferences. A heuristic; the sandbox timeout backs it up.
 */
export function runawayRisk(pattern: string): string | null {
  const groups: { quantified: boolean }[] = [];
  let lastClosedHadQuantifier = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return 'a backreference';
      i++;
      lastClosedHadQuantifier = false;
      continue;
    }
    if (char === '[') {
      // Skip a character class: quantifier characters inside it are literals.
      i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      lastClosedHadQuantifier = false;
      continue;
    }
    const isQuantifier =
      char === '*' || char === '+' || (char === '{' && /^\{\d+,\d*\}/.test(pattern.slice(i)));
    if (isQuantifier) {
      if (lastClosedHadQuantifier) return 'a repeated group that repeats inside';
      const current = groups.at(-1);
      if (current) current.quantified = true;
      lastClosedHadQuantifier = false;
      continue;
    }
    if (char === '(') {
      groups.push({ quantified: false });
      lastClosedHadQuantifier = false;
      continue;
    }
    if (char === ')') {
      const closed = groups.pop();
      lastClosedHadQuantifier = closed?.quantified ?? false;
      const parent = groups.at(-1);
      if (parent && closed?.quantified) parent.quantified = true;
      continue;
    }
    if (char !== '?') lastClosedHadQuantifier = false;
  }
  return null;
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
