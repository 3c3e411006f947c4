import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A file per running cluster under the temp directory, naming the process that owns it and the JVMs
 * it started. When an owner died without cleaning up (a killed test run), the next start reaps them.
 */
const registryDir = () => join(tmpdir(), 'weir-kafka-harness');

interface Entry {
  owner: number;
  dataDir: string;
  pids: number[];
}

const entryPath = (dataDir: string) => join(registryDir(), `${basename(dataDir)}.json`);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export function registerCluster(dataDir: string, pids: number[]): void {
  mkdirSync(registryDir(), { recursive: true });
  const entry: Entry = { owner: process.pid, dataDir, pids };
  writeFileSync(entryPath(dataDir), JSON.stringify(entry));
  writeFileSync(join(dataDir, 'cluster.json'), JSON.stringify(entry));
}

export function forgetCluster(dataDir: string): void {
  rmSync(entryPath(dataDir), { force: true });
}

/** Kills every JVM process group of a cluster. */
export function killClusterProcesses(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

export function reapOrphanClusters(): void {
  if (!existsSync(registryDir())) return;
  for (const file of readdirSync(registryDir())) {
    const path = join(registryDir(), file);
    try {
      const entry = JSON.parse(readFileSync(path, 'utf8')) as Entry;
      if (alive(entry.owner)) continue;
      killClusterProcesses(entry.pids);
      rmSync(entry.dataDir, { recursive: true, force: true });
      rmSync(path, { force: true });
    } catch {
      rmSync(path, { force: true });
    }
  }
}

export function readClusterEntry(dataDir: string): Entry {
  return JSON.parse(readFileSync(join(dataDir, 'cluster.json'), 'utf8')) as Entry;
}
