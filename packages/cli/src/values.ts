import { CliError } from './errors.ts';
import { didYouMean } from './suggest.ts';

/** A whole number from a flag, or a message naming the flag. */
export function integer(value: string | boolean | string[] | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(number))
    throw new CliError(`--${flag} takes a whole number; got "${String(value)}".`, 2);
  return number;
}

/** `name=value` pairs from a repeatable flag. */
export function assignments(values: string[] | undefined, flag: string): [string, string][] {
  return (values ?? []).map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`--${flag} takes name=value; got "${pair}".`, 2);
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

/** Epoch milliseconds from a number or an ISO date-time. */
export function timestamp(value: string, flag: string): number {
  const millis = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(millis))
    throw new CliError(`--${flag}: "${value}" is neither epoch milliseconds nor an ISO date-time.`, 2);
  return millis;
}

/** `kind` or `kind:argument`, e.g. `offset:42`, `timestamp:2026-01-01T00:00:00Z`. */
export function tagged(
  value: string,
  flag: string,
  kinds: string[],
): { kind: string; argument: string | null } {
  const at = value.indexOf(':');
  const kind = at === -1 ? value : value.slice(0, at);
  if (!kinds.includes(kind))
    throw new CliError(
      `--${flag} is one of ${kinds.join(', ')}; got "${value}"${didYouMean(kind, kinds) || '.'}`,
      2,
    );
  return { kind, argument: at === -1 ? null : value.slice(at + 1) };
}
