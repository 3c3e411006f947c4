import { ApiProblem } from '@weir/api/client';
import { loginCommand } from './commands/auth.ts';
import { brokersCommand } from './commands/brokers.ts';
import { clustersCommand } from './commands/clusters.ts';
import { groupsCommand } from './commands/groups.ts';
import { jobsCommand } from './commands/jobs.ts';
import { messagesCommand } from './commands/messages.ts';
import { pluginsCommand } from './commands/plugins.ts';
import { replicasCommand } from './commands/replicas.ts';
import { schemasCommand } from './commands/schemas.ts';
import { topicsCommand } from './commands/topics.ts';
import { versionCommand } from './commands/version.ts';
import { CliError } from './errors.ts';
import { errorJson } from './output.ts';
import { describeProblem } from './session.ts';
import { didYouMean } from './suggest.ts';

const HELP = `weir — control plane for Apache Kafka

Usage: weir <command> [options]

Commands:
  serve      Run the Weir server (API, console, scheduler)
  login      Log in to a Weir server and store an API token for later commands
  clusters   List, describe, add, test and remove clusters
  topics     List, describe, create, delete, reconfigure, truncate and clone topics
  groups     List and describe consumer groups; reset or delete their offsets
  brokers    List and describe brokers; change broker and cluster-wide dynamic configs
  replicas   Plan and run reassignments; preferred and unclean leader elections
  jobs       Follow and cancel long-running operations
  messages   Browse, search, export and produce records
  plugins    List plugins, their state and extensions; enable or disable them
  schemas    Upload, list, show and delete Avro, Protobuf and JSON schemas for the serdes
  version    Print the version
  help       Show this help (also: weir <command> --help)

Every command that reads takes --json (lists print {"items", "total", "freshness"}; errors print
{"error": {...}} on stderr), and --utc or --local for timestamps (default: $WEIR_TIME_ZONE, else UTC).

Run "weir <command> --help" for a command's options.`;

/** One `weir` command: its arguments after the command name. */
export type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  login: loginCommand,
  version: versionCommand,
  clusters: clustersCommand,
  topics: topicsCommand,
  groups: groupsCommand,
  brokers: brokersCommand,
  replicas: replicasCommand,
  jobs: jobsCommand,
  messages: messagesCommand,
  plugins: pluginsCommand,
  schemas: schemasCommand,
};

/**
 * Runs one `weir` command line (`argv` without node and the script). `serve` is not the CLI's: the
 * launcher (packages/weir) passes it in `extra`, so the CLI never loads the server.
 *
 * @throws CliError for bad usage (exit 2) and failures the person can act on (exit 1); ApiProblem
 * for an error status from the server.
 */
export async function main(argv: string[], extra: Record<string, Command> = {}): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP);
    return;
  }
  if (name === '--version' || name === '-v') return versionCommand([]);
  const command = Object.hasOwn(extra, name)
    ? extra[name]
    : Object.hasOwn(commands, name)
      ? commands[name]
      : undefined;
  if (!command) {
    const known = [...Object.keys(extra), ...Object.keys(commands), 'help'];
    const suggestion = didYouMean(name, known, (match) => `"weir ${match}"`);
    throw new CliError(
      `Unknown command "${name}"${suggestion || '.'} Run "weir --help" to see the commands.`,
    );
  }
  await command(args);
}

/** Whether the command line asks for JSON (before any `--`, after which words are names). */
const wantsJson = (argv: string[]) => {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
};

/**
 * {@link main} as a process runs it: an error is printed to stderr and sets the exit code (2 bad
 * usage, 1 any other failure). With --json the error is `{"error": {status, title, detail, problems}}`.
 */
export async function run(argv: string[], extra: Record<string, Command> = {}): Promise<void> {
  try {
    await main(argv, extra);
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    if (wantsJson(argv)) console.error(JSON.stringify(errorJson(error)));
    else if (error instanceof CliError) console.error(error.message);
    else if (error instanceof ApiProblem) console.error(describeProblem(error));
    else console.error(error instanceof Error ? error.message : error);
    process.exit(exitCode);
  }
}
