import type { Admin } from '@platformatic/kafka';
import { askBroker, type BrokerAddress, type BrokerFailure } from './broker-call.ts';
import { rawRequest } from './raw-call.ts';

export interface ReplicaSize {
  topic: string;
  partition: number;
  sizeBytes: number;
  /** How far a future replica (being moved between dirs) is behind; 0 otherwise. */
  offsetLag: number;
  future: boolean;
}

export interface LogDir {
  path: string;
  /** Null when the broker does not report it (before Kafka 3.3). */
  totalBytes: number | null;
  usableBytes: number | null;
  errorCode: number;
  replicas: ReplicaSize[];
}

export interface BrokerLogDirs {
  brokerId: number;
  logDirs: LogDir[];
}

/** Every broker's log directories with the size of each replica, from DescribeLogDirs. */
export async function describeAllLogDirs(admin: Admin): Promise<BrokerLogDirs[]> {
  // A null topic list asks for every partition.
  const brokers = await admin.describeLogDirs({ topics: null as unknown as [] });
  return brokers
    .map((broker) => ({
      brokerId: broker.broker,
      logDirs: broker.results.map((dir) => ({
        path: dir.logDir,
        totalBytes: dir.totalBytes < 0n ? null : Number(dir.totalBytes),
        usableBytes: dir.usableBytes < 0n ? null : Number(dir.usableBytes),
        errorCode: (dir as { errorCode?: number }).errorCode ?? 0,
        replicas: dir.topics.flatMap((topic) =>
          topic.partitions.map((p) => ({
            topic: topic.name,
            partition: p.partitionIndex,
            sizeBytes: Number(p.partitionSize),
            offsetLag: Number(p.offsetLag),
            future: p.isFutureKey,
          })),
        ),
      })),
    }))
    .sort((a, b) => a.brokerId - b.brokerId);
}

interface RawDescribeLogDirs {
  errorCode?: number;
  results: {
    errorCode: number;
    logDir: string;
    totalBytes?: bigint;
    usableBytes?: bigint;
    topics: {
      name: string;
      partitions: {
        partitionIndex: number;
        partitionSize: bigint;
        offsetLag: bigint;
        isFutureKey: boolean;
      }[];
    }[];
  }[];
}

/**
 * DescribeLogDirs asked of each broker on its own (each answers only for its own disks), so one
 * broker that does not answer costs only its own sizes.
 */
export async function describeLogDirsOfEveryBroker(
  admin: Admin,
  brokers: BrokerAddress[],
  timeoutMs: number,
): Promise<{ brokers: BrokerLogDirs[]; failedBrokers: BrokerFailure[] }> {
  const answered: BrokerLogDirs[] = [];
  const failedBrokers: BrokerFailure[] = [];
  await Promise.all(
    brokers.map(async (broker) => {
      try {
        const response = await askBroker(broker, 'DescribeLogDirs', timeoutMs, () =>
          rawRequest<RawDescribeLogDirs>(admin, 'DescribeLogDirs', [null], { broker, keepErrorCodes: true }),
        );
        answered.push({
          brokerId: broker.nodeId,
          logDirs: response.results.map((dir) => ({
            path: dir.logDir,
            totalBytes: dir.totalBytes === undefined || dir.totalBytes < 0n ? null : Number(dir.totalBytes),
            usableBytes:
              dir.usableBytes === undefined || dir.usableBytes < 0n ? null : Number(dir.usableBytes),
            errorCode: dir.errorCode,
            replicas: dir.topics.flatMap((topic) =>
              topic.partitions.map((p) => ({
                topic: topic.name,
                partition: p.partitionIndex,
                sizeBytes: Number(p.partitionSize),
                offsetLag: Number(p.offsetLag),
                future: p.isFutureKey,
              })),
            ),
          })),
        });
      } catch (error) {
        failedBrokers.push({ nodeId: broker.nodeId, error: (error as Error).message });
      }
    }),
  );
  return {
    brokers: answered.sort((a, b) => a.brokerId - b.brokerId),
    failedBrokers: failedBrokers.sort((a, b) => a.nodeId - b.nodeId),
  };
}
