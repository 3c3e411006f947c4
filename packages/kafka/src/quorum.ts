import type { Admin } from '@platformatic/kafka';
import { rawRequest } from './raw-call.ts';

export interface QuorumReplica {
  nodeId: number;
  logEndOffset: number;
  /** Records behind the leader's log end offset. */
  lag: number;
  lastCaughtUpTimestamp: number | null;
}

export interface QuorumDescription {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
}

interface RawQuorum {
  errorCode: number;
  topics: {
    partitions: {
      errorCode: number;
      leaderId: number;
      leaderEpoch: number;
      highWatermark: bigint;
      currentVoters: { replicaId: number; logEndOffset: bigint; lastCaughtUpTimestamp?: bigint }[];
      observers: { replicaId: number; logEndOffset: bigint; lastCaughtUpTimestamp?: bigint }[];
    }[];
  }[];
}

/** The KRaft metadata quorum: its leader (the active controller), voters, observers and their lag. */
export async function describeQuorum(admin: Admin): Promise<QuorumDescription> {
  const response = await rawRequest<RawQuorum>(admin, 'DescribeQuorum', [
    [{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }],
  ]);
  const partition = response.topics[0]?.partitions[0];
  if (!partition || response.errorCode !== 0 || partition.errorCode !== 0) {
    throw new Error(`DescribeQuorum answered error ${response.errorCode || partition?.errorCode}`);
  }
  const leaderEnd = Math.max(...partition.currentVoters.map((v) => Number(v.logEndOffset)));
  const toReplica = (r: { replicaId: number; logEndOffset: bigint; lastCaughtUpTimestamp?: bigint }) => ({
    nodeId: r.replicaId,
    logEndOffset: Number(r.logEndOffset),
    lag: Math.max(0, leaderEnd - Number(r.logEndOffset)),
    lastCaughtUpTimestamp:
      r.lastCaughtUpTimestamp === undefined || r.lastCaughtUpTimestamp < 0n
        ? null
        : Number(r.lastCaughtUpTimestamp),
  });
  return {
    leaderId: partition.leaderId,
    leaderEpoch: partition.leaderEpoch,
    highWatermark: Number(partition.highWatermark),
    voters: partition.currentVoters.map(toReplica).sort((a, b) => a.nodeId - b.nodeId),
    observers: partition.observers.map(toReplica).sort((a, b) => a.nodeId - b.nodeId),
  };
}
