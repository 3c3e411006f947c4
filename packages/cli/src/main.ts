import { loginCommand } from './commands/auth.ts';
import { brokersCommand } from './commands/brokers.ts';
import { clustersCommand } from './commands/clusters.ts';
import { groupsCommand } from './commands/groups.ts';
import { jobsCommand } from './commands/jobs.ts';
import { messagesCommand } from './commands/messages.ts';
import { replicasCommand } from './commands/replicas.ts';
import { serveCommand } from './commands/serve.ts';
import { topicsCommand } from './commands/topics.ts';
import { versionCommand } from './commands/version.ts';
import { CliError } from './errors.ts';

const HELP = `weir — control plane for Apache Kafka

Usage: weir <command> [options]

Commands:
  serve      Run the Weir server (API, console, scheduler)
  login      Log in to a Weir server and store an API token for later commands
  clusters   List, add, test and remove clusters
  topics     List, describe, create, delete, reconfigure, truncate and clone topics
  groups     List and describe consumer groups; reset or delete their offsets
  brokers    List brokers; change broker and cluster-wide dynamic configs
  replicas   Plan and run reassignments; preferred and unclean leader elections
  jobs       Follow and cancel long-running operations
  messages   Browse, search, export and produce records
  version    Print the version
  help       Show this help (also: weir <command> --help)

Run "weir <command> --help" for a command's options.`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  login: loginCommand,
  version: versionCommand,
  clusters: clustersCommand,
  topics: topicsCommand,
  groups: groupsCommand,
  brokers: brokersCommand,
  replicas: replicasCommand,
  jobs: jobsCommand,
  messages: messagesCommand,
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP);
    return;
  }
  if (name === '--version' || name === '-v') return versionCommand([]);
  const command = commands[name];
  if (!command) throw new CliError(`Unknown command "${name}". Run "weir --help" to see the commands.`);
  await command(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
