/**
 * @weir/cli: the `weir` commands that talk to a Weir server over its HTTP API (through @weir/api
 * only). The launcher (packages/weir) runs {@link run}, adding `serve`, which it owns.
 */
export { parseCommandArgs } from './args.ts';
export { CliError } from './errors.ts';
export { type Command, main, run } from './main.ts';
