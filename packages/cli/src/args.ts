import { parseArgs } from 'node:util';
import { CliError } from './errors.ts';
import { didYouMean } from './suggest.ts';

/** One flag of a command: Node's parseArgs option, plus `choices` for a flag with fixed values. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The only values the flag takes; listed in the help and in the error for any other value. */
  choices?: readonly string[];
}

/** A command's flags by long name (without `--`). */
export type Flags = Record<string, FlagSpec>;

/** Parsed flag values by long name: a string, a boolean, or a list for a repeatable flag. */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** Who is parsing, for messages: `weir topics`, and its subcommands when it has them. */
export interface CommandContext {
  /** The command's name after `weir`, e.g. `topics`. */
  command: string;
  /** Its subcommands (`list`, `describe`, …): the first positional must be one of them. */
  actions?: readonly string[];
}

/** One word of the command line as parseArgs tokenizes it (`option` tokens carry the flag). */
interface ArgToken {
  kind: 'option' | 'positional' | 'option-terminator';
  name?: string;
  rawName?: string;
  value?: string;
  inlineValue?: boolean;
}

/** `a or b`, `a, b or c`. */
const alternatives = (values: readonly string[]) =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

/** The help text with a closing list of every flag that takes fixed values, and those values. */
export function helpWithChoices(help: string, options: Flags): string {
  const enums = Object.entries(options).filter(([, spec]) => spec.choices?.length);
  if (enums.length === 0) return help;
  const width = Math.max(...enums.map(([name]) => name.length)) + 2;
  return `${help}\n\nFlags with fixed values:\n${enums
    .map(([name, spec]) => `  --${name.padEnd(width)} ${(spec.choices ?? []).join(', ')}`)
    .join('\n')}`;
}

/**
 * Node's parseArgs with Weir's own messages and a --help flag on every command:
 * - an unknown flag: `unknown flag --partitons for topics create; did you mean --partitions?`;
 * - a flag with `choices` and another value: `--sort must be name, …, or messages; got "sizes"; did you mean size?`;
 * - with `context.actions`, a missing subcommand prints the help and an unknown one is suggested.
 * `--help` prints the help (with the fixed values of each flag) and exits 0.
 *
 * @throws CliError (exit 2) for bad usage, naming the flag or subcommand and what would fit.
 */
export function parseCommandArgs(
  args: string[],
  options: Flags,
  help: string,
  context: CommandContext = { command: '' },
): { values: Values; positionals: string[]; action: string | undefined } {
  const flags: Flags = { ...options, help: { type: 'boolean', short: 'h' } };
  const fullHelp = helpWithChoices(help, options);
  const parseOptions = Object.fromEntries(
    Object.entries(flags).map(([name, { choices: _choices, ...spec }]) => [name, spec]),
  );
  let parsed: { values: Values; positionals: string[]; tokens: ArgToken[] };
  try {
    // Not strict: the tokens below give each refusal Weir's own words.
    parsed = parseArgs({
      args,
      options: parseOptions,
      strict: false,
      allowPositionals: true,
      tokens: true,
    }) as typeof parsed;
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${fullHelp}`);
  }
  const values = parsed.values;
  if (values.help) {
    console.log(fullHelp);
    process.exit(0);
  }
  const action = parsed.positionals[0];
  const known = context.actions?.includes(action ?? '') ? action : undefined;
  const where = [context.command, known].filter(Boolean).join(' ');
  const forWhere = where ? ` for ${where}` : '';
  const helpHint = `Run "weir ${where ? `${where} ` : ''}--help" to see its flags.`;
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const spec = flags[token.name];
    if (!spec) {
      const names = Object.keys(flags).map((name) => `--${name}`);
      const suggestion = didYouMean(`--${token.name}`, names);
      throw new CliError(`unknown flag ${token.rawName}${forWhere}${suggestion}\n${helpHint}`);
    }
    const takesValue = spec.type === 'string';
    const nextWasFlag = takesValue && !token.inlineValue && token.value?.startsWith('--');
    if (takesValue && (token.value === undefined || nextWasFlag))
      throw new CliError(`${token.rawName} needs a value${forWhere}.\n${helpHint}`);
    if (!takesValue && token.inlineValue)
      throw new CliError(
        `${token.rawName} takes no value${forWhere}; got "${token.rawName}=${token.value}".`,
      );
  }
  for (const [name, spec] of Object.entries(options)) {
    if (!spec.choices) continue;
    const given = values[name];
    const list = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
    for (const value of list) {
      if (spec.choices.includes(value)) continue;
      throw new CliError(
        `--${name} must be ${alternatives(spec.choices)}; got "${value}"${didYouMean(value, spec.choices)}`,
      );
    }
  }
  if (context.actions) {
    if (action === undefined) throw new CliError(fullHelp);
    if (!known)
      throw new CliError(
        `unknown subcommand "${action}" for ${context.command}${didYouMean(action, context.actions)}\nRun "weir ${context.command} --help" to see its subcommands.`,
      );
  }
  return { values, positionals: parsed.positionals, action };
}
