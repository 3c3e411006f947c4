import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ClusterConnection, createKafkaGateway } from '@weir/kafka';
import { makeTestCertificates } from './certificates.ts';
import {
  DEFAULT_SASL_USERS,
  kafkaNodeMainClass,
  kraftNodeProperties,
  loggingConfig,
  type NodePorts,
  type SaslUser,
  SCRAM_MECHANISMS,
  zookeeperBrokerProperties,
  zookeeperProperties,
} from './config-files.ts';
import { resolveKafkaJars } from './jars.ts';

import { freePorts } from './ports.ts';
import { type JavaProcess, runJava, startJava, waitForLog } from './processes.ts';
import { forgetCluster, reapOrphanClusters, registerCluster } from './registry.ts';
import { type KafkaRelease, resolveRelease } from './versions.ts';

export interface StartKafkaOptions {
  /** `4.1`, `3.9`, `2.8` or a full version such as `3.9.2`. */
  version: string;
  /** 1 (default) or 3. */
  brokers?: number;
  /** Adds a SASL_PLAINTEXT listener with PLAIN and SCRAM-SHA-256/512 users. */
  sasl?: boolean;
  /** Adds an SSL listener with a certificate for 127.0.0.1 signed by a throwaway CA (`tlsCa`). */
  tls?: boolean;
  /** Adds a PLAINTEXT listener on the IPv6 loopback, advertised as `[::1]:port` (`bootstrapServers.ipv6`). */
  ipv6?: boolean;
  /** Turns on Kafka's ACL authorizer; `User:ANONYMOUS` (the PLAINTEXT listener) and `User:admin` are super users. */
  authorizer?: boolean;
  /** Broker heap in MiB; default 256 (benchmarks with many partitions need more). */
  heapMb?: number;
  /** Readiness budget for the whole cluster; default 90 s. */
  startTimeoutMs?: number;
  /**
   * Extra settings for every node's properties file (KRaft and ZooKeeper mode), e.g.
   * `{ 'broker.session.timeout.ms': 600000 }` so a hung broker stays registered instead of being
   * fenced after 9 s.
   */
  brokerProperties?: Record<string, string | number>;
}

export interface BrokerInfo {
  nodeId: number;
  plaintext: string;
  sasl?: string;
  pid: number | undefined;
  running: boolean;
  logFile: string;
}

export interface KafkaCluster {
  version: string;
  mode: 'kraft' | 'zookeeper';
  clusterId: string;
  bootstrapServers: { plaintext: string; sasl?: string; ssl?: string; ipv6?: string };
  /** PEM of the CA that signed the brokers' certificates, when started with `tls`. */
  tlsCa?: string;
  saslUsers: readonly SaslUser[];
  dataDir: string;
  zookeeper?: { connect: string; pid: number | undefined };
  brokers(): BrokerInfo[];
  pids(): number[];
  /** A gateway connection to this cluster, optionally through the SASL listener as a user. */
  connection(options?: {
    sasl?: { mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512'; username: string; password: string };
  }): ClusterConnection;
  stopBroker(nodeId: number): Promise<void>;
  startBroker(nodeId: number): Promise<void>;
  /** Kills every process and deletes the data directory. */
  stop(): Promise<void>;
}

const JVM_FLAGS = [
  '-Xms64m',
  '-Xmx256m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
];
const BROKER_READY = /Kafka Server started|\[KafkaServer id=\d+\] started|\[Kafka Server \d+\], started/;

/** A KRaft cluster id: 16 random bytes in base64url, not starting with '-' (the tool reads that as a flag). */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

interface NodeState {
  ports: NodePorts;
  dir: string;
  propertiesFile: string;
  logFile: string;
  process?: JavaProcess;
}

/** Starts a real Kafka cluster from Maven Central jars. Call `stop()` when done (also on failure). */
export async function startKafkaCluster(options: StartKafkaOptions): Promise<KafkaCluster> {
  const release = resolveRelease(options.version);
  const brokerCount = options.brokers ?? 1;
  if (brokerCount !== 1 && brokerCount !== 3) throw new Error('The harness runs 1 or 3 brokers.');
  reapOrphanClusters();
  const libDir = await resolveKafkaJars(release);
  const classPath = `${libDir}/*`;
  const dataDir = mkdtempSync(join(tmpdir(), `weir-kafka-${release.version}-`));
  const logging = loggingConfig(release);
  const loggingFile = join(dataDir, logging.fileName);
  writeFileSync(loggingFile, logging.text);
  const javaArgs = (mainClass: string, ...args: string[]) => [
    ...JVM_FLAGS.map((flag) => (flag === '-Xmx256m' && options.heapMb ? `-Xmx${options.heapMb}m` : flag)),

    logging.jvmFlag(loggingFile),
    '-cp',
    classPath,
    mainClass,
    ...args,
  ];
  const saslUsers = options.sasl ? DEFAULT_SASL_USERS : [];
  const perNode = 2 + (options.sasl ? 1 : 0) + (options.tls ? 1 : 0);
  const certificates = options.tls ? makeTestCertificates(dataDir) : undefined;
  const ports = await freePorts(brokerCount * perNode + 1 + (options.ipv6 ? brokerCount : 0));
  // The IPv6 listeners take the ports after everything else, so the other ports keep their places.
  const ipv6Port = (index: number) => (options.ipv6 ? ports[brokerCount * perNode + 1 + index] : undefined);
  const nodes: NodeState[] = Array.from({ length: brokerCount }, (_, index) => {
    const nodeId = index + 1;
    const dir = join(dataDir, `node-${nodeId}`);
    mkdirSync(dir, { recursive: true });
    return {
      ports: {
        nodeId,
        plaintext: ports[index * perNode]!,
        controller: ports[index * perNode + 1]!,
        sasl: options.sasl ? ports[index * perNode + 2]! : undefined,
        ssl: options.tls ? ports[index * perNode + perNode - 1]! : undefined,
        ipv6: ipv6Port(index),
      },
      dir,
      propertiesFile: join(dir, 'server.properties'),
      logFile: join(dir, 'kafka.log'),
    };
  });
  const clusterId = release.mode === 'kraft' ? newClusterId() : '';
  let zookeeper: { process: JavaProcess; connect: string } | undefined;

  const cluster: KafkaCluster & { clusterId: string } = {
    version: release.version,
    mode: release.mode,
    clusterId,
    bootstrapServers: {
      plaintext: nodes.map((n) => `127.0.0.1:${n.ports.plaintext}`).join(','),
      sasl: options.sasl ? nodes.map((n) => `127.0.0.1:${n.ports.sasl}`).join(',') : undefined,
      ssl: options.tls ? nodes.map((n) => `127.0.0.1:${n.ports.ssl}`).join(',') : undefined,
      ipv6: options.ipv6 ? nodes.map((n) => `[::1]:${n.ports.ipv6}`).join(',') : undefined,
    },
    tlsCa: certificates?.caPem,
    saslUsers,
    dataDir,
    get zookeeper() {
      return zookeeper && { connect: zookeeper.connect, pid: zookeeper.process.child.pid };
    },
    brokers: () =>
      nodes.map((n) => ({
        nodeId: n.ports.nodeId,
        plaintext: `127.0.0.1:${n.ports.plaintext}`,
        sasl: n.ports.sasl === undefined ? undefined : `127.0.0.1:${n.ports.sasl}`,
        pid: n.process?.child.pid,
        running:
          n.process !== undefined && n.process.child.exitCode === null && n.process.child.signalCode === null,
        logFile: n.logFile,
      })),
    pids: () =>
      [zookeeper?.process.child.pid, ...nodes.map((n) => n.process?.child.pid)].filter(
        (pid): pid is number => pid !== undefined,
      ),
    connection: (connectionOptions) => {
      if (connectionOptions?.sasl) {
        if (!cluster.bootstrapServers.sasl)
          throw new Error('This cluster was started without { sasl: true }.');
        return {
          bootstrapServers: cluster.bootstrapServers.sasl.split(','),
          securityProtocol: 'SASL_PLAINTEXT',
          sasl: connectionOptions.sasl,
          clientId: 'weir-harness',
        };
      }
      return { bootstrapServers: cluster.bootstrapServers.plaintext.split(','), clientId: 'weir-harness' };
    },
    stopBroker: async (nodeId) => {
      const node = nodes.find((n) => n.ports.nodeId === nodeId);
      if (!node?.process) throw new Error(`No running broker ${nodeId}.`);
      await node.process.stop();
      registerCluster(dataDir, cluster.pids());
    },
    startBroker: async (nodeId) => {
      const node = nodes.find((n) => n.ports.nodeId === nodeId);
      if (!node) throw new Error(`No broker ${nodeId} in this cluster.`);
      const offset = statSync(node.logFile).size;
      node.process = startJava(javaArgs(kafkaNodeMainClass, node.propertiesFile), { logFile: node.logFile });
      registerCluster(dataDir, cluster.pids());
      await waitForLog(node.process, BROKER_READY, {
        timeoutMs: 60_000,
        fromOffset: offset,
        what: `broker ${nodeId}`,
      });
      // Ready means the restarted broker itself lists every running broker: its metadata catches up after its log says "started".
      const running = cluster.brokers().filter((b) => b.running).length;
      await waitForBrokers({ bootstrapServers: [`127.0.0.1:${node.ports.plaintext}`] }, running, 60_000);
    },
    stop: async () => {
      await Promise.all(nodes.map((n) => n.process?.stop(5000)));
      await zookeeper?.process.stop(5000);
      forgetCluster(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  try {
    if (release.mode === 'kraft') {
      await formatKraftStorage(
        release,
        nodes,
        saslUsers,
        clusterId,
        options.authorizer ?? false,
        options.brokerProperties,
        certificates && {
          path: certificates.brokerKeystorePath,
          keyPassword: certificates.brokerKeyPassword,
        },
        (main, ...args) => javaArgs(main, ...args),
      );
    } else {
      const zkPort = ports.at(-1)!;
      const zkDir = join(dataDir, 'zookeeper');
      mkdirSync(zkDir, { recursive: true });
      writeFileSync(
        join(zkDir, 'zk.properties'),
        zookeeperProperties({ port: zkPort, dataDir: join(zkDir, 'data') }),
      );
      const zkProcess = startJava(
        [...javaArgs('org.apache.zookeeper.server.quorum.QuorumPeerMain', join(zkDir, 'zk.properties'))].map(
          (arg) => (arg === '-Xmx256m' ? '-Xmx128m' : arg),
        ),
        { logFile: join(zkDir, 'zookeeper.log') },
      );
      zookeeper = { process: zkProcess, connect: `127.0.0.1:${zkPort}` };
      registerCluster(dataDir, cluster.pids());
      await waitForLog(zkProcess, /binding to port/, { timeoutMs: 30_000, what: 'ZooKeeper' });
      for (const node of nodes) {
        writeFileSync(
          node.propertiesFile,
          zookeeperBrokerProperties({
            release,
            node: node.ports,
            brokerCount,
            zookeeperConnect: zookeeper.connect,
            logDir: join(node.dir, 'logs'),
            saslUsers: options.sasl ? saslUsers : undefined,
            authorizer: options.authorizer,
            extra: options.brokerProperties,
            tlsKeystore: certificates && {
              path: certificates.brokerKeystorePath,
              keyPassword: certificates.brokerKeyPassword,
            },
          }),
        );
      }
      if (options.sasl)
        await addZookeeperScramUsers(zookeeper.connect, saslUsers, (main, ...args) =>
          javaArgs(main, ...args),
        );
    }
    for (const node of nodes) {
      node.process = startJava(javaArgs(kafkaNodeMainClass, node.propertiesFile), { logFile: node.logFile });
    }
    registerCluster(dataDir, cluster.pids());
    const timeoutMs = options.startTimeoutMs ?? 90_000;
    await Promise.all(
      nodes.map((node) =>
        waitForLog(node.process!, BROKER_READY, {
          timeoutMs,
          what: `Kafka ${release.version} broker ${node.ports.nodeId}`,
        }),
      ),
    );
    const description = await waitForBrokers(cluster.connection(), brokerCount, timeoutMs);
    cluster.clusterId = description.clusterId;
    return cluster;
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw error;
  }
}

async function formatKraftStorage(
  release: KafkaRelease,
  nodes: NodeState[],
  saslUsers: readonly SaslUser[],
  clusterId: string,
  authorizer: boolean,
  extra: Record<string, string | number> | undefined,
  tlsKeystore: { path: string; keyPassword: string } | undefined,

  javaArgs: (main: string, ...args: string[]) => string[],
): Promise<void> {
  const voters = nodes.map((n) => n.ports);
  const scram = saslUsers.flatMap((user) =>
    SCRAM_MECHANISMS.flatMap((mechanism) => [
      '--add-scram',
      `${mechanism}=[name=${user.username},password=${user.password}]`,
    ]),
  );
  await Promise.all(
    nodes.map((node) => {
      writeFileSync(
        node.propertiesFile,
        kraftNodeProperties({
          release,
          node: node.ports,
          voters,
          logDir: join(node.dir, 'logs'),
          saslUsers: saslUsers.length > 0 ? saslUsers : undefined,
          authorizer,
          tlsKeystore,
          extra,
        }),
      );
      return runJava(
        javaArgs('kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', node.propertiesFile, ...scram),
      );
    }),
  );
}

async function addZookeeperScramUsers(
  zookeeperConnect: string,
  users: readonly SaslUser[],
  javaArgs: (main: string, ...args: string[]) => string[],
): Promise<void> {
  for (const user of users) {
    const credentials = SCRAM_MECHANISMS.map((m) => `${m}=[password=${user.password}]`).join(',');
    await runJava(
      javaArgs(
        'kafka.admin.ConfigCommand',
        '--zookeeper',
        zookeeperConnect,
        '--alter',
        '--add-config',
        credentials,
        '--entity-type',
        'users',
        '--entity-name',
        user.username,
      ),
    );
  }
}

/** A broker's log line is not enough: wait until Metadata through the gateway lists every broker. */
async function waitForBrokers(connection: ClusterConnection, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  // A KRaft broker that just registered can drop out of its own Metadata again until the controller
  // unfences it, so one complete answer is not enough: ask for two in a row.
  let completeAnswers = 0;
  for (;;) {
    const gateway = createKafkaGateway({ ...connection, requestTimeoutMs: 5000, connectTimeoutMs: 2000 });
    try {
      const description = await gateway.describeCluster();
      if (description.brokers.length === count && description.controllerId >= 0) {
        completeAnswers += 1;
        if (completeAnswers === 2) return description;
      } else {
        completeAnswers = 0;
        lastError = new Error(`Metadata lists ${description.brokers.length} of ${count} brokers`);
      }
    } catch (error) {
      completeAnswers = 0;
      lastError = error;
    } finally {
      await gateway.close();
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The cluster did not answer Metadata with ${count} brokers in time: ${(lastError as Error).message}`,
      );
    }
    await sleep(250);
  }
}
