import { type Admin, FindCoordinatorKeyTypes } from '@platformatic/kafka';
import { COORDINATOR_ERROR_CODES } from './coordinator-retry.ts';
import { KafkaGatewayError } from './errors.ts';
import { errorCodeName } from './leader-requests.ts';
import { rawRequest } from './raw-call.ts';

export interface GroupListing {
  groupId: string;
  state: string;
  /** `consumer`, `connect`, or empty for groups that only hold committed offsets. */
  protocolType: string;
  /** `classic` or `consumer` (KIP-848) where the broker says; null on brokers before 3.7. */
  groupType: string | null;
}

export interface GroupMemberDescription {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  host: string;
  assignment: { topic: string; partition: number }[];
}

export interface GroupDescription {
  groupId: string;
  state: string;
  protocolType: string;
  /** The partition assignor in use, e.g. `range`. */
  protocol: string;
  members: GroupMemberDescription[];
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  offset: number;
  metadata: string | null;
}

/** Broker state names (`STABLE`) and client ones (`Stable`) read the same to a person. */
export const normaliseGroupState = (state: string): string => {
  const words = state.toLowerCase().split(/[_\s]+/);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
};

export async function listGroups(admin: Admin): Promise<GroupListing[]> {
  // The client lists only classic groups unless told otherwise; new-protocol (KIP-848) groups are consumer groups too.
  const groups = await admin.listGroups({ types: ['classic', 'consumer'] });

  const listed = [...groups.values()]
    .map((group) => ({
      groupId: group.id,
      state: normaliseGroupState(group.state),
      protocolType: group.protocolType,
      groupType: group.groupType ?? null,
    }))
    .sort((a, b) => a.groupId.localeCompare(b.groupId));
  // ListGroups carries states only from Kafka 2.6 (KIP-518); older brokers tell them in DescribeGroups.
  const stateless = listed.filter((g) => g.state === UNKNOWN_STATE).map((g) => g.groupId);
  const states = new Map<string, string>();
  for (let i = 0; i < stateless.length; i += DESCRIBE_BATCH) {
    for (const group of await describeGroups(admin, stateless.slice(i, i + DESCRIBE_BATCH)))
      states.set(group.groupId, group.state);
  }
  return listed.map((g) => ({ ...g, state: states.get(g.groupId) ?? g.state }));
}

const UNKNOWN_STATE = 'Unknown';
const DESCRIBE_BATCH = 100;

export async function describeGroups(admin: Admin, groupIds: string[]): Promise<GroupDescription[]> {
  if (groupIds.length === 0) return [];
  const groups = await admin.describeGroups({ groups: groupIds });
  return [...groups.values()].map((group) => ({
    groupId: group.id,
    state: normaliseGroupState(group.state),
    protocolType: group.protocolType,
    protocol: group.protocol,
    members: [...group.members.values()].map((member) => ({
      memberId: member.id,
      groupInstanceId: member.groupInstanceId ?? null,
      clientId: member.clientId,
      host: member.clientHost.replace(/^\//, ''),
      assignment: [...(member.assignments?.values() ?? [])]
        .flatMap((a) => a.partitions.map((partition) => ({ topic: a.topic, partition })))
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
    })),
  }));
}

/** Committed offsets of each group; a partition without a commit is left out. */
export async function committedOffsets(
  admin: Admin,
  groupIds: string[],
): Promise<Map<string, CommittedOffset[]>> {
  const result = new Map<string, CommittedOffset[]>();
  if (groupIds.length === 0) return result;
  for (const group of await admin.listConsumerGroupOffsets({ groups: groupIds })) {
    result.set(
      group.groupId,
      group.topics.flatMap((topic) =>
        topic.partitions
          .filter((p) => p.committedOffset >= 0n)
          .map((p) => ({
            topic: topic.name,
            partition: p.partitionIndex,
            offset: Number(p.committedOffset),
            metadata: p.metadata ?? null,
          })),
      ),
    );
  }
  return result;
}

interface RawConsumerGroupDescribe {
  groups: {
    errorCode: number;
    groupId: string;
    groupState: string;
    assignorName: string;
    members: {
      memberId: string;
      instanceId: string | null;
      clientId: string;
      clientHost: string;
      assignment: { topicPartitions: { topicName: string; partitions: number[] }[] };
    }[];
  }[];
}

/**
 * New-protocol (KIP-848, `consumer` type) groups: ConsumerGroupDescribe, asked of each group's
 * coordinator. Classic DescribeGroups does not describe them.
 */
export async function describeConsumerProtocolGroups(
  admin: Admin,
  groupIds: string[],
): Promise<GroupDescription[]> {
  if (groupIds.length === 0) return [];
  const coordinators = await admin.findCoordinator({
    keyType: FindCoordinatorKeyTypes.GROUP,
    keys: groupIds,
  });
  const byBroker = new Map<string, { host: string; port: number; groupIds: string[] }>();
  for (const c of coordinators) {
    const key = `${c.host}:${c.port}`;
    const entry = byBroker.get(key) ?? { host: c.host, port: c.port, groupIds: [] };
    entry.groupIds.push(c.key);
    byBroker.set(key, entry);
  }
  const responses = await Promise.all(
    [...byBroker.values()].map((broker) =>
      rawRequest<RawConsumerGroupDescribe>(admin, 'ConsumerGroupDescribe', [broker.groupIds, false], {
        broker: { host: broker.host, port: broker.port },
        keepErrorCodes: true,
      }),
    ),
  );
  const groups = responses.flatMap((response) => response.groups);
  // The coordinator moved or is loading: thrown so the whole request is retried with a fresh lookup.
  const moved = groups.find((group) => COORDINATOR_ERROR_CODES.has(group.errorCode));
  if (moved)
    throw new KafkaGatewayError(
      'unreachable',
      `ConsumerGroupDescribe for ${JSON.stringify(moved.groupId)} answered ${errorCodeName(moved.errorCode)}.`,
      { api: 'ConsumerGroupDescribe', code: moved.errorCode },
    );
  return groups
    .filter((group) => group.errorCode === 0)
    .map((group) => ({
      groupId: group.groupId,
      state: normaliseGroupState(group.groupState),
      protocolType: 'consumer',
      protocol: group.assignorName,
      members: group.members.map((member) => ({
        memberId: member.memberId,
        groupInstanceId: member.instanceId ?? null,
        clientId: member.clientId,
        host: member.clientHost.replace(/^\//, ''),
        assignment: member.assignment.topicPartitions
          .flatMap((tp) => tp.partitions.map((partition) => ({ topic: tp.topicName, partition })))
          .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
      })),
    }));
}
