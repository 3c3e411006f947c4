import type { ClusterSnapshot } from './cluster-snapshot.ts';
import type { BrokerSummary } from './read-model.types.ts';

export type { BrokerSummary };

export function summarizeBrokers(snapshot: ClusterSnapshot, controllerId: number | null): BrokerSummary[] {
  const partitions = snapshot.metadata.topics.flatMap((t) => t.partitions);
  const brokers = snapshot.metadata.brokers;
  const evenShare = brokers.length > 0 ? partitions.filter((p) => p.leader >= 0).length / brokers.length : 0;
  return brokers.map((broker) => {
    const leaders = partitions.filter((p) => p.leader === broker.nodeId).length;
    const dirs = snapshot.logDirs?.find((d) => d.brokerId === broker.nodeId);
    return {
      nodeId: broker.nodeId,
      host: broker.host,
      port: broker.port,
      rack: broker.rack,
      controller: broker.nodeId === controllerId,
      leaders,
      replicas: partitions.filter((p) => p.replicas.includes(broker.nodeId)).length,
      leaderSkewPercent: evenShare > 0 ? Math.round(((leaders - evenShare) / evenShare) * 1000) / 10 : null,
      logDirs: snapshot.logDirs
        ? (dirs?.logDirs ?? []).map((dir) => ({
            path: dir.path,
            totalBytes: dir.totalBytes,
            usableBytes: dir.usableBytes,
            sizeBytes: dir.replicas.reduce((sum, r) => sum + r.sizeBytes, 0),
          }))
        : null,
    };
  });
}
