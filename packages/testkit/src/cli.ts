// `npm run kafka -- start --version 3.9.1 --brokers 3 [--sasl]` / `npm run kafka -- stop <dir>`:
// real Kafka for people, printing one JSON line and running until stopped.
import { parseArgs } from 'node:util';
import { startKafkaCluster } from './cluster.ts';
import { killClusterProcesses, readClusterEntry } from './registry.ts';

const USAGE = `Usage:
  npm run kafka -- start [--version 4.1|3.9|2.8|2.2|<x.y.z>] [--brokers 1|3] [--sasl]
  npm run kafka -- stop <data dir printed by start>`;

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      version: { type: 'string', default: '3.9' },
      brokers: { type: 'string', default: '1' },
      sasl: { type: 'boolean' },
    },
  });
  const brokers = Number(values.brokers);
  const cluster = await startKafkaCluster({ version: values.version!, brokers, sasl: values.sasl ?? false });
  console.log(
    JSON.stringify({
      version: cluster.version,
      mode: cluster.mode,
      clusterId: cluster.clusterId,
      bootstrapServers: cluster.bootstrapServers,
      saslUsers: cluster.saslUsers.map((u) => ({
        ...u,
        mechanisms: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'],
      })),
      zookeeper: cluster.zookeeper?.connect,
      dataDir: cluster.dataDir,
      pids: cluster.pids(),
    }),
  );
  const shutdown = async () => {
    await cluster.stop();
    process.exit(0);
  };
  // Replaces the harness's default exit-on-signal so the data directory is removed too.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  setInterval(() => undefined, 1 << 30);
}

function stop(dataDir: string | undefined): void {
  if (!dataDir) throw new Error(`stop needs the data directory that start printed.\n${USAGE}`);
  const entry = readClusterEntry(dataDir);
  try {
    // The owner removes the data directory on its way out.
    process.kill(entry.owner, 'SIGTERM');
  } catch {
    killClusterProcesses(entry.pids);
  }
  console.log(`Stopping the cluster in ${dataDir}.`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'start') await start(rest);
  else if (command === 'stop') stop(rest[0]);
  else {
    console.error(USAGE);
    process.exit(command ? 2 : 0);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
