import type { DisplayTimeZone, Freshness } from '@weir/api';
import { ApiProblem } from '@weir/api/client';
import { formatDuration, formatTimestamp } from '@weir/api/display';
import type { Flags, Values } from './args.ts';
import { CliError } from './errors.ts';

/** Flags every command that reads from Weir takes: where, as whom, and how to print. */
export const SESSION_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  utc: { type: 'boolean' },
  local: { type: 'boolean' },
} as const satisfies Flags;

/** How a command prints: JSON or tables, and the zone its timestamps are shown in. */
export interface Output {
  json: boolean;
  zone: DisplayTimeZone;
}

const ZONES: readonly DisplayTimeZone[] = ['utc', 'local'];

/**
 * The output choices from the flags: `--json`; `--utc` or `--local`, else `$WEIR_TIME_ZONE` (utc or
 * local), else UTC, so times copied from a terminal read the same on every machine.
 * @throws CliError (exit 2) for both zone flags at once or another WEIR_TIME_ZONE.
 */
export function outputOf(values: Values, env: NodeJS.ProcessEnv = process.env): Output {
  if (values.utc && values.local) throw new CliError('Choose one of --utc and --local.');
  const fromEnv = env.WEIR_TIME_ZONE?.trim().toLowerCase();
  if (fromEnv && !ZONES.includes(fromEnv as DisplayTimeZone))
    throw new CliError(`WEIR_TIME_ZONE must be utc or local; got "${env.WEIR_TIME_ZONE}".`);
  const zone: DisplayTimeZone = values.utc
    ? 'utc'
    : values.local
      ? 'local'
      : ((fromEnv as DisplayTimeZone) ?? 'utc');
  return { json: Boolean(values.json), zone };
}

/** An ISO date-time from the API in the chosen zone, `–` when absent. */
export const showTime = (output: Output, iso: string | null | undefined): string =>
  formatTimestamp(iso ? Date.parse(iso) : null, output.zone);

/**
 * What `--json` prints for every list command: the items as the API types them, how many there
 * are in all (across pages, where the API pages), and the data's age where the API gave one.
 */
export interface ListJson<Item> {
  items: Item[];
  total: number;
  freshness?: Freshness;
}

/** Prints JSON with --json, else the table; a read's data age goes to stderr (see {@link printFreshness}). */
export function print(output: Output, data: unknown, table: () => string, freshness?: Freshness): void {
  console.log(output.json ? JSON.stringify(data, null, 2) : table());
  if (freshness) printFreshness(freshness);
}

/** A list command's answer: `{ items, total, freshness? }` with --json, else the table. */
export function printList<Item>(output: Output, list: ListJson<Item>, table: () => string): void {
  const { freshness, ...rest } = list;
  print(output, freshness ? { ...rest, freshness } : rest, table, freshness);
}

/**
 * `data from 12 s ago` (or `… 2 minutes 5 seconds ago`), then whether it is stale or partial:
 * the age of a read-model answer, on stderr so stdout stays the data alone.
 */
export function describeFreshness(freshness: Freshness): string {
  const seconds = Math.max(0, Math.round(freshness.ageMs / 1000));
  const age = seconds < 60 ? `${seconds} s` : formatDuration(seconds * 1000);
  const stale = freshness.stale
    ? `; STALE: the last refresh failed (${freshness.refreshError ?? 'unknown error'})`
    : '';
  const parts = Object.keys(freshness.partErrors);
  const partial = freshness.partial
    ? `; partial: ${parts.length ? parts.join(', ') : 'some parts'} could not be read`
    : '';
  return `data from ${age} ago${stale}${partial}; --refresh reads the cluster now`;
}

/** Writes {@link describeFreshness} to stderr. */
export function printFreshness(freshness: Freshness): void {
  process.stderr.write(`${describeFreshness(freshness)}\n`);
}

/** `{"error": {…}}`, as stderr carries an error under --json. */
export interface ErrorJson {
  error: { status: number | null; title: string; detail: string; problems: string[] };
}

/**
 * An error as JSON: an API problem keeps its status, title, detail and problems; a usage error
 * (exit 2) or a failure the CLI found itself (exit 1) has status null.
 */
export function errorJson(error: unknown): ErrorJson {
  const problem = error instanceof CliError && error.problem ? error.problem : error;
  if (problem instanceof ApiProblem)
    return {
      error: {
        status: problem.status,
        title: problem.title,
        detail: problem.detail,
        problems: problem.problems,
      },
    };
  if (error instanceof CliError)
    return {
      error: {
        status: null,
        title: error.exitCode === 2 ? 'Bad usage' : 'Failed',
        detail: error.message,
        problems: [],
      },
    };
  return {
    error: {
      status: null,
      title: 'Failed',
      detail: error instanceof Error ? error.message : String(error),
      problems: [],
    },
  };
}
