import type { Admin } from '@platformatic/kafka';

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
