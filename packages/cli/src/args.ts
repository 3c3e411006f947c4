import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with errors a person can act on and a --help flag on every command. */
export function parseCommandArgs(
  args: string[],
  options: Options,
  help: string,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
    if (values.help) {
      console.log(help);
      process.exit(0);
    }
    return { values, positionals: parsed.positionals };
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${help}`);
  }
}
