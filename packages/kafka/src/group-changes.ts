import type { Admin } from '@platformatic/kafka';

export interface GroupOffset {
  topic: string;
  partition: number;
  offset: number;
}

/** OffsetCommit as an outsider (no generation): the coordinator accepts it only for a group without members. */
export async function commitGroupOffsets(
  admin: Admin,
  groupId: string,
  offsets: GroupOffset[],
): Promise<void> {
  const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
  for (const o of offsets) {
    byTopic.set(o.topic, [
      ...(byTopic.get(o.topic) ?? []),
      { partition: o.partition, offset: BigInt(o.offset) },
    ]);
  }
  await admin.alterConsumerGroupOffsets({
    groupId,
    topics: [...byTopic].map(([name, partitionOffsets]) => ({ name, partitionOffsets })),
  });
}

export async function deleteGroup(admin: Admin, groupId: string): Promise<void> {
  await admin.deleteGroups({ groups: [groupId] });
}

export async function deleteGroupOffsets(
  admin: Admin,
  groupId: string,
  topic: string,
  partitions: number[],
): Promise<void> {
  await admin.deleteConsumerGroupOffsets({
    groupId,
    topics: [{ name: topic, partitionIndexes: partitions }],
  });
}
