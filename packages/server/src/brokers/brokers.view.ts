import type { BrokerRole, BrokerSummary, Total } from '@weir/api';
import type { ClusterSnapshot } from '../clusters/cluster-snapshot.ts';
import { sumParts, unknownTotal } from '../clusters/totals.ts';

export type { BrokerSummary };

export function summarizeBrokers(snapshot: ClusterSnapshot, controllerId: number | null): BrokerSummary[] {
  const partitions = snapshot.metadata.topics.flatMap((t) => t.partitions);
  const brokers = snapshot.metadata.brokers;
  const evenShare = brokers.length > 0 ? partitions.filter((p) => p.leader >= 0).length / brokers.length : 0;
  return brokers.map((broker) => {
    const leaders = partitions.filter((p) => p.leader === broker.nodeId).length;
    const dirs = snapshot.logDirs?.find((d) => d.brokerId === broker.nodeId);
    const logDirsError = dirs
      ? null
      : (snapshot.logDirFailures.find((f) => f.nodeId === broker.nodeId)?.error ??
        snapshot.partErrors.logDirs ??
        'log dirs could not be read');
    return {
      nodeId: broker.nodeId,
      host: broker.host,
      port: broker.port,
      rack: broker.rack,
      controller: broker.nodeId === controllerId,
      leaders,
      replicas: partitions.filter((p) => p.replicas.includes(broker.nodeId)).length,
      leaderSkewPercent: evenShare > 0 ? Math.round(((leaders - evenShare) / evenShare) * 1000) / 10 : null,
      logDirs: dirs
        ? dirs.logDirs.map((dir) => ({
            path: dir.path,
            totalBytes: dir.totalBytes,
            usableBytes: dir.usableBytes,
            sizeBytes: dir.replicas.reduce((sum, r) => sum + r.sizeBytes, 0),
          }))
        : null,
      logDirsError,
      // An offline log dir (KAFKA_STORAGE_ERROR) lists no replicas: its bytes are unknown, not 0.
      sizeBytes: dirs
        ? sumParts(
            dirs.logDirs.map((dir) =>
              dir.errorCode === 0
                ? { value: dir.replicas.reduce((sum, r) => sum + r.sizeBytes, 0) }
                : {
                    value: null,
                    reason: `log dir ${dir.path} answered error code ${dir.errorCode} (offline)`,
                  },
            ),
            'logDir',
          )
        : unknownTotal('logDir', logDirsError ?? 'log dirs could not be read'),
    };
  });
}

/**
 * A broker's role in its cluster. KRaft's Metadata lists broker processes only, so a broker that is
 * also a quorum voter (DescribeQuorum) runs a controller in the same process (`both`); the active
 * controller is the quorum leader. With ZooKeeper, only whether it is the active controller.
 */
export function brokerRoleOf(
  snapshot: ClusterSnapshot,
  nodeId: number,
  controllerId: number | null,
): BrokerRole {
  const activeController = nodeId === controllerId;
  if (snapshot.mode === 'zookeeper')
    return { mode: 'zookeeper', processRoles: null, activeController, reason: null };
  if (!snapshot.quorum)
    return {
      mode: 'kraft',
      processRoles: null,
      activeController,
      reason: snapshot.partErrors.quorum ?? 'the KRaft quorum could not be read',
    };
  const voter = snapshot.quorum.voters.some((v) => v.nodeId === nodeId);
  return { mode: 'kraft', processRoles: voter ? 'both' : 'broker', activeController, reason: null };
}

/**
 * How many partitions a broker leads and how many replicas it holds, over every partition in
 * Metadata (which always answers, so both are complete; a leaderless partition is led by no one).
 */
export function brokerLoadOf(snapshot: ClusterSnapshot, nodeId: number): { leaders: Total; replicas: Total } {
  const partitions = snapshot.metadata.topics.flatMap((t) => t.partitions);
  const count = (value: number, parts: number, unit: Total['unit']): Total => ({
    value,
    complete: true,
    parts,
    unknownParts: 0,
    unit,
    reason: null,
  });
  const replicas = partitions.flatMap((p) => p.replicas);
  return {
    leaders: count(partitions.filter((p) => p.leader === nodeId).length, partitions.length, 'partition'),
    replicas: count(replicas.filter((r) => r === nodeId).length, replicas.length, 'replica'),
  };
}
