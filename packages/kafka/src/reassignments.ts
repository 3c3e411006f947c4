import type { Admin, Broker } from '@platformatic/kafka';
import { rawRequest } from './raw-call.ts';

/** A partition's target replicas; `replicas: null` cancels a reassignment in flight. */
export interface ReplicaMove {
  topic: string;
  partition: number;
  replicas: number[] | null;
}

export interface OngoingReassignment {
  topic: string;
  partition: number;
  replicas: number[];
  adding: number[];
  removing: number[];
}

interface RawAlterResponse {
  responses: {
    name: string;
    partitions: { partitionIndex: number; errorCode: number; errorMessage: string | null }[];
  }[];
}

const TIMEOUT_MS = 30_000;

/** AlterPartitionReassignments at the controller; per-partition failures are returned, not thrown. */
export async function alterReassignments(
  admin: Admin,
  controller: Broker,
  moves: ReplicaMove[],
): Promise<{ topic: string; partition: number; error: string }[]> {
  const byTopic = new Map<string, { partitionIndex: number; replicas: number[] | null }[]>();
  for (const m of moves) {
    byTopic.set(m.topic, [
      ...(byTopic.get(m.topic) ?? []),
      { partitionIndex: m.partition, replicas: m.replicas },
    ]);
  }
  const topics = [...byTopic].map(([name, partitions]) => ({ name, partitions }));
  const response = await rawRequest<RawAlterResponse>(
    admin,
    'AlterPartitionReassignments',
    [TIMEOUT_MS, false, topics],
    {
      broker: controller,
      keepErrorCodes: true,
    },
  );
  return response.responses.flatMap((t) =>
    t.partitions
      .filter((p) => p.errorCode !== 0)
      .map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        error: p.errorMessage ?? `error code ${p.errorCode}`,
      })),
  );
}

interface RawListResponse {
  topics: {
    name: string;
    partitions: {
      partitionIndex: number;
      replicas: number[];
      addingReplicas: number[];
      removingReplicas: number[];
    }[];
  }[];
}

/** Every reassignment the controller is still carrying out. */
export async function listReassignments(admin: Admin, controller: Broker): Promise<OngoingReassignment[]> {
  // A null topic list asks for all of them.
  const response = await rawRequest<RawListResponse>(
    admin,
    'ListPartitionReassignments',
    [TIMEOUT_MS, null],
    {
      broker: controller,
    },
  );
  return response.topics.flatMap((t) =>
    t.partitions.map((p) => ({
      topic: t.name,
      partition: p.partitionIndex,
      replicas: p.replicas,
      adding: p.addingReplicas,
      removing: p.removingReplicas,
    })),
  );
}
